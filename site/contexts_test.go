package site

import (
	"strings"
	"testing"
	"time"
)

// TestContextMatch: keys beat paths, exact and longer patterns beat
// shorter ones, FAQ rank breaks ties, drafts never match.
func TestContextMatch(t *testing.T) {
	art := func(id string, contexts ...string) *Article {
		return &Article{ID: id, Locale: "en", Title: id, URL: "/x/" + id, Contexts: contexts, CategoryID: "x", SectionID: "x"}
	}
	draft := art("draft", "checkout", "/settings/**")
	draft.Draft = true
	lib := &Library{Config: Config{DefaultLocale: "en"}, Articles: []*Article{
		art("pay", "checkout", "/settings/billing"),
		art("card", "Checkout", "/settings/billing/*"),
		art("settings", "/settings/**"),
		art("profile", "/settings/profile", "/users/*/edit"),
		draft,
	}}
	ix := NewContextIndex(NewView(lib, time.Now(), false))
	ids := func(ms []ContextMatch) string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Article.ID+":"+m.How)
		}
		return strings.Join(out, " ")
	}
	rank := map[string]int{"card": 0, "pay": 1}
	for _, c := range []struct{ path, key, want string }{
		{"/settings/billing", "", "pay:path card:path settings:path"},
		{"/settings/billing/", "", "pay:path card:path settings:path"},
		{"/settings/billing/cards/new", "", "settings:path"},
		{"/settings/billing/cards", "", "card:path settings:path"},
		{"/settings/billing", "CHECKOUT", "card:context pay:context settings:path"},
		{"/users/42/edit", "", "profile:path"},
		{"/users/42/43/edit", "", ""},
		{"/nowhere", "nothing", ""},
	} {
		if got := ids(ix.Match("en", c.path, c.key, rank, 10)); got != c.want {
			t.Errorf("Match(%q, %q) = %q, want %q", c.path, c.key, got, c.want)
		}
	}
	if got := ids(ix.Match("fr", "/settings/billing", "checkout", rank, 10)); got != "" {
		t.Errorf("other locale: %q", got)
	}
	if got := ix.Match("en", "/settings/billing", "checkout", rank, 1); len(got) != 1 {
		t.Errorf("limit: %d", len(got))
	}
}
