package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	pathpkg "path"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// TestOldRollUpOfWeakSatisfiedSearchIsRolledAgain: a day rolled up by a
// release that counted a satisfied weak search (related articles only,
// recorded with no result, then read by its visitor) under "Searches with
// no result" kept that split after the rule changed, and the dashboard
// disagreed with the gap report on that day for as long as it was shown.
// Migration 0027 takes the roll-up back from every such day whose raw rows
// are kept, so it is counted by the rule of today and rolled up anew; a
// day whose raw rows are gone, and a day with no such search, keep theirs.
func TestOldRollUpOfWeakSatisfiedSearchIsRolledAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	conn, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	old := fstest.MapFS{}
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	for _, name := range names {
		if pathpkg.Base(name) >= "0027" { // the schema before 0027
			continue
		}
		b, _ := fs.ReadFile(migrationFS, name)
		old[name] = &fstest.MapFile{Data: b}
	}
	if err := migrate(ctx, conn, old, time.Now); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 18, 10, 0, 0, 0, time.UTC)
	at := day.UnixMilli()
	other := time.Date(2026, 11, 16, 10, 0, 0, 0, time.UTC).UnixMilli()
	if _, err := conn.ExecContext(ctx, `
		INSERT INTO searches (id, query, normalized, locale, source, visitor, results, hits, satisfied, created_at, updated_at) VALUES
			('s1', 'parcel stuck in customs', 'parcel stuck in customs', 'en', 'site', 'v1', 0, 'shipping/customs', 1, ?1, ?1),
			('s2', 'parcel eaten by dog', 'parcel eaten by dog', 'en', 'site', 'v2', 0, 'shipping/lost', 0, ?1, ?1),
			('s3', 'refund', 'refund', 'en', 'site', 'v3', 2, 'billing/refund', 1, ?2, ?2);
		-- As the release before rolled them up: both weak searches under no result.
		INSERT INTO insight_days VALUES
			('2026-11-18', 'en', 'site', '', 2, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0),
			('2026-11-16', 'en', 'site', '', 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1),
			('2026-11-10', 'en', 'site', '', 5, 3, 0, 2, 0, 0, 0, 0, 0, 5, 2, 2);
		INSERT INTO insight_rollups (day, rolled_at) VALUES ('2026-11-18', 1), ('2026-11-16', 1), ('2026-11-10', 1)`, at, other); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(when string, from, to time.Time, searches, noResult, clicked int) {
		t.Helper()
		days, err := db.DayTotals(ctx, from, to)
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
		count(when, d, d.AddDate(0, 0, 1), 2, 1, 1)
		// Pruned long ago: its roll-up is all there is.
		count(when, time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC), 5, 3, 2)
	}
	check("after the upgrade")
	var kept int
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM insight_rollups WHERE day IN ('2026-11-16', '2026-11-10') AND rolled_at = 1`).Scan(&kept); err != nil || kept != 2 {
		t.Errorf("%d of the two days with nothing to count again keep their roll-up (%v)", kept, err)
	}
	if _, err := db.RollUp(ctx, d.AddDate(0, 0, 3)); err != nil {
		t.Fatal(err)
	}
	var again int
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM insight_rollups WHERE day = '2026-11-18' AND rolled_at > 1`).Scan(&again); err != nil || again != 1 {
		t.Errorf("the day taken back is not rolled up again (%v)", err)
	}
	check("rolled up again")
}
