package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/guichet/guichet/site/postgres/pgtest"
)

// TestOldRollUpOfWeakSatisfiedSearchIsRolledAgain: a day rolled up by a
// release that counted a satisfied weak search (related articles only,
// recorded with no result, then read by its visitor) under "Searches with
// no result" kept that split after the rule changed (SQLite's test of the
// same name). Migration 0017 takes the roll-up back from every such day
// whose raw rows are kept; a day whose raw rows are gone, and a day with
// no such search, keep theirs.
func TestOldRollUpOfWeakSatisfiedSearchIsRolledAgain(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, pgtest.DSN(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	day := time.Date(2026, 11, 18, 10, 0, 0, 0, time.UTC)
	other := time.Date(2026, 11, 16, 10, 0, 0, 0, time.UTC)
	if _, err := db.pool.ExecContext(ctx, `
		INSERT INTO searches (id, query, normalized, locale, source, visitor, results, hits, satisfied, created_at, updated_at) VALUES
			('s1', 'parcel stuck in customs', 'parcel stuck in customs', 'en', 'site', 'v1', 0, '{shipping/customs}', true, $1, $1),
			('s2', 'parcel eaten by dog', 'parcel eaten by dog', 'en', 'site', 'v2', 0, '{shipping/lost}', false, $1, $1),
			('s3', 'refund', 'refund', 'en', 'site', 'v3', 2, '{billing/refund}', true, $2, $2)`, day, other); err != nil {
		t.Fatal(err)
	}
	// As the release before rolled them up: both weak searches under no
	// result; then the database goes back to the schema before 0017.
	if _, err := db.pool.ExecContext(ctx, `
		INSERT INTO insight_days VALUES
			('2026-11-18', 'en', 'site', '', 2, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0),
			('2026-11-16', 'en', 'site', '', 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1),
			('2026-11-10', 'en', 'site', '', 5, 3, 0, 2, 0, 0, 0, 0, 0, 5, 2, 2);
		INSERT INTO insight_rollups (day, rolled_at) VALUES
			('2026-11-18', '2026-11-19T01:00:00Z'), ('2026-11-16', '2026-11-19T01:00:00Z'), ('2026-11-10', '2026-11-19T01:00:00Z');
		DELETE FROM schema_migrations WHERE version >= 17`); err != nil {
		t.Fatal(err)
	}
	if err := db.migrate(ctx); err != nil {
		t.Fatal(err)
	}
	count := func(when string, from time.Time, searches, noResult, clicked int) {
		t.Helper()
		days, err := db.DayTotals(ctx, from, from.AddDate(0, 0, 1))
		if err != nil {
			t.Fatal(err)
		}
		var s, n, c int
		for _, d := range days {
			s, n, c = s+d.Searches, n+d.NoResultSearches, c+d.ClickedSearches
		}
		if s != searches || n != noResult || c != clicked {
			t.Errorf("%s, %s: %d searches, %d with no result, %d that found an answer; want %d, %d, %d",
				when, from.Format(time.DateOnly), s, n, c, searches, noResult, clicked)
		}
	}
	d := day.Truncate(24 * time.Hour)
	check := func(when string) {
		t.Helper()
		// The weak search its visitor read found an answer, as the gap report says.
		count(when, d, 2, 1, 1)
		// Pruned long ago: its roll-up is all there is.
		count(when, time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC), 5, 3, 2)
	}
	check("after the upgrade")
	var kept int
	if err := db.pool.QueryRowContext(ctx, `SELECT count(*) FROM insight_rollups WHERE day IN ('2026-11-16', '2026-11-10') AND rolled_at = '2026-11-19T01:00:00Z'`).Scan(&kept); err != nil || kept != 2 {
		t.Errorf("%d of the two days with nothing to count again keep their roll-up (%v)", kept, err)
	}
	if _, err := db.RollUp(ctx, d.AddDate(0, 0, 3)); err != nil {
		t.Fatal(err)
	}
	var again int
	if err := db.pool.QueryRowContext(ctx, `SELECT count(*) FROM insight_rollups WHERE day = '2026-11-18' AND rolled_at <> '2026-11-19T01:00:00Z'`).Scan(&again); err != nil || again != 1 {
		t.Errorf("the day taken back is not rolled up again (%v)", err)
	}
	check("rolled up again")
}
