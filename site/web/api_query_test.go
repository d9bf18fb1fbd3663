package web_test

import (
	"strings"
	"testing"
)

// TestMalformedQueryString: an API request whose query string does not
// parse is a 400 naming the fault, not answered as if the parameter it
// could not read were not given (`/api/v1/context?url=http://%zz`
// answered the FAQ's fallback articles; a newcomer, rv22e).
func TestMalformedQueryString(t *testing.T) {
	e := newEnv(t)
	for _, tt := range []struct {
		path   string
		status int
		want   string
	}{
		{"/api/v1/context?url=http://%zz", 400, `query string: invalid escape \"%zz\": write % as %25`},
		{"/api/v1/search?q=100%", 400, "query string: invalid escape"},
		{"/api/v1/suggest?q=a;b", 400, "query string: invalid semicolon separator"},
		{"/api/v1/search?q=100%25", 200, `"query":"100%"`},
		{"/api/v1/context?url=%2Fbilling", 200, `"articles"`},
	} {
		w := e.do(t, "GET", tt.path, nil)
		if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) {
			t.Errorf("GET %s: %d %s; want %d with %s", tt.path, w.Code, w.Body, tt.status, tt.want)
		}
	}
}
