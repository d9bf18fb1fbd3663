package search_test

import (
	"context"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/testrun"
)

// TestWeakResultsCorpus checks the rule on a help center written by
// others: a title searched for is an answer, and a query with more words
// found nowhere than words the help center has is not.
func TestWeakResultsCorpus(t *testing.T) {
	testrun.SerialLater(t)
	if testing.Short() {
		t.Skip("loads the corpus")
	}
	needCorpus(t)
	ix, v := contentIndex(t, corpusDir)
	ctx := context.Background()
	titles, weakTitles, padded, weakPadded := 0, 0, 0, 0
	for _, a := range v.Lib.Articles {
		if a.Locale != "en" || titles == 300 {
			continue
		}
		titles++
		r, err := ix.Search(ctx, site.SearchRequest{Query: a.Title, Locale: "en", Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if r.Weak {
			weakTitles++
		}
		// The title's first two words that carry meaning, and three
		// words no article has.
		words := strings.Fields(a.Title)
		q := strings.Join(words[:min(2, len(words))], " ") + " zorbulent quintrelax vapwoggle"
		if r, err = ix.Search(ctx, site.SearchRequest{Query: q, Locale: "en", Limit: 3}); err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) > 0 {
			padded++
			if r.Weak {
				weakPadded++
			}
		}
	}
	t.Logf("titles: %d of %d weak; padded with words found nowhere: %d of %d weak", weakTitles, titles, weakPadded, padded)
	if weakTitles*20 > titles {
		t.Errorf("%d of %d titles searched for are weak, want at most 5%%", weakTitles, titles)
	}
	if weakPadded != padded {
		t.Errorf("%d of %d queries with more words found nowhere than known ones are weak, want all", weakPadded, padded)
	}
}
