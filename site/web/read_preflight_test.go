package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestReadEndpointsPreflight: the read endpoints answer any origin, so a
// browser's preflight for them (an app whose fetch adds a header of its
// own, X-Request-ID or Content-Type: application/json on a GET) is a 204
// letting that origin read with those headers. It was a 405 saying
// "OPTIONS /api/v1/search: this endpoint takes OPTIONS, GET" (and, for an
// article, a 204 without Access-Control-Allow-Origin), so the browser
// refused every such call from another origin.
func TestReadEndpointsPreflight(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{
		"/api/v1/search?q=refund",
		"/api/v1/suggest?q=ref",
		"/api/v1/context?url=/settings",
		"/api/v1/faq",
		"/api/v1/articles/billing/refund",
	} {
		w := e.do(t, "OPTIONS", path, nil,
			"Origin", "https://app.example.org",
			"Access-Control-Request-Method", "GET",
			"Access-Control-Request-Headers", "x-request-id,content-type")
		h := w.Header()
		if w.Code != 204 || h.Get("Access-Control-Allow-Origin") != "*" ||
			!strings.Contains(h.Get("Access-Control-Allow-Methods"), "GET") ||
			!strings.Contains(strings.ToLower(h.Get("Access-Control-Allow-Headers")), "x-request-id") {
			t.Errorf("preflight %s: %d, headers %v: %s", path, w.Code, h, w.Body)
		}
		// The call itself, from that origin.
		w = e.do(t, "GET", path, nil, "Origin", "https://app.example.org", "X-Request-ID", "42")
		if w.Code != 200 || w.Header().Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("GET %s: %d, Access-Control-Allow-Origin %q", path, w.Code, w.Header().Get("Access-Control-Allow-Origin"))
		}
	}
}

// TestArticleAPIWrongMethod: POST /api/v1/articles/{id} is a 405 naming
// the method it takes, as every other endpoint's is; it was the router's
// bare "Method Not Allowed".
func TestArticleAPIWrongMethod(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "POST", "/api/v1/articles/billing/refund", strings.NewReader("{}"), "Content-Type", "application/json")
	var resp struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	json.Unmarshal(w.Body.Bytes(), &resp)
	if w.Code != 405 || w.Header().Get("Allow") != "OPTIONS, GET, HEAD" || resp.Error.Code != "method_not_allowed" ||
		resp.Error.Message != "POST /api/v1/articles/billing/refund: this endpoint takes OPTIONS, GET, HEAD" {
		t.Errorf("%d, Allow %q, %+v", w.Code, w.Header().Get("Allow"), resp.Error)
	}
}
