package web_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestBlankQueries: a query of nothing but invalid UTF-8 bytes,
// replacement characters (U+FFFD) or invisible characters is no query, as
// an empty one: /search shows the empty search page (not results for
// "�"), the search and suggest APIs answer no results (invalid bytes stay
// a 400 naming q, as anywhere in q), a search event with such a query is
// refused as an empty one, the contact page searches nothing for such a
// subject, and no search is recorded.
func TestBlankQueries(t *testing.T) {
	e := newEnv(t)
	empty := webtest.Parse(t, e.page(t, "/search?q="))
	for _, q := range []string{"%FF%FE", "%EF%BF%BD", "%20%EF%BF%BD%FF%20", "%E2%80%8B%C2%AD", "%00", "%01%1B%7F"} {
		d := webtest.Parse(t, e.page(t, "/search?q="+q))
		for _, sel := range []string{"title", "h1"} {
			if got, want := d.Text(sel), empty.Text(sel); got != want {
				t.Errorf("/search?q=%s: %s %q, want the empty search's %q", q, sel, got, want)
			}
		}
		if got := d.Attr("input[name=q]", "value"); got != "" {
			t.Errorf("/search?q=%s: the search box holds %q", q, got)
		}
		if d.Count("ol.results") != 0 || strings.Contains(d.Text("main"), "\uFFFD") {
			t.Errorf("/search?q=%s shows %q", q, d.Text("main"))
		}
		fr := webtest.Parse(t, e.page(t, "/fr/search?q="+q))
		if got, want := fr.Text("h1"), webtest.Parse(t, e.page(t, "/fr/search?q=")).Text("h1"); got != want {
			t.Errorf("/fr/search?q=%s: h1 %q, want %q", q, got, want)
		}

		for _, api := range []string{"/api/v1/search", "/api/v1/suggest"} {
			w := e.do(t, "GET", api+"?q="+q, nil)
			if strings.Contains(q, "%FF") {
				if w.Code != 400 || !strings.Contains(w.Body.String(), "q is not valid UTF-8") {
					t.Errorf("%s?q=%s: %d %s, want 400 naming q", api, q, w.Code, w.Body)
				}
				continue
			}
			var r searchJSON
			if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &r) != nil {
				t.Fatalf("%s?q=%s: %d %s", api, q, w.Code, w.Body)
			}
			if r.Query != "" || r.Total != 0 || len(r.Results) != 0 {
				t.Errorf("%s?q=%s: %s, want the answer to an empty q", api, q, w.Body)
			}
		}
		if w := e.do(t, "GET", "/contact?subject="+q, nil); w.Code != 200 {
			t.Errorf("/contact?subject=%s: status %d", q, w.Code)
		}
	}
	for _, q := range []string{`""`, `"\uFFFD"`, `" \u200b "`} {
		w := e.do(t, "POST", "/api/v1/events", strings.NewReader(`{"type":"search","query":`+q+`,"results":0}`),
			"Content-Type", "application/json")
		if w.Code != 400 || !strings.Contains(w.Body.String(), "query must be 1 to") {
			t.Errorf("search event with query %s: %d %s, want 400 as for an empty query", q, w.Code, w.Body)
		}
	}
	if err := e.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := e.db.RecentSearches(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("recorded %+v, want no search", got)
	}
}

// TestControlCharactersInQuery: control characters inside a query are
// spaces on the search page, as in what is recorded (site.CleanText):
// "a\x00b" shows "a b", not "a�b"; a bidirectional override is removed.
func TestControlCharactersInQuery(t *testing.T) {
	e := newEnv(t)
	for q, want := range map[string]string{"refund%00policy": "refund policy", "refund%1B%5B31mpolicy": "refund [31mpolicy", "refund+%E2%80%AEpolicy": "refund policy", "ab%E2%80%AEbonamento": "abbonamento"} {
		d := webtest.Parse(t, e.page(t, "/search?q="+q))
		if got := d.Attr("input[name=q]", "value"); got != want {
			t.Errorf("/search?q=%s: the search box holds %q, want %q", q, got, want)
		}
		if h := d.Text("h1"); !strings.Contains(h, want) || strings.ContainsAny(h, "\uFFFD\x00\x1b\u202e") {
			t.Errorf("/search?q=%s: h1 %q, want it to name %q", q, h, want)
		}
	}
}
