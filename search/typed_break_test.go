package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// mixedTyposLibrary: an English help center partly translated into French,
// where a French word is one typo away from the start of an English one
// ("refus…" from "refun").
func mixedTyposLibrary() *site.Library {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "fr"}},
		Hash:   "mixed-typos",
		Categories: []*site.Category{
			{ID: "help", Locale: "en", Title: "Help"}, {ID: "help", Locale: "fr", Title: "Aide"},
		},
	}
	lib.Articles = []*site.Article{
		art("refund", "en", "help", "Get a refund", "Money back.", nil,
			sec("", "", "We refund your card within five days.")),
		art("kiosk", "en", "help", "Kiosk mode on the tablet", "Let walk-ins check in.", nil,
			sec("", "", "Put the tablet in kiosk mode.")),
		art("declined", "fr", "help", "Paiement refusé", "La carte est refusée.", nil,
			sec("", "", "Votre banque a refusé le paiement.")),
	}
	return lib
}

// TestSuggestTyposAfterEveryLocale: in a locale that falls back to the
// default one (mixIn), a typo is forgiven only once neither locale found
// anything as typed, and then in the default locale too. "refun" on the
// French site is the start of the English "refund" article, not a typo of
// the French "refusé"; "kisok" finds the English kiosk article, as it does
// on the English site.
func TestSuggestTyposAfterEveryLocale(t *testing.T) {
	ix := buildLib(t, mixedTyposLibrary(), "")
	for _, tt := range []struct{ locale, query, first, locale2 string }{
		{"fr", "refun", "refund", "en"},     // English as typed beats French corrected
		{"fr", "refu", "declined", "fr"},    // French as typed comes first
		{"fr", "kisok", "kiosk", "en"},      // forgiven in the default locale too
		{"fr", "paiment", "declined", "fr"}, // forgiven locally first
		{"en", "kisok", "kiosk", "en"},
		{"fr", "xyzzy", "", "fr"},
	} {
		r := suggest(t, ix, tt.query, tt.locale)
		got := ids(r)
		if tt.first == "" {
			if len(got) != 0 {
				t.Errorf("Suggest(%q, %s) = %v, want nothing", tt.query, tt.locale, got)
			}
			continue
		}
		if len(got) == 0 || got[0] != tt.first || r.Hits[0].Locale != tt.locale2 {
			t.Errorf("Suggest(%q, %s) = %v (%+v), want %s/%s first", tt.query, tt.locale, got, r.Hits, tt.locale2, tt.first)
		}
	}
}

// TestTypoMemosSkipLongWords: a word too long for typo variants (more than
// maxVariantWord letters; for prefixes, longer than the indexed prefixes
// by more than one letter) is not remembered, so a flood of long words —
// up to site.MaxQueryLen letters each — keeps the memos' keys short. A
// word that has variants is remembered.
func TestTypoMemosSkipLongWords(t *testing.T) {
	ix := buildLib(t, mixedTyposLibrary(), "")
	li := ix.locales["en"]
	remembered := func(typos, prefixes int) {
		t.Helper()
		if n, m := li.typos.len(), li.prefixTypos.len(); n != typos || m != prefixes {
			t.Errorf("%d corrections and %d prefix corrections remembered, want %d and %d", n, m, typos, prefixes)
		}
	}
	long := strings.Repeat("zq", site.MaxQueryLen/2)
	for _, q := range []string{long, long[:100], long[:maxVariantWord+1], "kiosk " + long[:200]} {
		suggest(t, ix, q, "en")
		search(t, ix, q+" kiosk", "en")
	}
	remembered(0, 0)
	suggest(t, ix, long[:maxNgram+2], "en") // variants, but none as short as a prefix
	remembered(1, 0)
	suggest(t, ix, "zqzqzq", "en")
	remembered(2, 1)
}

