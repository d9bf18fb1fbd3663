package search

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// sec builds a section; an empty heading means the intro.
func sec(heading, id, text string) site.Section {
	s := site.Section{Text: text}
	if heading != "" {
		s.Heading = site.Heading{Level: 2, ID: id, Text: heading}
	}
	return s
}

// helpLibrary is an English help center of one category, "help", with
// these articles; hash names its content.
func helpLibrary(hash string, articles ...*site.Article) *site.Library {
	return &site.Library{
		Config:     site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Hash:       hash,
		Categories: []*site.Category{{ID: "help", Locale: "en", Title: "Help"}},
		Articles:   articles,
	}
}

// art builds an article; its Text and Headings derive from its sections.
func art(id, locale, cat, title, desc string, keywords []string, secs ...site.Section) *site.Article {
	a := &site.Article{
		ID: id, Locale: locale, Slug: id, Title: title, Description: desc,
		Keywords: keywords, CategoryID: cat, SectionID: cat, Sections: secs,
	}
	prefix := "/"
	if locale != "en" {
		prefix = "/" + locale + "/"
	}
	a.URL = prefix + cat + "/" + id
	a.SourcePath = cat + "/" + id + "." + locale + ".md"
	var text []string
	for _, s := range secs {
		if s.Heading.Text != "" {
			a.Headings = append(a.Headings, s.Heading)
		}
		text = append(text, s.Text)
	}
	a.Text = strings.Join(text, "\n\n")
	return a
}

func testLibrary() *site.Library {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "fr"}},
		Hash:   "v1",
		Synonyms: map[string][][]string{
			"en": {{"invoice", "bill", "receipt"}, {"sign in", "log in", "login"}},
			"fr": {{"facture", "note"}},
		},
		Categories: []*site.Category{
			{ID: "account", Locale: "en", Title: "Account"},
			{ID: "billing", Locale: "en", Title: "Billing"},
			{ID: "events", Locale: "en", Title: "Events"},
			{ID: "billing", Locale: "fr", Title: "Facturation"},
			{ID: "events", Locale: "fr", Title: "Événements"},
		},
	}
	lib.Articles = []*site.Article{
		art("reset-password", "en", "account", "How do I reset my password?",
			"Reset a forgotten password from the sign-in page.", nil,
			sec("", "", "If you forgot your password, use the link on the sign-in page."),
			sec("Change your password", "change", "Open the settings and choose a new password.")),
		art("security", "en", "account", "Security settings",
			"Keep your account safe.", nil,
			sec("", "", "A strong password, a password manager and password rotation keep the password safe. Password, password."),
			sec("Two-factor authentication", "2fa", "Turn on two-factor authentication in the settings.")),
		art("refund", "en", "billing", "Get a refund",
			"How refunds work.", []string{"chargeback"},
			sec("", "", "We send a reimbursement to your card when an order is refunded."),
			sec("Fees", "fees", "Processing fees are kept: a fee of 2% of the order amount is not refunded."),
			sec("Delays", "delays", "Banks take five to ten days.")),
		art("cancel-ticket", "en", "events", "Cancel my ticket",
			"Cancel a ticket before the event starts.", nil,
			sec("", "", "You can cancel a ticket up to one day before the event.")),
		art("ticket-transfer", "en", "events", "Transfer a ticket to a friend",
			"Give your ticket to someone else.", nil,
			sec("", "", "Open the ticket and choose transfer. Tickets cannot be cancelled after a transfer.")),
		art("invoice", "en", "billing", "Download an invoice",
			"Get a PDF for your accounting.", nil,
			sec("", "", "Open your orders and choose download PDF.")),
		art("signing", "en", "account", "Trouble signing in",
			"What to do when the sign-in page refuses you.", nil,
			sec("", "", "Check that caps lock is off and that your email address is right.")),
		art("xss", "en", "account", "Use <script> tags in the editor",
			"Embedding <b>HTML</b> & scripts.", nil,
			sec("", "", "You can add a <script> tag & other markup to your pages, if the admin allows it.")),
		art("draft", "en", "account", "Unpublished passwords article",
			"A draft.", nil, sec("", "", "password password password")),

		art("refund", "fr", "billing", "Obtenir un remboursement",
			"Comment fonctionnent les remboursements.", nil,
			sec("", "", "Nous pouvons rembourser une commande."),
			sec("Frais", "frais", "Les frais de traitement de l'opération restent dus.")),
		art("cancel-ticket", "fr", "events", "Annuler mon billet",
			"Annuler un billet avant l'événement.", nil,
			sec("", "", "Le billet est annulé sous vingt-quatre heures et l'événement est prévenu.")),
		art("invoice", "fr", "billing", "Télécharger une facture",
			"Un PDF pour votre comptabilité.", nil,
			sec("", "", "Ouvrez vos commandes.")),
	}
	lib.Articles[8].Draft = true
	return lib
}

