package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestWeakSearchSatisfiedIsNoFailureOnTheDashboard: a search that found
// only related articles is recorded with no result; its visitor then read
// one of them, so it found its answer. The gap report counts it as no
// failure, and the dashboard counted it under "Searches with no result",
// read before whether it was satisfied: the two disagreed on the same
// search. Both now read it by the one rule (gaps.Record.Failure), in the
// raw rows and once the day is rolled up.
func TestWeakSearchSatisfiedIsNoFailureOnTheDashboard(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	ctx := context.Background()
	at := time.Date(2026, 11, 18, 10, 0, 0, 0, time.UTC)
	// Weak: no result counted, the related articles shown kept as hits.
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "parcel stuck in customs", Locale: "en", Source: site.SourceSite, Visitor: "v1", Results: 0, Hits: []string{"shipping/customs"}, Time: at})
	r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "shipping/customs", Locale: "en", Source: site.SourceSite, Visitor: "v1", Time: at.Add(time.Minute)})
	// A weak search nobody took stays a search with no result.
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "parcel eaten by dog", Locale: "en", Source: site.SourceSite, Visitor: "v2", Results: 0, Hits: []string{"shipping/lost"}, Time: at})
	flush(t, r)
	failures := map[string]string{}
	if err := db.GapRecords(ctx, at.Add(-time.Hour), func(rec gaps.Record) error {
		failures[rec.Query] = rec.Failure()
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if f, ok := failures["parcel stuck in customs"]; ok && f != "" {
		t.Fatalf("the gap report counts the satisfied weak search as %q; this test wants it satisfied", f)
	}
	from, to := at.Truncate(24*time.Hour), at.Truncate(24*time.Hour).Add(24*time.Hour)
	check := func(when string) {
		t.Helper()
		days, err := db.DayTotals(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		var searches, noResult, clicked, noClick int
		for _, d := range days {
			searches += d.Searches
			noResult += d.NoResultSearches
			clicked += d.ClickedSearches
			noClick += d.NoClickSearches
		}
		if searches != 2 || noResult != 1 || clicked != 1 || noClick != 0 {
			t.Errorf("%s: %d searches, %d with no result, %d that found an answer, %d with results nobody took; want 2, 1, 1, 0 (the weak search its visitor read the answer of found it, as the gap report says)",
				when, searches, noResult, clicked, noClick)
		}
	}
	check("raw rows")
	if _, err := db.RollUp(ctx, to.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	check("rolled up")
}
