package search

import (
	"context"
	"errors"
	"math"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// buildChampionCorpus builds the index of championCorpus(n) in memory.
func buildChampionCorpus(t testing.TB, n int) *Index {
	t.Helper()
	ix := buildLib(t, championCorpus(n), "")
	return ix
}

// clauseKey returns the champion key of a suggest query of one clause.
func clauseKey(t *testing.T, li *localeIndex, q string) string {
	t.Helper()
	qa := li.analyzeTypos(context.Background(), q, true, true)
	cl := li.clauses(qa, false)
	if len(cl) != 1 || cl[0].key == "" {
		t.Fatalf("%q makes %d clauses, not one with a champion list", q, len(cl))
	}
	return cl[0].key
}

// TestChampionsCanceled: a request canceled while its champion list is
// computed leaves no broken list behind, and fails no other request: the
// autocomplete box of a browser cancels the request of each keystroke it
// no longer needs, while other visitors type the same word.
func TestChampionsCanceled(t *testing.T) {
	ix := buildChampionCorpus(t, 600)
	li := ix.locales["en"]
	for _, q := range []string{"acc", "password", "pass"} {
		req := site.SearchRequest{Query: q, Limit: 8}
		setBroad(ix, math.MaxInt)
		want, err := ix.Suggest(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		setBroad(ix, 25)
		key := clauseKey(t, li, q)

		// Canceled before or while the list is computed.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := ix.Suggest(ctx, req); err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Suggest(%q) canceled: %v, want context.Canceled", q, err)
		}
		if l := li.champions.lists[key]; l != nil && (l.err != nil || len(l.hits) == 0) {
			t.Errorf("Suggest(%q) canceled left a broken champion list: %d hits, error %v", q, len(l.hits), l.err)
		}

		// Another visitor's request, canceled, failed to compute the list
		// this request waited for: this one is not canceled, it answers.
		failed := &championList{}
		failed.once.Do(func() { failed.err = context.Canceled })
		li.champions.mu.Lock()
		li.champions.lists[key] = failed
		li.champions.mu.Unlock()
		got, err := ix.Suggest(context.Background(), req)
		if err != nil {
			t.Errorf("Suggest(%q) after another request's list was canceled: %v", q, err)
		} else if !reflect.DeepEqual(got, want) {
			t.Errorf("Suggest(%q) after another request's list was canceled:\n %s\nwant %s", q, describe(got), describe(want))
		}
		got, err = ix.Suggest(context.Background(), req)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Suggest(%q) next = %v, %v; want %s", q, err, got, describe(want))
		}
		if l := li.champions.lists[key]; l == nil || l.err != nil || len(l.hits) == 0 {
			t.Errorf("Suggest(%q): no champion list kept after a good request", q)
		}
	}
}

// TestChampionsConcurrentCancel: many visitors type the same broad words
// and the same prefixes at once while the browsers of others cancel their
// requests at any moment: every request not canceled answers as scoring
// every article does (run with -race).
func TestChampionsConcurrentCancel(t *testing.T) {
	ix := buildChampionCorpus(t, 600)
	qs := []string{"a", "ac", "acc", "account", "account ", "p", "pa", "pass", "password", "re", "refund", "c", "ca", "card", "the acc", "e-mail", "wi"}
	setBroad(ix, math.MaxInt)
	want := map[string]*site.SearchResults{}
	for _, q := range qs {
		r, err := ix.Suggest(context.Background(), site.SearchRequest{Query: q, Limit: 8})
		if err != nil {
			t.Fatal(err)
		}
		want[q] = r
	}
	setBroad(ix, 25)
	for round := range 3 {
		// Each round starts without lists: computing them is what races.
		for _, li := range ix.locales {
			li.champions.mu.Lock()
			li.champions.lists = nil
			li.champions.mu.Unlock()
		}
		var wg sync.WaitGroup
		for g := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 2 * len(qs) {
					q := qs[(i+g)%len(qs)]
					ctx, cancel := context.WithCancel(context.Background())
					canceled := (i+g+round)%2 == 0
					switch {
					case canceled && i%4 < 2:
						cancel() // gone before it is served
					case canceled:
						// Canceled soon, perhaps while computing a list.
						go func() { runtime.Gosched(); cancel() }()
					}
					r, err := ix.Suggest(ctx, site.SearchRequest{Query: q, Limit: 8})
					cancel()
					switch {
					case err != nil && !canceled:
						t.Errorf("Suggest(%q) not canceled: %v", q, err)
					case err != nil && !errors.Is(err, context.Canceled):
						t.Errorf("Suggest(%q) canceled: %v, want context.Canceled", q, err)
					case err == nil && !reflect.DeepEqual(r, want[q]):
						t.Errorf("Suggest(%q) = %s, want %s", q, describe(r), describe(want[q]))
					}
				}
			}()
		}
		wg.Wait()
	}
	for key, l := range ix.locales["en"].champions.lists {
		if l.err != nil || len(l.hits) == 0 {
			t.Errorf("champion list %q kept broken: %d hits, error %v", key, len(l.hits), l.err)
		}
	}
}

