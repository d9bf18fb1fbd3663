package web_test

import (
	"testing"

	"github.com/guichet/guichet/site/web"
)

// TestAPIErrorsReadableFromOtherOrigins: an app on another origin reads
// the API's errors, not only its answers. A query string that does not
// parse (400 "query string: invalid escape …") and the protection
// limit's 429 were answered before the endpoint's CORS headers were set,
// so the browser gave the app a network error in their place: no message,
// no status, no Retry-After to wait for.
func TestAPIErrorsReadableFromOtherOrigins(t *testing.T) {
	e := newEnvWith(t, func(o *web.Options) { o.Limits.RequestRate, o.Limits.RequestBurst = 1, 2 })
	w := e.do(t, "GET", "/api/v1/search?q=100%", nil, "Origin", "https://app.example.org")
	if w.Code != 400 || w.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("malformed query: %d, Access-Control-Allow-Origin %q: %s", w.Code, w.Header().Get("Access-Control-Allow-Origin"), w.Body)
	}
	for range 3 {
		w = e.do(t, "GET", "/api/v1/faq", nil, "Origin", "https://app.example.org")
	}
	h := w.Header()
	if w.Code != 429 || h.Get("Access-Control-Allow-Origin") != "*" || h.Get("Access-Control-Expose-Headers") != "Retry-After" {
		t.Errorf("over the limit: %d, Access-Control-Allow-Origin %q, Expose-Headers %q: %s",
			w.Code, h.Get("Access-Control-Allow-Origin"), h.Get("Access-Control-Expose-Headers"), w.Body)
	}
}
