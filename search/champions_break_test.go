package search

import (
	"context"
	"errors"
	"math"
	"reflect"
	"runtime"
	"sync"
	"testing"

	"github.com/guichet/guichet/site"
)

// buildChampionCorpus builds the index of championCorpus(n) in memory.
func buildChampionCorpus(t testing.TB, n int) *Index {
	t.Helper()
	ix, err := Build(context.Background(), testView(championCorpus(n)), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// clauseKey returns the champion key of a suggest query of one clause.
func clauseKey(t *testing.T, li *localeIndex, q string) string {
	t.Helper()
	qa := li.analyzeTypos(q, true, true)
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