// TestChampionsAfterUpdate: an index updated from the previous one on disk
// (BuildFrom), after the previous one computed its champion lists, phrases
// of stop words and fuzzy expansions, answers from its own articles: a new
// article that is now the best for a broad word comes first, a removed
// one is gone, drafts and scheduled articles never appear, and every
// answer of one word is still that of scoring every article.
func TestChampionsAfterUpdate(t *testing.T) {
	ctx := context.Background()
	lib := championCorpus(400)
	dir := t.TempDir()
	prev, err := Build(ctx, testView(lib), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { prev.Close() })
	const broad = 20
	queries := []string{"account", "acc", "a", "accoutn", "accuont ", "password", "pass", "the", "how to", "how", "to the", "refund", "fac", "facture", "konto", "الحساب"}
	before := map[string]*site.SearchResults{}
	setBroad(prev, broad)
	for _, loc := range []string{"en", "fr", "de", "ar"} {
		for _, q := range queries {
			r, err := prev.Suggest(ctx, site.SearchRequest{Query: q, Locale: loc, Limit: 8})
			if err != nil {
				t.Fatal(err)
			}
			before[loc+" "+q] = r
		}
	}
	gone := before["en acc"].Hits[0].ID
	future := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	lib = editLibrary(lib, "edited", func(arts []*site.Article) []*site.Article {
		arts = slices.DeleteFunc(arts, func(a *site.Article) bool { return a.Locale == "en" && a.ID == gone })
		best := art("best", "en", "help", "Account account", "Account.", []string{"account"},
			sec("", "", "Account account account."))
		draft := art("draft2", "en", "help", "Account", "Account.", []string{"account"}, sec("", "", "Account account account."))
		draft.Draft = true
		later := art("later", "en", "help", "Account", "Account.", []string{"account"}, sec("", "", "Account account account."))
		later.PublishAt = future
		how := art("how", "en", "help", "How to", "", nil, sec("", "", "Steps."))
		return append(arts, best, draft, later, how)
	})
	up, err := BuildFrom(ctx, testView(lib), dir, prev)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { up.Close() })
	if up.Indexed() == 0 || up.Indexed() > 10 {
		t.Fatalf("BuildFrom indexed %d articles, want the few edited (the test is about an updated index)", up.Indexed())
	}
	for _, loc := range []string{"en", "fr", "de", "ar"} {
		for _, q := range queries {
			req := site.SearchRequest{Query: q, Locale: loc, Limit: 8}
			every, got := suggestEveryAndChampions(t, up, req, broad)
			if !reflect.DeepEqual(every, got) {
				t.Errorf("updated index: %s Suggest(%q):\n through champions %s\n scoring every     %s", loc, q, describe(got), describe(every))
			}
			for _, h := range got.Hits {
				if h.ID == "draft" || h.ID == "draft2" || h.ID == "later" || h.Locale == "en" && h.ID == gone {
					t.Errorf("updated index: %s Suggest(%q) suggests %s", loc, q, h.ID)
				}
			}
			// The previous index still answers as it did.
			old, err := prev.Suggest(ctx, req)
			if err != nil || !reflect.DeepEqual(old, before[loc+" "+q]) {
				t.Errorf("previous index: %s Suggest(%q) = %v, %v; was %s", loc, q, err, old, describe(before[loc+" "+q]))
			}
		}
	}
	for _, q := range []string{"account", "acc", "accuont "} {
		if r := suggest(t, up, q, "en"); len(r.Hits) == 0 || r.Hits[0].ID != "best" {
			t.Errorf("updated index: Suggest(%q) = %s, want the new article first", q, describe(r))
		}
	}
	if r := suggest(t, up, "how to", "en"); len(r.Hits) == 0 || r.Hits[0].ID != "how" || r.Total != before["en how to"].Total+1 {
		t.Errorf("updated index: Suggest(how to) = %s, want the new title \"How to\" first and one more than %d", describe(r), before["en how to"].Total)
	}
}
