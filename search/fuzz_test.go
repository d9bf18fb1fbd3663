package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
)

// FuzzQuery parses and runs any query, as search and as suggest, in each
// locale: never an error or a panic, and every snippet and correction is
// valid UTF-8.
func FuzzQuery(f *testing.F) {
	ix := buildTest(f, "")
	for _, q := range []string{"refund", "rembourser mes frais", "cancell my subscription", "wi-fi", "e\u00admail", "\u200b", "where is",
		"0x8004de8a", "\"exact phrase\"", "a*", "+-~^:", "\xff\xfe", strings.Repeat("é", 200), "ﬁle œuvre straße", "日本語のテスト"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, loc := range []string{"en", "fr"} {
			for _, run := range []func(context.Context, site.SearchRequest) (*site.SearchResults, error){ix.Search, ix.Suggest} {
				res, err := run(context.Background(), site.SearchRequest{Query: q, Locale: loc, Limit: 10})
				if err != nil {
					t.Fatalf("%q in %s: %v", q, loc, err)
				}
				if !utf8.ValidString(res.DidYouMean) {
					t.Errorf("%q: correction %q is not valid UTF-8", q, res.DidYouMean)
				}
				for _, h := range res.Hits {
					if !utf8.ValidString(string(h.Snippet)) {
						t.Errorf("%q: snippet %q is not valid UTF-8", q, h.Snippet)
					}
				}
			}
		}
	})
}
