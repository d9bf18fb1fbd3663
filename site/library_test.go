package site

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// viewLibrary is a two-locale help center: billing (with a nested
// invoices section), an empty "legal" category, a draft, a scheduled
// article and a French translation.
func viewLibrary(now time.Time) *Library {
	cat := func(id, locale, title string, weight int, parent string) *Category {
		prefix := "/"
		if locale != "en" {
			prefix = "/" + locale + "/"
		}
		return &Category{ID: id, Locale: locale, Title: title, Weight: weight, ParentID: parent,
			URL: prefix + id + "/", Files: []string{id + "/banner.png"}}
	}
	art := func(id, locale, section string, weight int, title string) *Article {
		prefix := "/"
		if locale != "en" {
			prefix = "/" + locale + "/"
		}
		top, _, _ := strings.Cut(section, "/")
		return &Article{ID: id, Locale: locale, Title: title, Weight: weight, URL: prefix + id,
			CategoryID: top, SectionID: section, SourcePath: id + "." + locale + ".md",
			Files: []string{id + ".png"}}
	}
	draft := art("billing/secret", "en", "billing", 0, "Secret plans")
	draft.Draft = true
	soon := art("billing/new-prices", "en", "billing", 0, "New prices")
	soon.PublishAt = now.Add(2 * time.Hour)
	later := art("billing/newer-prices", "en", "billing", 0, "Newer prices")
	later.PublishAt = now.Add(48 * time.Hour)
	past := art("billing/old-news", "en", "billing", 5, "Old news")
	past.PublishAt = now.Add(-time.Hour)
	return &Library{
		Config: Config{DefaultLocale: "en", Locales: []string{"fr", "en", "de"}},
		Categories: []*Category{
			cat("billing", "en", "Billing", 2, ""),
			cat("billing", "fr", "Facturation", 2, ""),
			cat("billing/invoices", "en", "Invoices", 1, "billing"),
			cat("account", "en", "Account", 1, ""),
			cat("legal", "en", "Legal", 0, ""),
			cat("zeta", "en", "Alpha first by weight", -1, ""),
		},
		Articles: []*Article{
			art("account/password", "en", "account", 0, "Reset your password"),
			art("billing/refund", "en", "billing", 1, "Get a refund"),
			art("billing/card", "en", "billing", 1, "Change your card"),
			art("billing/invoices/pdf", "en", "billing/invoices", 0, "Download an invoice"),
			art("billing/refund", "fr", "billing", 1, "Obtenir un remboursement"),
			art("zeta/only-in-section", "en", "zeta/deep", 0, "Deep"),
			draft, soon, later, past,
		},
	}
}

func titles(list []*Article) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Title)
	}
	return out
}

func catTitles(list []*Category) []string {
	var out []string
	for _, c := range list {
		out = append(out, c.Title)
	}
	return out
}

func TestViewVisibility(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	lib := viewLibrary(now)
	v := NewView(lib, now, false)

	// Published articles of a category in display order: weight, then title.
	if got, want := titles(v.ArticlesIn("billing", "en")), []string{"Change your card", "Get a refund", "Old news"}; !slices.Equal(got, want) {
		t.Errorf("ArticlesIn(billing) = %q, want %q", got, want)
	}
	for _, url := range []string{"/billing/secret", "/billing/new-prices", "/billing/newer-prices"} {
		if _, err := v.ArticleByURL(url); ErrorCode(err) != ENOTFOUND {
			t.Errorf("ArticleByURL(%s) = %v, want ENOTFOUND: drafts and scheduled articles are hidden", url, err)
		}
	}
	if a, err := v.ArticleByURL("/billing/old-news"); err != nil || a.Title != "Old news" {
		t.Errorf("an article whose publish_at has passed: %v, %v", a, err)
	}
	// The next change is the earliest scheduled article, not the draft.
	if want := now.Add(2 * time.Hour); !v.NextChange.Equal(want) {
		t.Errorf("NextChange = %v, want %v", v.NextChange, want)
	}
	// Files of hidden articles are not served.
	if !v.Published("billing/refund.png") || v.Published("billing/secret.png") || v.Published("billing/new-prices.png") {
		t.Errorf("Published: refund %v, draft %v, scheduled %v", v.Published("billing/refund.png"),
			v.Published("billing/secret.png"), v.Published("billing/new-prices.png"))
	}
	if !v.Published("legal/banner.png") {
		t.Error("a category's file is not published")
	}
	if v.Published("../etc/passwd") || v.Published("") {
		t.Error("an unreferenced path is published")
	}

	// In drafts mode everything shows and nothing is scheduled.
	d := NewView(lib, now, true)
	if _, err := d.ArticleByURL("/billing/secret"); err != nil {
		t.Errorf("drafts mode hides a draft: %v", err)
	}
	if !d.NextChange.IsZero() {
		t.Errorf("drafts mode NextChange = %v, want zero", d.NextChange)
	}
	if !d.Published("billing/secret.png") {
		t.Error("drafts mode does not serve a draft's image")
	}

	// Once the clock passes publish_at, the article shows and the next change moves on.
	after := NewView(lib, now.Add(3*time.Hour), false)
	if _, err := after.ArticleByURL("/billing/new-prices"); err != nil {
		t.Errorf("scheduled article after its time: %v", err)
	}
	if want := now.Add(48 * time.Hour); !after.NextChange.Equal(want) {
		t.Errorf("NextChange after the first = %v, want %v", after.NextChange, want)
	}
	// Exactly at publish_at the article is public.
	at := NewView(lib, now.Add(48*time.Hour), false)
	if _, err := at.ArticleByURL("/billing/newer-prices"); err != nil || !at.NextChange.IsZero() {
		t.Errorf("at publish_at: %v, NextChange %v", err, at.NextChange)
	}
}

