package web_test

import "testing"

// TestWidgetLoaderCrossOrigin: the loader is a public script other sites
// include, so it may be fetched in CORS mode (a tag with
// crossorigin="anonymous", which frameworks add to every script and error
// reporting needs), and its script by a page isolated with
// Cross-Origin-Embedder-Policy: require-corp. It answered without
// Access-Control-Allow-Origin or Cross-Origin-Resource-Policy, so the
// browser refused it on a crossorigin tag: no help button, and only a console
// line about CORS for the app's developer.
func TestWidgetLoaderCrossOrigin(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "GET", "/widget.js", nil, "Origin", "https://app.example.org", "Sec-Fetch-Mode", "cors")
	if w.Code != 200 || w.Header().Get("Access-Control-Allow-Origin") != "*" || w.Header().Get("Cross-Origin-Resource-Policy") != "cross-origin" {
		t.Errorf("%d, Access-Control-Allow-Origin %q, Cross-Origin-Resource-Policy %q",
			w.Code, w.Header().Get("Access-Control-Allow-Origin"), w.Header().Get("Cross-Origin-Resource-Policy"))
	}
}
