package sqlite

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/insights"
)

// TestDashboardTotals: contacts are stored redacted; the daily totals read
// from raw rows equal those rolled up, and survive pruning; a day is
// rolled up once, and not before it has been over for an hour.
func TestDashboardTotals(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	ctx := context.Background()
	d1 := time.Date(2026, 11, 18, 10, 0, 0, 0, time.UTC)
	d2 := d1.Add(24 * time.Hour)
	no := false
	for _, at := range []time.Time{d1, d2} {
		r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "lost parcel", Locale: "en", Source: site.SourceSite, Visitor: "v" + at.Format("02"), Results: 2, Hits: []string{"lost"}, Time: at})
		r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "lost", Locale: "en", Source: site.SourceSite, Visitor: "v" + at.Format("02"), Time: at.Add(time.Minute)})
		// Read again: a view more, no reader more.
		r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "lost", Locale: "en", Source: site.SourceSite, Visitor: "v" + at.Format("02"), Time: at.Add(90 * time.Second)})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "lost", Locale: "en", Source: site.SourceSite, Visitor: "v" + at.Format("02"), Helpful: &no, Comment: "call me at jane@example.com", Time: at.Add(2 * time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventContact, ArticleID: "lost", Locale: "en", Source: site.SourceWidget, Context: "checkout", Path: "/u/jane@example.com", Visitor: "v" + at.Format("02"), Time: at.Add(3 * time.Minute)})
		r.RecordOpen(site.WidgetOpen{Locale: "en", Context: "checkout", Visitor: "w", Time: at})
	}
	flush(t, r)
	var path string
	if err := db.reader.QueryRowContext(ctx, `SELECT path FROM contacts LIMIT 1`).Scan(&path); err != nil || path != "/u/[email]" {
		t.Errorf("contact path stored %q, %v", path, err)
	}
	from, to := d1.Truncate(24*time.Hour), d2.Truncate(24*time.Hour).Add(24*time.Hour)
	totals := func() (insights.Totals, error) {
		days, err := db.DayTotals(ctx, from, to)
		if err != nil {
			return insights.Totals{}, err
		}
		arts, err := db.ArticleTotals(ctx, from, to)
		return insights.Totals{Days: days, Articles: arts}, err
	}
	live, err := totals()
	if err != nil {
		t.Fatal(err)
	}
	if len(live.Days) != 4 || len(live.Articles) != 1 {
		t.Fatalf("live totals %+v", live)
	}
	for _, d := range live.Days {
		if d.Source == site.SourceSite && (d.Searches != 1 || d.ClickedSearches != 1 || d.Views != 2 || d.NotHelpfulVotes != 1 || d.Visits != 1 || d.DeflectedVisits != 0) {
			t.Errorf("site day %+v", d)
		}
	}
	if a := live.Articles[0]; a.Views != 4 || a.Readers != 2 || a.NotHelpful != 2 || a.ContactsAfterReading != 2 || a.Day != "" {
		t.Errorf("article day %+v", a)
	}
	// An hour after d2 ended: both days roll up; d2 not before.
	if n, err := db.RollUp(ctx, to.Add(30*time.Minute)); err != nil || n != 1 {
		t.Errorf("rolled up %d days half an hour after d2, %v; want d1 only", n, err)
	}
	if n, err := db.RollUp(ctx, to.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("rolled up %d days an hour after d2, %v; want d2", n, err)
	}
	if n, _ := db.RollUp(ctx, to.Add(2*time.Hour)); n != 0 {
		t.Errorf("rolled up %d days again", n)
	}
	rolled, err := totals()
	if err != nil || !reflect.DeepEqual(rolled, live) {
		t.Errorf("rolled-up totals differ from the raw ones:\n%+v\n%+v", rolled, live)
	}
	if _, err := db.Prune(ctx, to); err != nil {
		t.Fatal(err)
	}
	var left int
	db.reader.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM events) + (SELECT count(*) FROM searches)`).Scan(&left)
	pruned, _ := totals()
	if left != 0 || !reflect.DeepEqual(pruned, live) {
		t.Errorf("after pruning: %d raw rows left, totals %+v", left, pruned)
	}
	// Comments are raw data: gone with the raw rows.
	if c, _ := db.VoteComments(ctx, from, to, "", 10); len(c) != 0 {
		t.Errorf("comments after pruning: %+v", c)
	}
}
