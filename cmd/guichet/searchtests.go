package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/guichet/guichet/site"
)

// searchTestDepth is how high an article must rank for one of its
// search_tests queries to pass.
const searchTestDepth = 3

// runSearchTests runs every article's search_tests against searcher, the
// index built from the published view, and returns a Problem per failure:
// an error when the article is not in the top 3 for its query, a warning
// when the article is not published, so its tests cannot run.
func runSearchTests(ctx context.Context, v *site.View, searcher site.Searcher) ([]site.Problem, int, error) {
	var probs []site.Problem
	ran := 0
	for _, a := range v.Lib.Articles {
		if len(a.SearchTests) == 0 {
			continue
		}
		if !a.Visible(v.Now, v.Drafts) {
			probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindSearchTest, File: a.SourcePath, Field: "search_tests",
				Message: "search tests skipped: the article is not published (draft or publish_at in the future)"})
			continue
		}
		for _, q := range a.SearchTests {
			ran++
			res, err := searcher.Search(ctx, site.SearchRequest{Query: q, Locale: a.Locale, Limit: searchTestDepth})
			if err != nil {
				return nil, ran, fmt.Errorf("search test %q of %s: %w", q, a.SourcePath, err)
			}
			if rank(res, a) > 0 {
				continue
			}
			var got []string
			for i, h := range res.Hits {
				got = append(got, fmt.Sprintf("%d. %s", i+1, h.ID))
			}
			if len(got) == 0 {
				got = []string{"no results"}
			}
			probs = append(probs, site.Problem{Severity: site.SeverityError, Kind: site.KindSearchTest, File: a.SourcePath, Field: "search_tests",
				Message: fmt.Sprintf("search test %q: the article is not in the top %d (got %s)", q, searchTestDepth, strings.Join(got, ", "))})
		}
	}
	return probs, ran, nil
}

// rank returns the 1-based position of article a in res, 0 when absent.
func rank(res *site.SearchResults, a *site.Article) int {
	for i, h := range res.Hits {
		if h.ID == a.ID && h.Locale == a.Locale {
			return i + 1
		}
	}
	return 0
}
