package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
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
	if len(days) != 1 || days[0] != (site.DailySearch{Day: "2026-01-10", Searches: 3, Visitors: 2, ZeroResults: 1}) {
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

// TestPruneBacklog: a backlog of many days is rolled up day by day with the
// same totals, and a cancelled context stops it between days.
func TestPruneBacklog(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	for day := 1; day <= 6; day++ {
		for i := 0; i < day; i++ {
			r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "old export", Locale: "en", Visitor: fmt.Sprint("v", i),
				Time: now.Add(-time.Duration(100+day) * 24 * time.Hour)})
		}
	}
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "recent", Locale: "en", Time: now})
	flush(t, r)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.Prune(ctx, now.Add(-90*24*time.Hour)); err == nil {
		t.Error("a cancelled prune reported no error")
	}
	n, err := db.Prune(context.Background(), now.Add(-90*24*time.Hour))
	if err != nil || n != 21 {
		t.Fatalf("pruned %d, %v; want 21", n, err)
	}
	days, err := db.DailySearches(context.Background(), textnorm.Key("old export"))
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 6 {
		t.Fatalf("daily totals %+v, want 6 days", days)
	}
	for i, d := range days {
		if d.Searches != 6-i || d.Visitors != 6-i {
			t.Errorf("day %s: %d searches, %d visitors; want %d", d.Day, d.Searches, d.Visitors, 6-i)
		}
	}
	if left := countSearches(t, db); left != 1 {
		t.Errorf("%d searches left, want the recent one", left)
	}
}
