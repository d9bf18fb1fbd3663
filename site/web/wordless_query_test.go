package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/textnorm"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestWordlessQueries: a query of emoji, symbols or punctuation only
// ("🍕🍕", "👍", "???") is answered as any query — 200, no results, the
// results page naming it — but, having no word to be counted by, it is
// not recorded, as a blank query: no blank row in "Top searches", its CSV
// or the gap report, and no search counted in the figures. A search event
// with such a query is a 400, as one with a blank query; a query with a
// word and an emoji is recorded as typed.
func TestWordlessQueries(t *testing.T) {
	e := newEnv(t)
	for _, typed := range []string{"🍕🍕", "👍", "???", "❤️ !!", "→"} {
		q := textnorm.Normalize(typed) // "❤️" without its variation selector
		for _, api := range []string{"/api/v1/search", "/api/v1/suggest"} {
			w := e.do(t, "GET", api+"?q="+url.QueryEscape(typed), nil)
			var r searchJSON
			if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &r) != nil {
				t.Fatalf("%s?q=%s: %d %s", api, q, w.Code, w.Body)
			}
			if r.Query != q || r.Total != 0 {
				t.Errorf("%s?q=%s: %s, want no results for %q", api, q, w.Body, q)
			}
		}
		d := webtest.Parse(t, e.page(t, "/search?q="+url.QueryEscape(typed)))
		if h := d.Text("h1"); !strings.Contains(h, q) {
			t.Errorf("/search?q=%s: h1 %q, want it to name the query", q, h)
		}
		if w := e.do(t, "GET", "/contact?subject="+url.QueryEscape(q), nil); w.Code != 200 {
			t.Errorf("/contact?subject=%s: status %d", q, w.Code)
		}
		body, _ := json.Marshal(map[string]any{"type": "search", "query": q, "results": 0})
		w := e.do(t, "POST", "/api/v1/events", strings.NewReader(string(body)), "Content-Type", "application/json")
		if w.Code != 400 || !strings.Contains(w.Body.String(), "query has no word") {
			t.Errorf("search event %q: %d %s, want 400 naming query", q, w.Code, w.Body)
		}
	}
	e.page(t, "/search?q="+url.QueryEscape("refund 👍"))
	if err := e.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := e.db.RecentSearches(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Query != "refund 👍" || got[0].Normalized != "refund" {
		t.Errorf("recorded %+v, want only \"refund 👍\"", got)
	}
}

// TestWordlessByTheCountingKey: whether a query has a word is what its
// counting key (textnorm.Key) keeps, not what Unicode calls a letter or a
// number: a vulgar fraction ("½") is no digit to it, and an Arabic kashida
// or vowel mark typed alone is folded away. Such queries were recorded
// with an empty key — the blank row TestWordlessQueries keeps out — and
// their search events accepted.
func TestWordlessByTheCountingKey(t *testing.T) {
	e := newEnv(t)
	for _, q := range []string{"½", "ـــ", "\u064e"} {
		if textnorm.Key(q) != "" {
			t.Fatalf("textnorm.Key(%q) = %q: not a wordless query", q, textnorm.Key(q))
		}
		e.page(t, "/search?q="+url.QueryEscape(q))
		body, _ := json.Marshal(map[string]any{"type": "search", "query": q, "results": 0})
		w := e.do(t, "POST", "/api/v1/events", strings.NewReader(string(body)), "Content-Type", "application/json")
		if w.Code != 400 || !strings.Contains(w.Body.String(), "query has no word") {
			t.Errorf("search event %q: %d %s, want 400 naming query", q, w.Code, w.Body)
		}
	}
	if err := e.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := e.db.RecentSearches(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got {
		t.Errorf("recorded %q with the key %q, want no wordless query recorded", s.Query, s.Normalized)
	}
}