func testView(lib *site.Library) *site.View {
	return site.NewView(lib, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), false)
}

func buildTest(t testing.TB, dir string) *Index {
	t.Helper()
	return buildLib(t, testLibrary(), dir)
}

// buildLib indexes lib (in dir, or in memory when dir is ""), closed when
// the test ends.
func buildLib(t testing.TB, lib *site.Library, dir string) *Index {
	t.Helper()
	ix, err := Build(context.Background(), testView(lib), dir)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func ids(r *site.SearchResults) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearchFinds(t *testing.T) {
	ix := buildTest(t, "")
	tests := []struct {
		name, query, locale string
		first               string // expected first hit
		wantLocale          string
	}{
		{"exact title first", "password", "", "reset-password", "en"},
		{"title words", "reset password", "en", "reset-password", "en"},
		{"typo transposition", "passwrod", "en", "reset-password", "en"},
		{"typo in long word", "reimbursment", "en", "refund", "en"},
		{"typo deletion", "reimbursemnt", "en", "refund", "en"},
		{"typo 5 letters", "tickte", "en", "cancel-ticket", "en"},
		{"stemming plural", "refunds", "en", "refund", "en"},
		{"stemming past", "refunded", "en", "refund", "en"},
		{"keyword only", "chargeback", "en", "refund", "en"},
		{"synonym", "bill", "en", "invoice", "en"},
		{"synonym multi-word", "log in", "en", "signing", "en"},
		{"accents folded", "annule", "fr", "cancel-ticket", "fr"},
		{"accents typed", "ÉVÉNEMENT", "fr", "cancel-ticket", "fr"},
		{"french elision", "l'opération", "fr", "refund", "fr"},
		{"french stemming", "remboursements", "fr", "refund", "fr"},
		{"french stemming verb", "rembourser", "fr", "refund", "fr"},
		{"french synonym", "note", "fr", "invoice", "fr"},
		{"fallback to default locale", "password", "fr", "reset-password", "en"},
		{"unknown locale falls back", "password", "de", "reset-password", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ix.Search(context.Background(), site.SearchRequest{Query: tt.query, Locale: tt.locale})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) == 0 || r.Hits[0].ID != tt.first {
				t.Fatalf("Search(%q) = %v, want %s first", tt.query, ids(r), tt.first)
			}
			if r.Locale != tt.wantLocale {
				t.Errorf("Locale = %q, want %q", r.Locale, tt.wantLocale)
			}
			if r.Total < len(r.Hits) {
				t.Errorf("Total = %d < %d hits", r.Total, len(r.Hits))
			}
		})
	}
}

