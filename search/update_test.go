package search

import (
	"context"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/testrun"
)

// editLibrary returns lib with its articles replaced by edit's result and
// a new hash.
func editLibrary(lib *site.Library, hash string, edit func([]*site.Article) []*site.Article) *site.Library {
	out := *lib
	out.Articles = edit(slices.Clone(lib.Articles))
	out.Hash = hash
	return &out
}

// updateCorpus is a generated help center in English plus a few French
// articles, and two articles whose made-up words are near each other (one
// typo apart), so that removing one leaves its words in the index's
// dictionaries only.
func updateCorpus(n int) *site.Library {
	lib := corpus(n)
	lib.Config.Locales = []string{"en", "fr"}
	lib.Articles = append(lib.Articles,
		art("flange", "en", "cat1", "Zorblatix flange calibration", "Calibrate the zorblatix flange.", []string{"zorblatix"},
			sec("", "", "The zorblatix flange needs a calibration every quarter; the quenderwick gauge shows it."),
			sec("Quenderwick gauge", "gauge", "Read the quenderwick gauge before the calibration.")),
		art("valve", "en", "cat2", "Valve cleaning", "Clean the valve.", nil,
			sec("", "", "A zorblatiq valve is cleaned with warm water.")),
		art("facture", "fr", "cat0", "Télécharger une facture", "Où trouver vos factures.", []string{"facture"},
			sec("", "", "Vos factures sont dans l'espace client, onglet facturation.")),
		art("mdp", "fr", "cat0", "Changer de mot de passe", "Réinitialiser le mot de passe.", nil,
			sec("", "", "Cliquez sur « mot de passe oublié » pour en recevoir un nouveau.")),
	)
	for _, c := range slices.Clone(lib.Categories) {
		fr := *c
		fr.Locale = "fr"
		lib.Categories = append(lib.Categories, &fr)
	}
	return lib
}

// withText returns a copy of a with its text (and first section) replaced.
func withText(a *site.Article, text string) *site.Article {
	b := *a
	b.Text = text
	b.Sections = []site.Section{{Text: text}}
	return &b
}

