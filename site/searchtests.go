package site

import (
	"context"
	"fmt"
	"strings"
)

// SearchTestDepth is how high an article must rank for one of its
// search_tests queries to pass.
const SearchTestDepth = 3

// RunSearchTests runs every article's search_tests against searcher, the
// index built from the published view, and returns a Problem per failure:
// an error when the article is not in the top 3 for its query, a warning
// when the article is not published, so its tests cannot run.
func RunSearchTests(ctx context.Context, v *View, searcher Searcher) ([]Problem, int, error) {
	var probs []Problem
	ran := 0
	for _, a := range v.Lib.Articles {
		if len(a.SearchTests) == 0 {
			continue
		}
		if !a.Visible(v.Now, v.Drafts) {
			probs = append(probs, Problem{Severity: SeverityWarning, Kind: KindSearchTest, File: a.SourcePath, Field: "search_tests",
				Message: "search tests skipped: the article is not published (draft or publish_at in the future)"})
			continue
		}
		for _, q := range a.SearchTests {
			ran++
			res, err := searcher.Search(ctx, SearchRequest{Query: q, Locale: a.Locale, Limit: SearchTestDepth})
			if err != nil {
				return nil, ran, fmt.Errorf("search test %q of %s: %w", q, a.SourcePath, err)
			}
			if rankOf(res, a) > 0 {
				continue
			}
			var got []string
			for i, h := range res.Hits {
				got = append(got, fmt.Sprintf("%d. %s", i+1, h.ID))
			}
			if len(got) == 0 {
				got = []string{"no results"}
			}
			probs = append(probs, Problem{Severity: SeverityError, Kind: KindSearchTest, File: a.SourcePath, Field: "search_tests",
				Message: fmt.Sprintf("search test %q: the article is not in the top %d (got %s)", q, SearchTestDepth, strings.Join(got, ", "))})
		}
	}
	return probs, ran, nil
}

// rankOf returns the 1-based position of article a in res, 0 when absent.
func rankOf(res *SearchResults, a *Article) int {
	for i, h := range res.Hits {
		if h.ID == a.ID && h.Locale == a.Locale {
			return i + 1
		}
	}
	return 0
}