// TestSearchShortTyposAfterEveryLocale: full search holds a short word's
// correction back as autocomplete does, until neither locale finds the
// query as typed. "card" on the French site is in the English refund
// article, not a typo of the French "carte" (it was corrected to "carte"
// before the default locale was asked); "crte", which neither has, is
// still corrected to "carte".
func TestSearchShortTyposAfterEveryLocale(t *testing.T) {
	ix := buildLib(t, mixedTyposLibrary(), "")
	for _, tt := range []struct{ locale, query, dym, first, locale2 string }{
		{"fr", "card", "", "refund", "en"},
		{"fr", "crte", "carte", "declined", "fr"},
		{"en", "card", "", "refund", "en"},
	} {
		r := search(t, ix, tt.query, tt.locale)
		if r.DidYouMean != tt.dym || len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.Hits[0].Locale != tt.locale2 {
			t.Errorf("Search(%q, %s) = %v (%+v), did you mean %q; want %s/%s first, did you mean %q",
				tt.query, tt.locale, ids(r), r.Hits, r.DidYouMean, tt.locale2, tt.first, tt.dym)
		}
	}
}

// TestVerbatimInEveryLocale: a verbatim search or suggestion (the "Search
// instead for" link) forgives no typo in the default locale either: on the
// French site "kisok" and "kisk" found the English kiosk article.
func TestVerbatimInEveryLocale(t *testing.T) {
	ix := buildLib(t, mixedTyposLibrary(), "")
	for _, q := range []string{"kisok", "kisk", "tabelt"} {
		for _, run := range []func(context.Context, site.SearchRequest) (*site.SearchResults, error){ix.Search, ix.Suggest} {
			r, err := run(context.Background(), site.SearchRequest{Query: q, Locale: "fr", Verbatim: true, Limit: 8})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) != 0 {
				t.Errorf("verbatim %q on the French site = %v, want nothing", q, ids(r))
			}
		}
	}
	if r := search(t, ix, "kiosk", "fr"); len(r.Hits) == 0 || r.Hits[0].ID != "kiosk" {
		t.Errorf("kiosk on the French site = %v, want the English kiosk article", ids(r))
	}
}

// TestCorrectionFromTheDefaultLocaleIsShown: a search that finds nothing in
// the reader's locale and is answered by a correction in the default one
// says so, as the default locale's own site does ("Showing results for
// kiosk"), so the words as typed stay one click away (verbatim); a word
// found as typed, or a word of the reader's locale corrected there, is
// not corrected by the default locale.
func TestCorrectionFromTheDefaultLocaleIsShown(t *testing.T) {
	ix := buildLib(t, mixedTyposLibrary(), "")
	for _, tt := range []struct{ query, locale, dym, first string }{
		{"kisok", "fr", "kiosk", "kiosk"},
		{"tablte kiosk", "fr", "tablet kiosk", "kiosk"},
		{"refnud", "fr", "refund", "refund"},
		{"kisok", "en", "kiosk", "kiosk"},
		{"kiosk", "fr", "", "kiosk"},
		{"paiment", "fr", "paiement", "declined"},
		{"xyzzy", "fr", "", ""},
	} {
		r := search(t, ix, tt.query, tt.locale)
		got := ids(r)
		if r.DidYouMean != tt.dym || (tt.first == "" && len(got) != 0) || (tt.first != "" && (len(got) == 0 || got[0] != tt.first)) {
			t.Errorf("Search(%q, %s) = %v, did you mean %q; want %v first, did you mean %q", tt.query, tt.locale, got, r.DidYouMean, tt.first, tt.dym)
		}
	}
}

