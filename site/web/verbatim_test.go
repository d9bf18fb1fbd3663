package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestVerbatimValues: verbatim reads the same in the search and suggest
// APIs and on the results page: 1 or true (in any case, as Python's
// requests sends True) searches the words as typed, 0, false or absent
// forgives typos, and anything else is a 400 naming the parameter — JSON
// from the APIs, a page of the site from /search.
func TestVerbatimValues(t *testing.T) {
	e := newEnv(t)
	for _, tt := range []struct {
		value    string
		verbatim bool
		bad      bool
	}{
		{"1", true, false}, {"true", true, false}, {"True", true, false}, {"TRUE", true, false},
		{"0", false, false}, {"false", false, false}, {"False", false, false}, {"", false, false},
		{"yes", false, true}, {"maybe", false, true}, {"2", false, true}, {"on", true, false}, {"off", false, false},
	} {
		for _, target := range []string{"/api/v1/search", "/api/v1/suggest", "/search"} {
			w := e.do(t, "GET", target+"?q=refnud&verbatim="+tt.value, nil)
			page := !strings.HasPrefix(target, "/api/")
			if tt.bad {
				var msg string
				if page {
					if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
						t.Errorf("%s verbatim=%s: %s, want a page of the site", target, tt.value, ct)
					}
					msg = webtest.Parse(t, w.Body.String()).Text("main")
				} else {
					var body struct {
						Error struct{ Code, Message string }
					}
					if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
						t.Fatalf("%s verbatim=%s: %v: %s", target, tt.value, err, w.Body)
					}
					msg = body.Error.Message
				}
				if w.Code != 400 || !strings.Contains(msg, "verbatim must be 1 or 0 (or true or false, on or off)") {
					t.Errorf("%s verbatim=%s: %d %q, want 400 naming verbatim", target, tt.value, w.Code, msg)
				}
				continue
			}
			if w.Code != 200 {
				t.Errorf("%s verbatim=%s: status %d: %s", target, tt.value, w.Code, w.Body)
				continue
			}
			// "refnud" is in no article: as typed it finds nothing,
			// forgiven it is the refund article.
			found := false
			if page {
				found = webtest.Parse(t, w.Body.String()).Count("li.result") > 0
			} else {
				var r searchJSON
				if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
					t.Fatal(err)
				}
				found = len(r.Results) > 0 && r.Results[0].ID == "billing/refund"
			}
			if found == tt.verbatim {
				t.Errorf("%s verbatim=%s: found the refund article %v, want %v", target, tt.value, found, !tt.verbatim)
			}
		}
	}
}
