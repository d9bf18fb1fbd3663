package search

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/guichet/guichet/site"
)

// TestCachesBounded: a flood of distinct queries — broad words, phrases of
// stop words at every page, long misspelt words — fills the champion
// lists, the remembered phrases and the fuzzy expansions up to their
// bounds and no further, and once they are full every answer is still
// right (scored as without them).
func TestCachesBounded(t *testing.T) {
	ctx := context.Background()
	ix := buildTest(t, "")
	li := ix.locales["en"]

	t.Run("champion lists", func(t *testing.T) {
		setBroad(ix, 1)
		t.Cleanup(func() { setBroad(ix, broadClause) })
		q := term("password", fieldTitle, 1)
		for i := range maxChampionLists + 100 {
			if _, err := li.championList(ctx, fmt.Sprintf("flood %d", i), q); err != nil {
				t.Fatal(err)
			}
		}
		if n := len(li.champions.lists); n != maxChampionLists {
			t.Errorf("%d champion lists kept, want at most %d", n, maxChampionLists)
		}
		// Full: a word without a list scores every article.
		for _, q := range []string{"pass", "password", "ticket", "t"} {
			req := site.SearchRequest{Query: q, Limit: 8}
			every, got := suggestEveryAndChampions(t, ix, req, 1)
			if !reflect.DeepEqual(every, got) {
				t.Errorf("Suggest(%q) with the champion lists full = %s, want %s", q, describe(got), describe(every))
			}
		}
		if n := len(li.champions.lists); n != maxChampionLists {
			t.Errorf("%d champion lists kept, want at most %d", n, maxChampionLists)
		}
	})

	t.Run("phrases of stop words", func(t *testing.T) {
		first, err := ix.Suggest(ctx, site.SearchRequest{Query: "how do i", Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		words := []string{"the", "a", "to", "how", "do", "i", "my", "it", "is", "of", "in", "on"}
		// Distinct phrases of stop words (three or four words: 22,464),
		// each at two pages: a page does not count as a phrase.
		for i := range maxCommonPhrases + 100 {
			q := words[i%12] + " " + words[i/12%12] + " " + words[i/144%12]
			if i >= 1728 {
				q += " " + words[i/1728%12]
			}
			for _, offset := range []int{0, 3} {
				if _, err := ix.Suggest(ctx, site.SearchRequest{Query: q, Limit: 1, Offset: offset}); err != nil {
					t.Fatal(err)
				}
			}
		}

		n := li.common.len()
		if n != maxCommonPhrases {
			t.Errorf("%d phrases remembered after %d distinct ones, want %d", n, maxCommonPhrases+100, maxCommonPhrases)
		}
		again, err := ix.Suggest(ctx, site.SearchRequest{Query: "how do i", Limit: 1})
		if err != nil || !reflect.DeepEqual(again, first) {
			t.Errorf("Suggest(how do i) after the flood = %v, %v; want %s", err, again, describe(first))
		}
	})

	t.Run("fuzzy expansions", func(t *testing.T) {
		r, err := li.idx.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		rd, err := r.Reader()
		if err != nil {
			t.Fatal(err)
		}
		defer rd.Close()
		for i := range maxFuzzyExpansions + 100 {
			q := &liveFuzzyQuery{term: fmt.Sprintf("z%05d", i), prefix: 6, fuzziness: 1, field: fieldTitle,
				boost: 1, counts: li.counts, known: &li.fuzzy}
			s, err := q.Searcher(ctx, rd, nil, bsearch.SearcherOptions{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
		}

		n := li.fuzzy.len()
		if n != maxFuzzyExpansions {
			t.Errorf("%d fuzzy expansions remembered after %d distinct ones, want %d", n, maxFuzzyExpansions+100, maxFuzzyExpansions)
		}
		// Full: a long misspelt word is expanded as on a new index.
		for _, q := range []string{"authentcation", "passwrods", "secruity settings"} {
			req := site.SearchRequest{Query: q, Limit: 8}
			got, err := ix.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			want, err := buildTest(t, "").Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) || len(got.Hits) == 0 {
				t.Errorf("Search(%q) after the flood = %s, want %s", q, describe(got), describe(want))
			}
		}
	})
}
