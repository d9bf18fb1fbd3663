package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// commonLibrary's titles are hard on rankCommon's search through the
// titles put end to end: empty ones, ones of punctuation or stop words
// only, phrases split between one title and the next, the phrase at the
// very end of the last title, and odd Unicode (full-width letters, no-break
// and zero-width spaces, accents, emoji, Turkish dotted I).
func commonLibrary() *site.Library {
	lib := &site.Library{Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "fr"}}, Hash: "common-break"}
	lib.Categories = []*site.Category{{ID: "c", Locale: "en", Title: "All"}, {ID: "c", Locale: "fr", Title: "Tout"}}
	titles := []string{
		"Where is", "my data stored", // "is my" only across two titles
		"Learn how", "to export", // "how to" only across two titles
		"", "???", "The", "To", "It is",
		"Ｈｏｗ ｔｏ pay", "How\u00a0to print", "How\u200bto nothing", "Hów tó refund", "how 😀 to sync",
		"İs it safe?", "What is it", "it", "Is it", "The the the", "a", "A b",
		"Export data how to",
	}
	for i, title := range titles {
		lib.Articles = append(lib.Articles, art(fmt.Sprintf("t%02d", i), "en", "c", title, "", nil, sec("", "", "Text.")))
	}
	lib.Articles = append(lib.Articles, art("fr1", "fr", "c", "Comment faire", "", nil, sec("", "", "Texte.")))
	// The last title ends with the phrase.
	lib.Articles = append(lib.Articles, art("last", "en", "c", "Everything about how to", "", nil, sec("", "", "Text.")))
	return lib
}

// TestCommonPhraseTitles: a query of stop words finds exactly the titles
// holding its words in that order (the last as a prefix while typed),
// never a phrase made of the end of one title and the start of the next,
// best first (starting with it, then shorter, then in the View's order),
// the total counting them all — for every limit and offset, asked in any
// order (answers are remembered per phrase and count).
func TestCommonPhraseTitles(t *testing.T) {
	build := func() *Index {
		ix := buildLib(t, commonLibrary(), "")
		return ix
	}
	ix := build()
	li := ix.locales["en"]
	// expected finds the titles by brute force, title by title.
	expected := func(q string, prefix bool) (ids []string) {
		phrase := " " + textnorm.Key(q)
		if !prefix {
			phrase += " "
		}
		type found struct{ at, ln, d int }
		var all []found
		for d, a := range li.docs {
			title := " " + textnorm.Key(a.Title) + " "
			if i := strings.Index(title, phrase); i >= 0 {
				all = append(all, found{i, len(title), d})
			}
		}
		slices.SortFunc(all, func(x, y found) int {
			return cmp.Or(cmp.Compare(x.at, y.at), cmp.Compare(x.ln, y.ln), cmp.Compare(x.d, y.d))
		})
		for _, f := range all {
			ids = append(ids, li.docs[f.d].ID)
		}
		return ids
	}
	queries := []string{"is my", "how to", "How to", "where i", "it i", "how to ", "to", "to ", "it is", "is it", "is", "is ", "the", "the the", "the the the the",
		"a", "a ", "it", "what is it", "the to", "to the", "where is", "where is ", "how"}
	pages := []struct{ limit, offset int }{{50, 0}, {1, 0}, {3, 0}, {2, 1}, {5, 3}, {1, 12}, {10, 0}}
	for _, order := range []string{"wide first", "narrow first"} {
		ps := slices.Clone(pages)
		if order == "narrow first" {
			slices.Reverse(ps)
		}
		// A new index for each order: answers are remembered per index.
		if order == "narrow first" {
			ix = build()
			li = ix.locales["en"]
		}
		for _, q := range queries {
			if qa := li.analyzeTypos(context.Background(), q, true, true); !qa.onlyStopWords(li) {
				t.Fatalf("%q is not only stop words: the test is about rankCommon", q)
			}
			prefix := !strings.HasSuffix(q, " ")
			all := expected(q, prefix)
			allSearch := expected(q, false)
			for _, p := range ps {
				for _, s := range []bool{true, false} {
					req := site.SearchRequest{Query: q, Limit: p.limit, Offset: p.offset}
					var r *site.SearchResults
					var err error
					want := all
					if s {
						r, err = ix.Suggest(context.Background(), req)
					} else {
						r, err = ix.Search(context.Background(), req)
						want = allSearch // search takes every word whole
					}
					if err != nil {
						t.Fatal(err)
					}
					page := want[min(p.offset, len(want)):min(p.offset+p.limit, len(want))]
					if !slices.Equal(ids(r), page) || r.Total != len(want) || !r.CommonWords {
						t.Errorf("%s: suggest %t %q limit %d offset %d = %v (total %d, common %t), want %v (total %d)",
							order, s, q, p.limit, p.offset, ids(r), r.Total, r.CommonWords, page, len(want))
					}
				}
			}
		}
	}
}