// TestContractionsWithoutApostrophe: "cant", "dont", "doesnt" typed without
// the apostrophe are the stop words "can't", "don't", "doesn't": they
// neither narrow the suggestions to articles that happen to contain them
// (a link's slug, a code comment) nor are corrected into "cast" or "done".
// Search and autocomplete answer as for the query with the apostrophe;
// typed alone, they list the titles that write them with it, and a
// contraction is a whole word, not the start of "can take".
func TestContractionsWithoutApostrophe(t *testing.T) {
	lib := helpLibrary("contractions",
		art("signin", "en", "help", "You can't sign in to the app", "Fix sign-in errors.", nil,
			sec("", "", "If you can't sign in, reset your password.")),
		art("ages", "en", "help", "Calculate ages in a spreadsheet", "Dates before 1900.", nil,
			sec("", "", "The value is cast to a date; the sign of the result is dropped. See cant-save-file for more.")),
		art("sync", "en", "help", "Files don't sync", "Sync errors.", nil,
			sec("", "", "When files don't sync, check the folder.")),
		art("done", "en", "help", "Mark a task done", "Tasks.", nil,
			sec("", "", "Click done to close a task and sync it.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, first string }{
		{"cant sign", "signin"},
		{"cant sign ", "signin"},
		{"dont sync", "sync"},
		{"files dont syn", "sync"},
	} {
		for name, run := range map[string]func(*testing.T, *Index, string, string) *site.SearchResults{"Suggest": suggest, "Search": search} {
			r := run(t, ix, tt.query, "en")
			if got := ids(r); len(got) == 0 || got[0] != tt.first {
				t.Errorf("%s(%q) = %v, want %s first", name, tt.query, got, tt.first)
			}
		}
	}
	// Typed alone, they list the titles that write them with the
	// apostrophe, as "can't" does, and not a title where the letters
	// begin a word ("can take").
	lib.Articles = append(lib.Articles, art("wait", "en", "help", "Imports can take a minute", "Large files.", nil,
		sec("", "", "A large import can take a minute.")))
	lib.Hash = "contractions-2"
	ix = buildLib(t, lib, "")
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"cant", []string{"signin"}},
		{"can't", []string{"signin"}},
		{"dont", []string{"sync"}},
		{"dont ", []string{"sync"}},
		{"can", []string{"signin", "wait"}},
	} {
		for name, run := range map[string]func(*testing.T, *Index, string, string) *site.SearchResults{"Suggest": suggest, "Search": search} {
			if name == "Search" && tt.query == "can" {
				continue // a whole word: "can t" and "can take" both have it
			}
			got := ids(run(t, ix, tt.query, "en"))
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s(%q) = %v, want %v", name, tt.query, got, tt.want)
			}
		}
	}
}

// TestSuggestTypedWordAcrossLocales: on a site whose French articles
// mention a word only in passing ("webhooks" in a table of plans), typing
// that whole word on the French site suggests the English article titled
// with it first, as search does, and the French mention after it. A
// prefix no article has as a whole word ("webh") stays a prefix.
func TestSuggestTypedWordAcrossLocales(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "fr"}},
		Hash:   "typed-whole",
		Categories: []*site.Category{
			{ID: "help", Locale: "en", Title: "Help"}, {ID: "help", Locale: "fr", Title: "Aide"},
		},
	}
	lib.Articles = []*site.Article{
		art("webhooks", "en", "help", "Receive events with webhooks", "Get a POST for each booking.", nil,
			sec("", "", "Webhooks send each new booking to your server.")),
		art("plans", "en", "help", "Plans and pricing", "What each plan includes.", nil,
			sec("", "", "Compare the plans.")),
		art("plans", "fr", "help", "Forfaits et tarifs", "Ce que chaque forfait comprend.", nil,
			sec("", "", "Le forfait Pro comprend l'API et les webhooks.")),
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct {
		query string
		want  []string // ID/locale in order
	}{
		{"webhooks", []string{"webhooks/en", "plans/fr"}},
		{"webhook", []string{"webhooks/en", "plans/fr"}},
	} {
		for name, run := range map[string]func(*testing.T, *Index, string, string) *site.SearchResults{"Suggest": suggest, "Search": search} {
			var got []string
			for _, h := range run(t, ix, tt.query, "fr").Hits {
				got = append(got, h.ID+"/"+h.Locale)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s(%q, fr) = %v, want %v", name, tt.query, got, tt.want)
			}
		}
	}
}
