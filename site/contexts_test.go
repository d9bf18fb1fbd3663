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
	ix := NewContextIndex(NewView(lib, time.Now(), false), nil)
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

// TestContextScreen: a screen read in another locale than the default
// lists its own matches first, then the default locale's not translated
// (a translation with contexts of its own that do not fit keeps the
// original out); the default locale gets no fallback; limit counts both.
func TestContextScreen(t *testing.T) {
	art := func(id, loc string, contexts ...string) *Article {
		return &Article{ID: id, Locale: loc, Title: id + "." + loc, URL: "/" + loc + "/x/" + id, Contexts: contexts, CategoryID: "x", SectionID: "x"}
	}
	draftFR := art("coupon", "fr", "checkout")
	draftFR.Draft = true
	lib := &Library{Config: Config{DefaultLocale: "en", Locales: []string{"en", "fr", "de"}}, Articles: []*Article{
		art("pay", "en", "checkout"),
		art("pay", "fr", "checkout"),
		art("card", "en", "checkout", "/settings/billing"),
		art("fees", "en", "checkout"),
		art("fees", "fr", "/invoices"), // translated, its own contexts: not for checkout
		art("coupon", "en", "checkout"),
		draftFR, // not published: the English one stands in
		art("local", "fr", "/settings/billing"),
	}}
	ix := NewContextIndex(NewView(lib, time.Now(), false), nil)
	got := func(ms []ContextMatch) string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Article.ID+"."+m.Article.Locale)
		}
		return strings.Join(out, " ")
	}
	rank := map[string]map[string]int{"en": {"coupon": 0}}
	for _, c := range []struct {
		loc, path, key string
		limit          int
		want           string
	}{
		{"fr", "", "checkout", 10, "pay.fr coupon.en card.en"}, // the English by their FAQ rank
		{"fr", "/settings/billing", "checkout", 10, "pay.fr local.fr coupon.en card.en"},
		{"fr", "/settings/billing", "", 10, "local.fr card.en"},
		{"fr", "", "checkout", 2, "pay.fr coupon.en"},
		{"fr", "", "checkout", 1, "pay.fr"},
		{"de", "", "checkout", 10, "coupon.en card.en fees.en pay.en"},
		{"en", "", "checkout", 10, "coupon.en card.en fees.en pay.en"},
		{"fr", "/nowhere", "", 10, ""},
	} {
		if s := got(ix.Screen(c.loc, c.path, c.key, rank, c.limit)); s != c.want {
			t.Errorf("Screen(%s, %q, %q, %d) = %q, want %q", c.loc, c.path, c.key, c.limit, s, c.want)
		}
	}
}

// TestContextKeySpaces: a context key is one however its words are spaced,
// as it is in any case: an app that builds "Label  printer" (two spaces,
// a tab from a template) or a front matter written "label printer" name
// one screen, for the widget's list and for the gap report's screens.
func TestContextKeySpaces(t *testing.T) {
	lib := &Library{Config: Config{DefaultLocale: "en"}, Articles: []*Article{
		{ID: "labels", Locale: "en", Title: "Labels", URL: "/x/labels", Contexts: []string{"label printer"}, CategoryID: "x", SectionID: "x"},
		{ID: "tabs", Locale: "en", Title: "Tabs", URL: "/x/tabs", Contexts: []string{"Order\t Review"}, CategoryID: "x", SectionID: "x"},
	}}
	ix := NewContextIndex(NewView(lib, time.Now(), false), nil)
	for key, want := range map[string]string{"LABEL   PRINTER": "labels", "label\tprinter": "labels", "order review": "tabs", "labelprinter": ""} {
		got := ""
		if ms := ix.Match("en", "", key, nil, 10); len(ms) == 1 {
			got = ms[0].Article.ID
		}
		if got != want {
			t.Errorf("Match(%q) = %q, want %q", key, got, want)
		}
	}
	if ScreenKey("Label  Printer") != ScreenKey("label printer") {
		t.Errorf("ScreenKey: %q and %q are two screens", ScreenKey("Label  Printer"), ScreenKey("label printer"))
	}
}