func TestViewLookups(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	v := NewView(viewLibrary(now), now, false)

	if a, err := v.Article("billing/refund", "fr"); err != nil || a.Title != "Obtenir un remboursement" {
		t.Errorf("Article(fr) = %v, %v", a, err)
	}
	if _, err := v.Article("billing/card", "fr"); ErrorCode(err) != ENOTFOUND || !strings.Contains(err.Error(), `"billing/card"`) {
		t.Errorf("untranslated article: %v, want ENOTFOUND naming it", err)
	}
	if _, err := v.Article("billing/secret", "en"); ErrorCode(err) != ENOTFOUND {
		t.Errorf("a draft by ID: %v, want ENOTFOUND", err)
	}
	tr := v.Translations("billing/refund")
	if len(tr) != 2 || tr["en"] == nil || tr["fr"] == nil {
		t.Errorf("Translations = %v, want en and fr", tr)
	}
	if len(v.Translations("nope")) != 0 {
		t.Error("Translations of an unknown ID is not empty")
	}

	if c, err := v.CategoryByURL("/fr/billing/"); err != nil || c.Title != "Facturation" {
		t.Errorf("CategoryByURL(/fr/billing/) = %v, %v", c, err)
	}
	if _, err := v.CategoryByURL("/billing"); ErrorCode(err) != ENOTFOUND {
		t.Errorf("category URL without its slash: %v, want ENOTFOUND", err)
	}
	// A category missing in a locale falls back to the default locale's.
	if c, err := v.Category("account", "fr"); err != nil || c.Locale != "en" {
		t.Errorf("Category(account, fr) = %v, %v, want the English one", c, err)
	}
	if _, err := v.Category("nope", "en"); ErrorCode(err) != ENOTFOUND {
		t.Errorf("unknown category: %v", err)
	}
	if ct := v.CategoryTranslations("billing"); len(ct) != 2 {
		t.Errorf("CategoryTranslations(billing) = %v", ct)
	}
}

