package search

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// twinsLibrary holds two articles with the same text, which tie on every
// query, and one that matches "export" much better than both.
func twinsLibrary() *site.Library {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Hash:       "twins",
		Categories: []*site.Category{{ID: "data", Locale: "en", Title: "Data"}},
	}
	twin := func(id string) *site.Article {
		return art(id, "en", "data", "Backups of your bookings", "Keep a copy of your bookings.", nil,
			sec("", "", "You can export bookings from the settings as a spreadsheet."))
	}
	lib.Articles = []*site.Article{
		twin("twin-a"), twin("twin-b"),
		art("export", "en", "data", "Export your data", "Export clients and bookings.", []string{"export"},
			sec("", "", "Export everything as CSV.")),
	}
	return lib
}

func order(t *testing.T, ix *Index, suggest bool, q string) []string {
	t.Helper()
	f := ix.Search
	if suggest {
		f = ix.Suggest
	}
	r, err := f(context.Background(), site.SearchRequest{Query: q})
	if err != nil {
		t.Fatal(err)
	}
	return ids(r)
}

func TestPopularityBreaksTies(t *testing.T) {
	ix, err := Build(context.Background(), testView(twinsLibrary()), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct {
		suggest bool
		query   string
	}{{false, "export bookings"}, {true, "export book"}} {
		t.Run(fmt.Sprintf("suggest=%t", tt.suggest), func(t *testing.T) {
			ix.SetPopularity(nil)
			base := order(t, ix, tt.suggest, tt.query)
			if len(base) != 3 || base[0] != "export" {
				t.Fatalf("without clicks: %v, want export first of 3", base)
			}
			// Whichever twin came last comes first once it is clicked.
			last := base[2]
			ix.SetPopularity(map[string]int{last: 3, "unknown": 7})
			if got := order(t, ix, tt.suggest, tt.query); got[1] != last {
				t.Errorf("with clicks on %s: %v, want it second", last, got)
			}
			// Clicks reorder near-ties only: the better match stays first.
			ix.SetPopularity(map[string]int{"twin-a": 100000, "twin-b": 100000})
			if got := order(t, ix, tt.suggest, tt.query); got[0] != "export" {
				t.Errorf("popular weak matches outranked the best match: %v", got)
			}
			ix.SetPopularity(map[string]int{})
			if got := order(t, ix, tt.suggest, tt.query); fmt.Sprint(got) != fmt.Sprint(base) {
				t.Errorf("after clearing: %v, want %v", got, base)
			}
		})
	}
}

func TestRecencyBreaksTies(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, recent := range []string{"twin-a", "twin-b"} {
		lib := twinsLibrary()
		for _, a := range lib.Articles {
			a.Updated = now.AddDate(-2, 0, 0)
			if a.ID == recent {
				a.Updated = now.AddDate(0, 0, -3)
			}
		}
		lib.Hash = "twins-" + recent
		ix, err := Build(context.Background(), site.NewView(lib, now, false), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := order(t, ix, false, "export bookings"); len(got) != 3 || got[0] != "export" || got[1] != recent {
			t.Errorf("%s updated recently: %v, want export then %s", recent, got, recent)
		}
		ix.Close()
	}
}

func TestSetPopularityConcurrent(t *testing.T) {
	ix, err := Build(context.Background(), testView(twinsLibrary()), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 50 {
				if g == 0 {
					ix.SetPopularity(map[string]int{"twin-a": i, "twin-b": 50 - i})
					continue
				}
				if _, err := ix.Search(context.Background(), site.SearchRequest{Query: "export bookings"}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}
