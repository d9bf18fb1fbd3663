package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/guichet/guichet/site/insights"
)

// BenchmarkDashboard1M computes the dashboard's summary (every figure, its
// daily series, the period before and the deflection per entry point) and
// per-article figures for the last 90 days over 1,000,000 events recorded
// in those 90 days (400,000 searches, 450,000 readings, clicks and votes,
// 50,000 contacts, 100,000 widget openings), once the finished days are
// rolled up into daily totals, as the server does at start and daily. The
// generated database is kept in the temporary folder between runs.
func BenchmarkDashboard1M(b *testing.B) {
	ctx := context.Background()
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	path := filepath.Join(os.TempDir(), "guichet-dashboard-bench-v1.db")
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.Now = func() time.Time { return now }
	var have int
	db.reader.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM searches) + (SELECT count(*) FROM events) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM widget_opens)`).Scan(&have)
	if have != 1_000_000 {
		db.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		if db, err = Open(ctx, path); err != nil {
			b.Fatal(err)
		}
		db.Now = func() time.Time { return now }
		start := time.Now()
		generateActivity(b, db, now)
		b.Logf("generated 1,000,000 events in %s", time.Since(start).Round(time.Second))
	}
	start := time.Now()
	days, err := db.RollUp(ctx, now)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("rolled up %d days in %s", days, time.Since(start).Round(time.Millisecond))
	svc := insights.Service{Store: db}
	p, err := insights.ParsePeriod("90d", "", "", nil, now)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		sum, err := svc.Summary(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		arts, err := svc.Articles(ctx, p, nil)
		if err != nil {
			b.Fatal(err)
		}
		if sum.Searches+sum.Previous.Searches != 400_000 || len(arts) == 0 {
			b.Fatalf("%d searches, %d articles", sum.Searches+sum.Previous.Searches, len(arts))
		}
	}
}

// generateActivity writes 1,000,000 events spread evenly over the 90 days
// before now, by 100,000 visitors a day-ish, in a few statements.
func generateActivity(b *testing.B, db *DB, now time.Time) {
	ctx := context.Background()
	start := now.Add(-90 * 24 * time.Hour).UnixMilli()
	span := int64(90 * 24 * time.Hour / time.Millisecond)
	for _, q := range []string{
		// Searches: a third find nothing, a third are satisfied.
		`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 399999)
		INSERT INTO searches (id, query, normalized, locale, results, hits, source, context, path, visitor, created_at, updated_at, satisfied)
		SELECT printf('%032x', i), 'query ' || (i % 700), 'query ' || (i % 700), CASE WHEN i % 5 = 0 THEN 'fr' ELSE 'en' END,
		       i % 3, 'article' || (i % 300), CASE WHEN i % 4 = 0 THEN 'widget' ELSE 'site' END,
		       CASE WHEN i % 4 = 0 THEN 'screen' || (i % 25) ELSE '' END, '', 'v' || (i / 4),
		       ?1 + i * (?2 / 400000), ?1 + i * (?2 / 400000), i % 3 = 2
		FROM n`,
		// Readings, clicks and votes by the same visitors, a minute later.
		`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 449999)
		INSERT INTO events (type, article_id, locale, helpful, source, context, visitor, created_at)
		SELECT CASE i % 3 WHEN 0 THEN 'view' WHEN 1 THEN 'click' ELSE 'vote' END, 'article' || (i % 300),
		       CASE WHEN i % 5 = 0 THEN 'fr' ELSE 'en' END, CASE WHEN i % 3 = 2 THEN i % 4 != 0 END,
		       CASE WHEN i % 4 = 0 THEN 'widget' ELSE 'site' END, CASE WHEN i % 4 = 0 THEN 'screen' || (i % 25) ELSE '' END,
		       'v' || (i * 8 / 9 / 4), ?1 + i * (?2 / 450000) + 60000
		FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
		INSERT INTO contacts (locale, source, path, visitor, created_at)
		SELECT 'en', 'site', '/contact', 'v' || (i * 8), ?1 + i * (?2 / 50000) + 120000 FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
		INSERT INTO widget_opens (locale, path, context, matched, visitor, created_at)
		SELECT 'en', '/app', 'screen' || (i % 25), i % 2, 'v' || (i * 4), ?1 + i * (?2 / 100000) FROM n`,
	} {
		if _, err := db.writer.ExecContext(ctx, q, start, span); err != nil {
			b.Fatal(fmt.Errorf("generate: %w", err))
		}
	}
}