func TestViewTree(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	v := NewView(viewLibrary(now), now, false)

	// Only categories with visible articles, by weight then title; an
	// empty one ("legal") is left out; a category whose articles are all
	// in a section deeper than its known children is counted only through
	// its sections.
	if got, want := catTitles(v.TopCategories("en")), []string{"Account", "Billing"}; !slices.Equal(got, want) {
		t.Errorf("TopCategories(en) = %q, want %q", got, want)
	}
	if got, want := catTitles(v.TopCategories("fr")), []string{"Facturation"}; !slices.Equal(got, want) {
		t.Errorf("TopCategories(fr) = %q, want %q", got, want)
	}
	if got := v.TopCategories("de"); len(got) != 0 {
		t.Errorf("TopCategories(de) = %q, want none", catTitles(got))
	}
	// What a reader browses: the locale's own categories, then the
	// default locale's it has no article in (German has none at all).
	for _, tt := range []struct {
		locale string
		want   []string
	}{
		{"en", []string{"Account/en", "Billing/en"}},
		{"fr", []string{"Facturation/fr", "Account/en"}},
		{"de", []string{"Account/en", "Billing/en"}},
	} {
		var got []string
		for _, c := range v.BrowseCategories(tt.locale) {
			got = append(got, c.Title+"/"+c.Locale)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("BrowseCategories(%s) = %q, want %q", tt.locale, got, tt.want)
		}
	}
	if n := v.CountIn("billing", "en"); n != 4 {
		t.Errorf("CountIn(billing) = %d, want 4 (3 direct + 1 in invoices; drafts and scheduled left out)", n)
	}
	if n := v.CountIn("billing", "fr"); n != 1 {
		t.Errorf("CountIn(billing, fr) = %d, want 1", n)
	}
	if got := catTitles(v.Children("billing", "en")); !slices.Equal(got, []string{"Invoices"}) {
		t.Errorf("Children(billing) = %q", got)
	}
	if got := v.Children("billing", "fr"); len(got) != 0 {
		t.Errorf("Children(billing, fr) = %q, want none (no French section)", catTitles(got))
	}
	// What a locale lacks: the default locale's articles not translated,
	// directly inside and counted with the sections.
	if got := titles(v.Untranslated("billing", "fr")); !slices.Equal(got, []string{"Change your card", "Old news"}) {
		t.Errorf("Untranslated(billing, fr) = %q, want the English articles without a French version", got)
	}
	for _, tt := range []struct {
		id, locale string
		want       int
	}{{"billing", "fr", 3}, {"billing", "de", 4}, {"billing/invoices", "fr", 1}, {"billing", "en", 0}, {"legal", "fr", 0}} {
		if n := v.UntranslatedIn(tt.id, tt.locale); n != tt.want {
			t.Errorf("UntranslatedIn(%s, %s) = %d, want %d", tt.id, tt.locale, n, tt.want)
		}
	}
	if got := v.BrowseSections("billing", "fr"); len(got) != 1 || got[0].Locale != "en" || got[0].ID != "billing/invoices" {
		t.Errorf("BrowseSections(billing, fr) = %q, want the English Invoices", catTitles(got))
	}
	// A category has a page in a locale it has articles in, or whose title
	// it has over articles not translated yet.
	for _, tt := range []struct {
		c    Category
		want bool
	}{
		{Category{ID: "billing", Locale: "fr", Lang: "en"}, true},
		{Category{ID: "account", Locale: "fr", Lang: "fr"}, true},
		{Category{ID: "account", Locale: "fr", Lang: "en"}, false},
		{Category{ID: "legal", Locale: "fr", Lang: "fr"}, false},
		{Category{ID: "legal", Locale: "en", Lang: "en"}, false},
	} {
		if got := v.HasPage(&tt.c); got != tt.want {
			t.Errorf("HasPage(%s/%s titled in %s) = %v, want %v", tt.c.ID, tt.c.Locale, tt.c.Lang, got, tt.want)
		}
	}
	chain := v.Ancestors("billing/invoices", "en")
	if got := catTitles(chain); !slices.Equal(got, []string{"Billing", "Invoices"}) {
		t.Errorf("Ancestors(billing/invoices) = %q", got)
	}
	if got := v.Ancestors("", "en"); len(got) != 0 {
		t.Errorf("Ancestors of nothing = %q", catTitles(got))
	}
	if got := catTitles(v.Ancestors("billing/invoices", "fr")); !slices.Equal(got, []string{"Facturation", "Invoices"}) {
		t.Errorf("Ancestors in French: the French category, then the section's default-locale version: %q", got)
	}
	// A section whose category is unknown stops the chain instead of looping.
	if got := catTitles(v.Ancestors("ghost/section", "en")); len(got) != 0 {
		t.Errorf("Ancestors(ghost) = %q", got)
	}
	// ByLocale lists every visible article of a locale, by category, weight
	// (none after the weighted), title.
	if got, want := titles(v.ByLocale["en"]), []string{"Reset your password", "Change your card", "Get a refund", "Old news", "Download an invoice", "Deep"}; !slices.Equal(got, want) {
		t.Errorf("ByLocale[en] = %q, want %q", got, want)
	}
}

func TestLibraryLocalesAndErrors(t *testing.T) {
	for _, c := range []struct {
		def     string
		locales []string
		want    []string
	}{
		{"en", []string{"fr", "en", "de"}, []string{"en", "fr", "de"}},
		{"fr", nil, []string{"fr"}},
		{"de", []string{"de"}, []string{"de"}},
		{"pt-BR", []string{"en", "es"}, []string{"pt-BR", "en", "es"}},
	} {
		l := &Library{Config: Config{DefaultLocale: c.def, Locales: c.locales}}
		if got := l.Locales(); !slices.Equal(got, c.want) {
			t.Errorf("Locales(%s, %v) = %v, want %v", c.def, c.locales, got, c.want)
		}
	}
	l := &Library{Problems: []Problem{{Severity: SeverityWarning, File: "a.md"}}}
	if l.HasErrors() {
		t.Error("warnings only: HasErrors = true")
	}
	l.Problems = append(l.Problems, Problem{Severity: SeverityError, File: "b.md"})
	if !l.HasErrors() {
		t.Error("an error: HasErrors = false")
	}
	if (&Library{}).HasErrors() {
		t.Error("no problems: HasErrors = true")
	}
}

// TestCompareWeight: the lower weight first, and no weight (0) after
// every weighted one, negative weights included, as Hugo and Docusaurus
// order pages.
func TestCompareWeight(t *testing.T) {
	for _, tt := range []struct{ a, b, want int }{
		{1, 2, -1},
		{2, 1, 1},
		{3, 3, 0},
		{0, 0, 0},
		{0, 1, 1},
		{1, 0, -1},
		{0, 100, 1},
		{-1, 0, -1},
		{-1, 1, -1},
		{0, -5, 1},
	} {
		if got := CompareWeight(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareWeight(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
