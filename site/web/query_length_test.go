package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
)

// TestQueryLengthIsWhatWasMeant: the query length limit counts the query
// as the visitor meant it, normalised: 200 "é" typed as "e" and a
// combining accent (as some keyboards and pasted text send it) are 200
// characters, as 200 composed ones, and invisible characters (zero-width
// spaces, soft hyphens) count for nothing; the search is answered and
// recorded composed, without them. Over the limit, the API answers a 400
// JSON error naming q, and more than site.MaxQueryBytes bytes as sent are
// refused whatever they normalise to; the search page searches the first
// words that fit.
func TestQueryLengthIsWhatWasMeant(t *testing.T) {
	e := newEnv(t)
	composed := strings.Repeat("é", 200)
	ok := []string{
		strings.Repeat("e\u0301", 200),
		strings.Repeat("\u200b", 100) + strings.Repeat("a", site.MaxQueryLen) + strings.Repeat("\u00ad", 100),
		strings.Repeat("e\u0301", site.MaxQueryLen),
	}
	for _, q := range ok {
		for _, path := range []string{"/api/v1/search", "/api/v1/suggest"} {
			w := e.do(t, "GET", path+"?q="+url.QueryEscape(q), nil)
			var r searchJSON
			if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &r) != nil {
				t.Errorf("%s with %d bytes: %d %s, want 200", path, len(q), w.Code, w.Body)
				continue
			}
			if strings.ContainsAny(r.Query, "\u0301\u200b\u00ad") || utf8.RuneCountInString(r.Query) > site.MaxQueryLen {
				t.Errorf("%s: query %q, want it normalised", path, r.Query)
			}
		}
		if w := e.do(t, "GET", "/search?q="+url.QueryEscape(q), nil); w.Code != 200 {
			t.Errorf("/search with %d bytes: status %d, want 200", len(q), w.Code)
		}
	}
	w := e.do(t, "POST", "/api/v1/events", strings.NewReader(`{"type":"search","query":"`+strings.Repeat(`e\u0301`, 200)+`","results":0}`),
		"Content-Type", "application/json")
	if w.Code != 202 {
		t.Errorf("search event of 200 decomposed é: %d %s, want 202", w.Code, w.Body)
	}

	bad := map[string]string{
		strings.Repeat("é", site.MaxQueryLen+1):                   "q must be at most 255 characters",
		strings.Repeat("e\u0301", site.MaxQueryLen+1):             "q must be at most 255 characters",
		"refund" + strings.Repeat("\u200b", site.MaxQueryBytes/3): "q must be at most 4096 bytes",
	}
	for q, msg := range bad {
		for _, path := range []string{"/api/v1/search", "/api/v1/suggest"} {
			w := e.do(t, "GET", path+"?q="+url.QueryEscape(q), nil)
			var r struct {
				Error struct{ Code, Message string }
			}
			if w.Code != 400 || json.Unmarshal(w.Body.Bytes(), &r) != nil || r.Error.Code != "invalid" || r.Error.Message != msg {
				t.Errorf("%s with %d bytes: %d %s, want 400 %q", path, len(q), w.Code, w.Body, msg)
			}
		}
		// The page searches the first words that fit (a link with a
		// pasted text answered a bare 400 page).
		if w := e.do(t, "GET", "/search?q="+url.QueryEscape(q), nil); w.Code != 200 {
			t.Errorf("/search with %d bytes: status %d, want 200", len(q), w.Code)
		}
	}
	long := strings.Repeat("refund my order please ", 20) // 460 characters
	w = e.do(t, "GET", "/search?q="+url.QueryEscape(long), nil)
	if w.Code != 200 || !strings.Contains(w.Body.String(), "refund my order please refund") {
		t.Errorf("/search with %d characters of words: %d, want 200 and the first words searched", len(long), w.Code)
	}

	if err := e.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := e.db.RecentSearches(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range got {
		if strings.ContainsAny(s.Query, "\u0301\u200b\u00ad") {
			t.Errorf("recorded %q, want it normalised", s.Query)
		}
		if s.Query == composed {
			n++
		}
	}
	if n == 0 {
		t.Errorf("200 decomposed é not recorded as 200 é: %d searches recorded", len(got))
	}
}