func TestSearchHidesDrafts(t *testing.T) {
	ix := buildTest(t, "")
	r, err := ix.Search(context.Background(), site.SearchRequest{Query: "unpublished"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 {
		t.Errorf("draft found: %v", ids(r))
	}
}

func TestExactOutranksFuzzy(t *testing.T) {
	ix := buildTest(t, "")
	// "transfer" is exact in ticket-transfer; no article is fuzzy-only
	// better placed.
	r, err := ix.Search(context.Background(), site.SearchRequest{Query: "transfer"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || r.Hits[0].ID != "ticket-transfer" {
		t.Fatalf("got %v", ids(r))
	}
	if r.DidYouMean != "" {
		t.Errorf("DidYouMean = %q for a correct word", r.DidYouMean)
	}
}

func TestExactAboveTypo(t *testing.T) {
	lib := testLibrary()
	lib.Articles = append(lib.Articles,
		art("receive", "en", "billing", "When will I receive my order?", "", nil, sec("", "", "Orders arrive in two days.")),
		art("recieve", "en", "billing", "Shipping", "", nil, sec("", "", "You recieve a tracking number by email.")))
	ix, err := Build(context.Background(), testView(lib), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct{ query, first, second string }{
		{"recieve", "recieve", "receive"},
		{"receive", "receive", "recieve"},
	} {
		r, err := ix.Search(context.Background(), site.SearchRequest{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r); len(got) < 2 || got[0] != tt.first || got[1] != tt.second {
			t.Errorf("Search(%q) = %v, want %s then %s", tt.query, got, tt.first, tt.second)
		}
	}
}

func TestHitFields(t *testing.T) {
	ix := buildTest(t, "")
	r, err := ix.Search(context.Background(), site.SearchRequest{Query: "fees"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 {
		t.Fatal("no hit")
	}
	h := r.Hits[0]
	want := site.SearchHit{ID: "refund", Title: "Get a refund", URL: "/billing/refund", Category: "Billing", Locale: "en", Heading: "Fees", Anchor: "fees"}
	if h.ID != want.ID || h.Title != want.Title || h.URL != want.URL || h.Category != want.Category ||
		h.Locale != want.Locale || h.Heading != want.Heading || h.Anchor != want.Anchor {
		t.Errorf("hit = %+v, want %+v", h, want)
	}
	if !strings.Contains(string(h.Snippet), "<mark>fees</mark>") || !strings.Contains(string(h.Snippet), "<mark>fee</mark>") {
		t.Errorf("snippet %q lacks marks", h.Snippet)
	}
}

func TestSnippets(t *testing.T) {
	ix := buildTest(t, "")
	tests := []struct {
		query, locale, id string
		contains          []string
		heading           string
	}{
		{"refunded", "en", "refund", []string{"<mark>refunded</mark>"}, ""},
		{"passwrod", "en", "reset-password", []string{`<mark class="correction">password</mark>`}, ""},
		{"script", "en", "xss", []string{"&lt;<mark>script</mark>&gt;", "&amp;"}, ""},
		{"annule", "fr", "cancel-ticket", []string{"<mark>annulé</mark>"}, ""},
		{"authentication", "en", "security", []string{"<mark>authentication</mark>"}, "Two-factor authentication"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r, err := ix.Search(context.Background(), site.SearchRequest{Query: tt.query, Locale: tt.locale})
			if err != nil {
				t.Fatal(err)
			}
			var hit *site.SearchHit
			for i := range r.Hits {
				if r.Hits[i].ID == tt.id {
					hit = &r.Hits[i]
				}
			}
			if hit == nil {
				t.Fatalf("%s not in %v", tt.id, ids(r))
			}
			for _, c := range tt.contains {
				if !strings.Contains(string(hit.Snippet), c) {
					t.Errorf("snippet %q lacks %q", hit.Snippet, c)
				}
			}
			if strings.Contains(string(hit.Snippet), "<script") || strings.Contains(string(hit.Snippet), "<b>") {
				t.Errorf("snippet %q not escaped", hit.Snippet)
			}
			if hit.Heading != tt.heading {
				t.Errorf("heading = %q, want %q", hit.Heading, tt.heading)
			}
		})
	}
	// The title is returned as plain text, for the caller to escape.
	r, _ := ix.Suggest(context.Background(), site.SearchRequest{Query: "scrip"})
	if len(r.Hits) == 0 || r.Hits[0].Title != "Use <script> tags in the editor" {
		t.Fatalf("suggest scrip: %+v", r.Hits)
	}
	if s := string(r.Hits[0].Snippet); strings.Contains(s, "<b>") || !strings.Contains(s, "&lt;b&gt;") {
		t.Errorf("suggest snippet %q not escaped", s)
	}
}

func TestSnippetWindow(t *testing.T) {
	words := strings.Fields(strings.Repeat("lorem ipsum dolor sit amet ", 40))
	words[150] = "refund"
	lib := testLibrary()
	lib.Articles = append(lib.Articles, art("long", "en", "billing", "Long one", "", nil, sec("", "", strings.Join(words, " "))))
	ix, err := Build(context.Background(), testView(lib), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r, err := ix.Search(context.Background(), site.SearchRequest{Query: "refund lorem"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if h.ID != "long" {
			continue
		}
		s := string(h.Snippet)
		if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || !strings.Contains(s, "<mark>refund</mark>") {
			t.Errorf("snippet %q", s)
		}
		if n := len(strings.Fields(s)); n > snippetWords+2 {
			t.Errorf("snippet has %d words", n)
		}
		return
	}
	t.Fatalf("long not found: %v", ids(r))
}

func TestDidYouMean(t *testing.T) {
	ix := buildTest(t, "")
	r, err := ix.Search(context.Background(), site.SearchRequest{Query: "invoce"})
	if err != nil {
		t.Fatal(err)
	}
	if r.DidYouMean != "invoice" {
		t.Errorf("DidYouMean = %q, want invoice (hits %v)", r.DidYouMean, ids(r))
	}
	r, err = ix.Search(context.Background(), site.SearchRequest{Query: "bil"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("bil: %v %q", ids(r), r.DidYouMean)
}

func TestSuggest(t *testing.T) {
	ix := buildTest(t, "")
	tests := []struct {
		query, locale, first string
	}{
		{"cancel my tick", "en", "cancel-ticket"},
		{"canc", "en", "cancel-ticket"},
		{"pass", "en", "reset-password"},
		{"reset passw", "en", "reset-password"},
		{"passwrod res", "en", "reset-password"},
		{"transf", "en", "ticket-transfer"},
		{"invoice", "en", "invoice"},
		{"ann", "fr", "cancel-ticket"},
		{"telecharger une fac", "fr", "invoice"},
		{"rembour", "fr", "refund"},
		{"refun", "fr", "refund"}, // fallback to English
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r, err := ix.Suggest(context.Background(), site.SearchRequest{Query: tt.query, Locale: tt.locale, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) == 0 || r.Hits[0].ID != tt.first {
				t.Fatalf("Suggest(%q) = %v, want %s first", tt.query, ids(r), tt.first)
			}
			seen := map[string]bool{}
			for _, h := range r.Hits {
				if seen[h.ID] {
					t.Errorf("%s twice in %v", h.ID, ids(r))
				}
				seen[h.ID] = true
			}
		})
	}
}

func TestSuggestTitleAboveBody(t *testing.T) {
	ix := buildTest(t, "")
	// "ticket" is in the title of two articles, in the body only of none;
	// "transfer" in one title. "cancelled" is in transfer's body only.
	r, err := ix.Suggest(context.Background(), site.SearchRequest{Query: "cance"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) < 2 || r.Hits[0].ID != "cancel-ticket" || r.Hits[1].ID != "ticket-transfer" {
		t.Fatalf("got %v", ids(r))
	}
}

func TestHostileInput(t *testing.T) {
	ix := buildTest(t, "")
	inputs := []string{
		`+title:x -y "z`, `*`, `~2`, `\`, `title:`, `AND OR NOT`, `(((`, `"`, `a^3`, `password~`,
		`/regexp.*/`, `{[}]`, `!@#$%^&*()`, `🙂🙂`, "\x00\xff", `pass*`, `field:"value"`, `ticket^100`,
		strings.Repeat("a", site.MaxQueryLen), strings.Repeat("ab ", 85),
	}
	for _, q := range inputs {
		for _, suggest := range []bool{false, true} {
			f := ix.Search
			if suggest {
				f = ix.Suggest
			}
			r, err := f(context.Background(), site.SearchRequest{Query: q})
			if err != nil {
				t.Errorf("%q (suggest %t): %v", q, suggest, err)
				continue
			}
			if r.Hits == nil {
				t.Errorf("%q: nil hits", q)
			}
		}
	}
}

func TestEmptyAndLimits(t *testing.T) {
	ix := buildTest(t, "")
	ctx := context.Background()
	for _, q := range []string{"", "   ", "\t\n", strings.Repeat("x", site.MaxQueryLen+1)} {
		r, err := ix.Search(ctx, site.SearchRequest{Query: q})
		if err != nil || r.Total != 0 || len(r.Hits) != 0 || r.Hits == nil {
			t.Errorf("Search(%q) = %+v, %v; want empty", q, r, err)
		}
	}
	all, err := ix.Search(ctx, site.SearchRequest{Query: "ticket password refund invoice", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Hits) < 4 || len(all.Hits) > maxLimit {
		t.Fatalf("hits = %d", len(all.Hits))
	}
	page, err := ix.Search(ctx, site.SearchRequest{Query: "ticket password refund invoice", Limit: 2, Offset: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Hits) != 2 || page.Hits[0].ID != all.Hits[2].ID || page.Total != all.Total {
		t.Errorf("page 2 = %v (total %d), all = %v (total %d)", ids(page), page.Total, ids(all), all.Total)
	}
	def, err := ix.Search(ctx, site.SearchRequest{Query: "the a password ticket refund invoice settings", Limit: -3, Offset: -1})
	if err != nil || len(def.Hits) > defaultLimit {
		t.Errorf("default limit: %d hits, %v", len(def.Hits), err)
	}
}

func TestContextCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, testView(testLibrary()), ""); err == nil {
		t.Error("Build with a canceled context succeeded")
	}
}

func TestOnDisk(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	lib := testLibrary()

	start := time.Now()
	ix1, err := Build(ctx, testView(lib), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first build: %v", time.Since(start))
	key1 := ix1.Key()
	if !complete(filepath.Join(dir, key1)) {
		t.Fatal("no marker")
	}
	if err := ix1.Close(); err != nil {
		t.Fatal(err)
	}
	marker, _ := os.Stat(filepath.Join(dir, key1, markerFile))

	start = time.Now()
	ix2, err := Build(ctx, testView(lib), dir)
	if err != nil {
		t.Fatal(err)
	}
	reopen := time.Since(start)
	t.Logf("reopen: %v", reopen)
	if reopen > 500*time.Millisecond {
		t.Errorf("reopen took %v", reopen)
	}
	if ix2.Key() != key1 {
		t.Errorf("key changed: %s → %s", key1, ix2.Key())
	}
	if m, _ := os.Stat(filepath.Join(dir, key1, markerFile)); !m.ModTime().Equal(marker.ModTime()) {
		t.Error("index rebuilt instead of reopened")
	}
	r, err := ix2.Search(ctx, site.SearchRequest{Query: "passwrod"})
	if err != nil || len(r.Hits) == 0 || r.Hits[0].ID != "reset-password" {
		t.Fatalf("reopened index: %v, %v", ids(r), err)
	}
	r, err = ix2.Suggest(ctx, site.SearchRequest{Query: "annul", Locale: "fr"})
	if err != nil || len(r.Hits) == 0 || r.Hits[0].ID != "cancel-ticket" || r.Locale != "fr" {
		t.Fatalf("reopened fr index: %v, %v", ids(r), err)
	}
	ix2.Close()

	// Drafts visible: another key.
	ixd, err := Build(ctx, site.NewView(lib, time.Now(), true), dir)
	if err != nil {
		t.Fatal(err)
	}
	if ixd.Key() == key1 {
		t.Error("drafts view has the same key")
	}
	ixd.Close()

	lib2 := testLibrary()
	lib2.Hash = "v2"
	ix3, err := Build(ctx, testView(lib2), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix3.Close()
	if ix3.Key() == key1 {
		t.Fatal("changed hash kept the key")
	}
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, ".tmp-"+key1+"-123"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Prune(dir, ix3.Key()); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 || !strings.Contains(strings.Join(names, " "), ix3.Key()) {
		t.Errorf("after Prune: %v", names)
	}
	if r, err := ix3.Search(ctx, site.SearchRequest{Query: "refund"}); err != nil || r.Total == 0 {
		t.Errorf("after Prune: %v %v", r, err)
	}
	if err := Prune(filepath.Join(dir, "missing"), "x"); err != nil {
		t.Errorf("Prune missing dir: %v", err)
	}
}

func TestConcurrent(t *testing.T) {
	ix := buildTest(t, "")
	queries := []string{"password", "cancel my tick", "reimbursment", "annule", "bill", `+x -y "z`}
	done := make(chan error)
	for g := range 8 {
		go func() {
			var err error
			for i := range 20 {
				q := queries[(g+i)%len(queries)]
				if _, err = ix.Search(context.Background(), site.SearchRequest{Query: q, Locale: "fr"}); err != nil {
					break
				}
				if _, err = ix.Suggest(context.Background(), site.SearchRequest{Query: q}); err != nil {
					break
				}
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestAnalyzers(t *testing.T) {
	tests := []struct {
		locale, a, b string
	}{
		{"en", "refunds", "refund"},
		{"en", "refunded", "refunding"},
		{"en", "Reimbursement", "reimburse"},
		{"en", "user's", "users"},
		{"en", "café", "cafe"},
		{"fr", "annulé", "annule"},
		{"fr", "annulée", "annulé"},
		{"fr", "remboursement", "rembourser"},
		{"fr", "l'opération", "opérations"},
		{"fr", "Événement", "evenements"},
		{"fr-CA", "d'abonnement", "abonnements"},
	}
	for _, tt := range tests {
		m, err := newMapping(tt.locale)
		if err != nil {
			t.Fatal(err)
		}
		an, err := loadAnalyzers(m)
		if err != nil {
			t.Fatal(err)
		}
		ta, tb := an.text.Analyze([]byte(tt.a)), an.text.Analyze([]byte(tt.b))
		if len(ta) != 1 || len(tb) != 1 || string(ta[0].Term) != string(tb[0].Term) {
			t.Errorf("%s: %q → %v, %q → %v: want the same term", tt.locale, tt.a, ta, tt.b, tb)
		}
	}
}

// TestDiskAnswersAsMemory: an index on disk (merged, reopened) knows the
// same term frequencies and answers as the same index in memory.
func TestDiskAnswersAsMemory(t *testing.T) {
	mem := buildTest(t, "")
	disk := buildTest(t, t.TempDir())
	for loc, li := range mem.locales {
		other := disk.locales[loc]
		if !maps.Equal(li.vocab, other.vocab) || !maps.Equal(li.phrases, other.phrases) {
			t.Errorf("%s: term counts differ between memory and disk", loc)
		}
		if n := other.vocab["password"]; loc == "en" && n != 2 {
			t.Errorf("password in %d documents on disk, want 2", n)
		}
	}
	for _, q := range []string{"password", "reset password", "refund fees", "invoce", "cancel my tick"} {
		a, _ := mem.Search(context.Background(), site.SearchRequest{Query: q})
		b, _ := disk.Search(context.Background(), site.SearchRequest{Query: q})
		if !slices.Equal(ids(a), ids(b)) || a.DidYouMean != b.DidYouMean {
			t.Errorf("%q: memory %v (%q), disk %v (%q)", q, ids(a), a.DidYouMean, ids(b), b.DidYouMean)
		}
	}
}

// TestPastDeepestOffset: an offset past site.MaxOffset gives no page, not
// the deepest one again, with the count still given (the newcomer's
// "page 150 shows page 101"), on enough articles to have such pages.
func TestPastDeepestOffset(t *testing.T) {
	lib := corpus(1500)
	ix := buildLib(t, lib, "")
	ctx := context.Background()
	for _, run := range []func(context.Context, site.SearchRequest) (*site.SearchResults, error){ix.Search, ix.Suggest} {
		deepest, err := run(ctx, site.SearchRequest{Query: "account", Limit: 50, Offset: maxOffset})
		if err != nil || len(deepest.Hits) == 0 || deepest.Total <= maxOffset+50 {
			t.Fatalf("offset %d: %d hits of %d, %v; want a full page of a longer list", maxOffset, len(deepest.Hits), deepest.Total, err)
		}
		for _, offset := range []int{maxOffset + 1, 9995} {
			past, err := run(ctx, site.SearchRequest{Query: "account", Limit: 50, Offset: offset})
			if err != nil || len(past.Hits) != 0 || past.Total != deepest.Total {
				t.Errorf("offset %d = %d hits (total %d), %v; want none, total %d", offset, len(past.Hits), past.Total, err, deepest.Total)
			}
		}
	}
}

// TestSnippetNamesHeadingMatch: a word found only in a section's heading
// still names that section (heading and anchor to link to), whether the
// section holds prose or only code (the newcomer's "quokkaword").
func TestSnippetNamesHeadingMatch(t *testing.T) {
	code := sec("Zorblat exit codes", "zorblat-exit-codes", "exit 3\nexit 4")
	code.Verbatim = []int{0, 1}
	lib := &site.Library{Config: site.Config{DefaultLocale: "en", Locales: []string{"en"}}, Hash: "headings"}
	lib.Categories = []*site.Category{{ID: "c", Locale: "en", Title: "All"}}
	lib.Articles = []*site.Article{
		art("setup", "en", "c", "Set up the reader", "Connect the card reader to your account.", nil,
			sec("", "", "The reader pairs over Bluetooth."),
			sec("Quokkaword settings", "quokkaword-settings", "Open the panel and choose an option."),
			code),
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, heading, anchor string }{
		{"quokkaword", "Quokkaword settings", "quokkaword-settings"},
		{"zorblat", "Zorblat exit codes", "zorblat-exit-codes"},
	} {
		r, err := ix.Search(context.Background(), site.SearchRequest{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != 1 || r.Hits[0].Heading != tt.heading || r.Hits[0].Anchor != tt.anchor || r.Hits[0].Snippet == "" {
			t.Errorf("Search(%q) = %+v, want the section %q (#%s) named", tt.query, r.Hits, tt.heading, tt.anchor)
		}
	}
}
