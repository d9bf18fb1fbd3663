package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

func TestPruneKeepsDailyTotals(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	old := time.Date(2026, 1, 10, 15, 0, 0, 0, time.UTC)
	recent := time.Now().UTC()
	no := false
	for i, v := range []string{"a", "a", "b"} {
		r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "Refund!", Locale: "en", Source: site.SourceSite, Visitor: v, Results: i, Time: old})
	}
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "refund", Locale: "en", Source: site.SourceSite, Visitor: "c", Time: recent})
	r.RecordEvent(site.Event{Type: site.EventClick, ArticleID: "billing/refund", Locale: "en", Time: old})
	r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "billing/refund", Locale: "en", Helpful: &no, Comment: "secret", Time: old})
	flush(t, r)
	ctx := context.Background()
	n, err := db.Prune(ctx, recent.Add(-90*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("deleted %d raw rows, want 5", n)
	}
	if c, _ := db.CountSearches(ctx); c != 1 {
		t.Errorf("%d raw searches left, want the recent one", c)
	}
	days, err := db.DailySearches(ctx, "refund")
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 1 || days[0] != (DailySearch{Day: "2026-01-10", Searches: 3, Visitors: 2, ZeroResults: 1}) {
		t.Errorf("daily %+v", days)
	}
	var clicks, no1 int
	if err := db.reader.QueryRow(`SELECT clicks, helpful_no FROM daily_articles WHERE article_id = 'billing/refund'`).Scan(&clicks, &no1); err != nil || clicks != 1 || no1 != 1 {
		t.Errorf("daily articles: clicks %d no %d, %v", clicks, no1, err)
	}
	// Pruning again changes nothing.
	if n, _ := db.Prune(ctx, recent.Add(-90*24*time.Hour)); n != 0 {
		t.Errorf("second prune deleted %d", n)
	}
	if days, _ := db.DailySearches(ctx, "refund"); len(days) != 1 || days[0].Searches != 3 {
		t.Errorf("second prune changed totals: %+v", days)
	}
}
