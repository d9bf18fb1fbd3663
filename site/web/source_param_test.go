package web_test

import (
	"strings"
	"testing"
)

// TestSourceInAnyCase: a client's source is read in any case and trimmed,
// as boolean parameters are ("verbatim=TRUE"): `source=Widget` was a 400
// "source must be …" while naming a source the API takes (a newcomer,
// rv22b). An unknown source still says which are taken, wherever it is
// named: the search API, an event.
func TestSourceInAnyCase(t *testing.T) {
	e := newEnv(t)
	for _, tt := range []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"GET", "/api/v1/search?q=invoice&source=Widget", "", 200, `"query":"invoice"`},
		{"GET", "/api/v1/suggest?q=invoice&source=%20SITE%20", "", 200, `"query":"invoice"`},
		{"GET", "/api/v1/search?q=invoice&source=app", "", 400, "source must be site, widget, contact or api"},
		{"POST", "/api/v1/events", `{"type":"search","query":"invoice","results":0,"source":"Widget"}`, 202, ""},
		{"POST", "/api/v1/events", `{"type":"search","query":"invoice","results":0,"source":"app"}`, 400, "source must be site, widget, contact or api"},
	} {
		var w = e.do(t, tt.method, tt.path, strings.NewReader(tt.body), "Content-Type", "application/json")
		if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) {
			t.Errorf("%s %s %s: %d %s; want %d with %q", tt.method, tt.path, tt.body, w.Code, w.Body, tt.status, tt.want)
		}
	}
}