// TestUpdateAnswersAsFullBuild: an index updated from the previous one
// after articles were retitled, edited, removed and added answers every
// query (hits in the same order, scores but for rounding, snippets,
// suggestions, "did you mean") as a whole build of the new content, with the same term counts, round after
// round; a locale without change is taken as it was.
func TestUpdateAnswersAsFullBuild(t *testing.T) {
	testrun.SerialLater(t)
	ctx := context.Background()
	lib := updateCorpus(400)
	dir := t.TempDir()
	prev, err := Build(ctx, testView(lib), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { prev.Close() }()
	byID := func(arts []*site.Article, id string) int {
		i := slices.IndexFunc(arts, func(a *site.Article) bool { return a.ID == id && a.Locale == "en" })
		if i < 0 {
			t.Fatalf("no article %s", id)
		}
		return i
	}
	rounds := []struct {
		name string
		edit func([]*site.Article) []*site.Article
		// queries aimed at the edit, besides the generated ones.
		queries []string
	}{
		// Removing alone leaves the removed article's words in the
		// dictionaries of the index's only segment: fuzzy and prefix
		// queries and corrections must not see them.
		{"remove", func(arts []*site.Article) []*site.Article {
			return slices.Delete(arts, byID(arts, "flange"), byID(arts, "flange")+1)
		}, []string{"zorblatix", "zorblatex", "zorblat", "zorbla", "zorblatiq", "zorblatik", "calibration", "quenderwick"}},
		{"retitle, edit, remove, add", func(arts []*site.Article) []*site.Article {
			i := byID(arts, "a10")
			retitled := *arts[i]
			retitled.Title = "Quenderwick gauge replacement"
			arts[i] = &retitled
			i = byID(arts, "a20")
			arts[i] = withText(arts[i], "Refunds of a cancelled booking reach your bank within five days.")
			arts = slices.Delete(arts, byID(arts, "a30"), byID(arts, "a30")+1)
			return append(arts, art("new1", "en", "cat3", "Export your booking calendar", "Export bookings to a calendar.", []string{"ical export"},
				sec("", "", "Open the calendar settings and choose export; the ical file lists every booking.")))
		}, []string{"zorblatiq valve", "quenderwick", "quenderwik gauge", "refund cancelled booking", "ical export", "export calendar", "calibration"}},
		{"edit again, remove the new one", func(arts []*site.Article) []*site.Article {
			i := byID(arts, "a10")
			arts[i] = withText(arts[i], "The quenderwick gauge is replaced by the zorblatiq meter.")
			arts = slices.Delete(arts, byID(arts, "new1"), byID(arts, "new1")+1)
			return arts
		}, []string{"quenderwick", "zorblatiq meter", "ical", "export calendar", "zorblatix"}},
	}
	for n, round := range rounds {
		lib = editLibrary(lib, fmt.Sprintf("round-%d", n), round.edit)
		v := testView(lib)
		up, err := BuildFrom(ctx, v, dir, prev)
		if err != nil {
			t.Fatalf("%s: BuildFrom: %v", round.name, err)
		}
		if up.Indexed() == 0 || up.Indexed() > 6 {
			t.Errorf("%s: %d articles indexed again, want the few edited", round.name, up.Indexed())
		}
		full, err := Build(ctx, v, t.TempDir())
		if err != nil {
			t.Fatalf("%s: Build: %v", round.name, err)
		}
		for loc, li := range full.locales {
			got := up.locales[loc]
			if got == nil {
				t.Fatalf("%s: locale %s missing from the update", round.name, loc)
			}
			for f, m := range li.counts.fields {
				if !maps.Equal(m, got.counts.fields[f]) {
					t.Errorf("%s: %s: term counts of field %s differ from a whole build", round.name, loc, f)
				}
			}
			if !maps.Equal(li.vocab, got.vocab) || !maps.Equal(li.phrases, got.phrases) || !maps.Equal(li.counts.phrases, got.counts.phrases) {
				t.Errorf("%s: %s: vocabulary or phrases differ from a whole build", round.name, loc)
			}
		}
		queries := slices.Concat(round.queries, sampleQueries(lib, false)[:150])
		suggestions := slices.Concat(round.queries, sampleQueries(lib, true)[:150])
		compare := func(kind string, qs []string, locale string, run func(*Index) func(context.Context, site.SearchRequest) (*site.SearchResults, error)) {
			for _, q := range qs {
				req := site.SearchRequest{Query: q, Locale: locale}
				want, err := run(full)(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				got, err := run(up)(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				if !sameResults(got, want) {
					t.Errorf("%s: %s %q (%s): updated index answers %v (%q, total %d), a whole build %v (%q, total %d); hits:\n%+v\n%+v",
						round.name, kind, q, locale, ids(got), got.DidYouMean, got.Total, ids(want), want.DidYouMean, want.Total, got.Hits, want.Hits)
				}
			}
		}
		search := func(ix *Index) func(context.Context, site.SearchRequest) (*site.SearchResults, error) {
			return ix.Search
		}
		suggest := func(ix *Index) func(context.Context, site.SearchRequest) (*site.SearchResults, error) {
			return ix.Suggest
		}
		compare("search", queries, "en", search)
		compare("suggest", suggestions, "en", suggest)
		compare("search", []string{"facture", "mot de passe", "factur", "invoice"}, "fr", search)
		full.Close()
		prev.Close()
		prev = up
	}
}

// sameResults reports whether two answers are the same but for the last
// bits of the scores (bleve sums the scores of a document's matches in an
// order that depends on where its terms sit in the index).
func sameResults(a, b *site.SearchResults) bool {
	if len(a.Hits) != len(b.Hits) {
		return false
	}
	x, y := *a, *b
	x.Hits, y.Hits = slices.Clone(a.Hits), slices.Clone(b.Hits)
	for i := range x.Hits {
		if math.Abs(x.Hits[i].Score-y.Hits[i].Score) > 1e-9*math.Max(math.Abs(x.Hits[i].Score), math.Abs(y.Hits[i].Score)) {
			return false
		}
		x.Hits[i].Score, y.Hits[i].Score = 0, 0
	}
	return reflect.DeepEqual(x, y)
}

// TestUpdateReusesAndFallsBack: an unchanged locale is taken as it is
// (its segment files hard-linked), a locale where more than a quarter of
// the articles changed is built whole, and an update with nothing
// changed opens the same index.
func TestUpdateReusesAndFallsBack(t *testing.T) {
	ctx := context.Background()
	lib := updateCorpus(40)
	dir := t.TempDir()
	prev, err := Build(ctx, testView(lib), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer prev.Close()
	if prev.Indexed() != 44 {
		t.Errorf("first build indexed %d articles, want 44", prev.Indexed())
	}
	same, err := BuildFrom(ctx, testView(lib), dir, prev)
	if err != nil {
		t.Fatal(err)
	}
	if same.Key() != prev.Key() || same.Indexed() != 0 {
		t.Errorf("same content: key %s (want %s), %d indexed (want 0)", same.Key(), prev.Key(), same.Indexed())
	}
	same.Close()

	// Half of the English articles edited: built whole; French untouched.
	lib2 := editLibrary(lib, "half", func(arts []*site.Article) []*site.Article {
		for i, a := range arts {
			if a.Locale == "en" && i%2 == 0 {
				arts[i] = withText(a, a.Text+" Edited.")
			}
		}
		return arts
	})
	up, err := BuildFrom(ctx, testView(lib2), dir, prev)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	if up.Indexed() != 42 {
		t.Errorf("half edited: %d articles indexed, want the 42 English ones (built whole) and no French one", up.Indexed())
	}
	// The French index's segments are the previous ones', linked.
	zaps := func(ix *Index) []string {
		m, _ := filepath.Glob(filepath.Join(ix.root, localeDir("fr"), "store", "*.zap"))
		return m
	}
	old, now := zaps(prev), zaps(up)
	if len(old) == 0 || len(old) != len(now) {
		t.Fatalf("French segments: %v before, %v after", old, now)
	}
	a, errA := os.Stat(old[0])
	b, errB := os.Stat(now[0])
	if errA != nil || errB != nil || !os.SameFile(a, b) {
		t.Errorf("French segment not reused: %v %v", errA, errB)
	}
	// Pruning the previous index leaves the new one whole.
	if err := Prune(dir, up.Key()); err != nil {
		t.Fatal(err)
	}
	r, err := up.Search(ctx, site.SearchRequest{Query: "facture", Locale: "fr"})
	if err != nil || len(r.Hits) == 0 || r.Hits[0].ID != "facture" {
		t.Errorf("French search after the previous index was pruned: %v, %v", err, r)
	}
	reopened, err := Build(ctx, testView(lib2), dir)
	if err != nil {
		t.Fatal(err)
	}
	if reopened.Indexed() != 0 {
		t.Errorf("reopening the updated index indexed %d articles", reopened.Indexed())
	}
	reopened.Close()
	// A previous index damaged by hand is not derived from: the locale is
	// built whole, and answers as it should.
	if err := os.Remove(filepath.Join(up.root, localeDir("en"), "store", "root.bolt")); err != nil {
		t.Fatal(err)
	}
	lib3 := editLibrary(lib2, "damaged", func(arts []*site.Article) []*site.Article {
		return append(arts, art("new1", "en", "cat3", "Export your booking calendar", "Export bookings.", nil, sec("", "", "Choose export.")))
	})
	fixed, err := BuildFrom(ctx, testView(lib3), dir, up)
	if err != nil {
		t.Fatal(err)
	}
	defer fixed.Close()
	if fixed.Indexed() != 43 {
		t.Errorf("from a damaged index: %d articles indexed, want the 43 English ones", fixed.Indexed())
	}
	if r, err := fixed.Search(ctx, site.SearchRequest{Query: "password"}); err != nil || r.Total < 5 {
		t.Errorf("search after rebuilding a damaged index: %v, %v", err, r)
	}
}
