package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"maps"
	pathpkg "path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/migration"
)

func TestMigrationsAppliedOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "events.db")
	list, err := migration.Read(migrationFS)
	if err != nil {
		t.Fatal(err)
	}

	type row struct {
		version int
		applied int64
	}
	read := func() []row {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rows, err := db.reader.QueryContext(ctx, `SELECT version, applied_at FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.version, &r.applied); err != nil {
				t.Fatal(err)
			}
			got = append(got, r)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"searches", "events"} {
			var n int
			if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
				t.Errorf("table %s: %v", table, err)
			}
		}
		return got
	}

	first := read()
	if len(first) != len(list) {
		t.Fatalf("schema_migrations has %d rows, want %d", len(first), len(list))
	}
	for i, r := range first {
		if r.version != i+1 || r.applied <= 0 {
			t.Errorf("row %d = %+v", i, r)
		}
	}
	// Migrating again with a clock an hour later records nothing: a
	// re-run would show a later applied_at.
	raw, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, raw, migrationFS, func() time.Time { return time.Now().Add(time.Hour) }); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	second := read()
	if len(second) != len(first) {
		t.Fatalf("after reopen: %d rows, want %d", len(second), len(first))
	}
	for i := range first {
		if second[i] != first[i] {
			t.Errorf("after reopen row %d = %+v, want %+v", i, second[i], first[i])
		}
	}
}

// openRaw opens a bare connection on a new file for the migrate tests.
func openRaw(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "m.db"), false))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMigrateErrorNamesFileAndRollsBack(t *testing.T) {
	ctx := context.Background()
	db := openRaw(t)
	fsys := fstest.MapFS{
		"migrations/0001_ok.sql":     {Data: []byte(`CREATE TABLE a (x INTEGER);`)},
		"migrations/0002_broken.sql": {Data: []byte(`CREATE TABLE b (x INTEGER); CREATE TABLEX c;`)},
	}
	err := migrate(ctx, db, fsys, time.Now)
	if err == nil || !strings.Contains(err.Error(), "0002_broken.sql") {
		t.Fatalf("err = %v, want one naming 0002_broken.sql", err)
	}
	var version int
	if err := db.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != 1 {
		t.Errorf("schema version = %d, want 1", version)
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'b'`).Scan(&n)
	if n != 0 {
		t.Error("table b of the failed migration exists: not rolled back")
	}

	// Fixed, the migration applies on the next run.
	fsys["migrations/0002_broken.sql"] = &fstest.MapFile{Data: []byte(`CREATE TABLE b (x INTEGER);`)}
	if err := migrate(ctx, db, fsys, time.Now); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateRejectsBadNames(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"no number": {"migrations/events.sql": {}},
		"gap":       {"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
		"duplicate": {"migrations/0001_a.sql": {}, "migrations/0001_b.sql": {}},
		"none":      {},
	} {
		if _, err := migration.Read(fsys); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestMigrateRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "events.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.writer.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") || !strings.Contains(err.Error(), "guichet restore") {
		t.Fatalf("Open = %v, want a newer-schema error saying what to do", err)
	}
}

// TestMigrationGapDecisions: a database of the previous schema keeps its
// events and decisions through migration 0010: "answered" was a status and
// becomes the answered check's to say; old clicks mark their searches
// satisfied; the events table takes readings.
func TestMigrationGapDecisions(t *testing.T) {
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
		if pathpkg.Base(name) >= "0010" { // the schema before 0010
			continue
		}
		b, _ := fs.ReadFile(migrationFS, name)
		old[name] = &fstest.MapFile{Data: b}
	}
	if err := migrate(ctx, conn, old, time.Now); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO gap_triage (id, kind, locale, key, status, note, answered_at, updated_at) VALUES
			('a1', 'no_results', 'en', 'bike train', 'answered', 'done', 1000, 1000),
			('b2', 'unlinked_ticket', 'fr', 'imprimante', 'product_fix', 'firmware', NULL, 1000)`,
		`INSERT INTO searches (id, query, normalized, locale, results, created_at, updated_at) VALUES
			('s1', 'refund', 'refund', 'en', 3, 1000, 1000), ('s2', 'invoice', 'invoice', 'en', 3, 1000, 1000)`,
		`INSERT INTO events (type, search_id, article_id, created_at) VALUES ('click', 's1', 'billing/refund', 2000)`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, err := db.Decisions(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("decisions %+v %v", list, err)
	}
	if d := list[0]; d.ID != "a1" || d.Kind != "search" || d.Status != "" || d.Note != "done" || d.AnsweredAt == nil || fmt.Sprint(d.Keys) != "[bike train]" {
		t.Errorf("answered decision %+v", d)
	}
	if d := list[1]; d.ID != "b2" || d.Kind != "unlinked_ticket" || d.Status != "product_fix" || d.AnsweredAt != nil {
		t.Errorf("product fix %+v", d)
	}
	var satisfied []string
	db.SatisfiedSearches(ctx, time.UnixMilli(0), func(r gaps.Record) error {
		satisfied = append(satisfied, r.Normalized)
		return nil
	})
	if fmt.Sprint(satisfied) != "[refund]" {
		t.Errorf("satisfied after migration: %v", satisfied)
	}
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO events (type, article_id, created_at) VALUES ('view', 'x', 3000)`); err != nil {
		t.Errorf("a reading: %v", err)
	}
	events, _ := db.RecentEvents(ctx, 10)
	if len(events) != 2 {
		t.Errorf("events after migration: %+v", events)
	}
}

// TestMigrationClickOnResults: through migration 0017, a search that found
// nothing and was marked satisfied by a click naming it (on an article it
// did not return) fails again, so the gap report lists it; a search whose
// result was clicked stays satisfied.
func TestMigrationClickOnResults(t *testing.T) {
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
		if pathpkg.Base(name) >= "0017" { // the schema before 0017
			continue
		}
		b, _ := fs.ReadFile(migrationFS, name)
		old[name] = &fstest.MapFile{Data: b}
	}
	if err := migrate(ctx, conn, old, time.Now); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO searches (id, query, normalized, locale, results, hits, created_at, updated_at) VALUES
			('s1', 'refund', 'refund', 'en', 1, 'billing/refund', 1000, 1000), ('s2', 'qwxz', 'qwxz', 'en', 0, '', 1000, 1000)`,
		`INSERT INTO events (type, search_id, article_id, created_at) VALUES
			('click', 's1', 'billing/refund', 2000), ('click', 's2', 'billing/refund', 2000)`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var failed, satisfied []string
	db.GapRecords(ctx, time.UnixMilli(0), func(r gaps.Record) error {
		failed = append(failed, r.Query)
		return nil
	})
	db.SatisfiedSearches(ctx, time.UnixMilli(0), func(r gaps.Record) error {
		satisfied = append(satisfied, r.Normalized)
		return nil
	})
	if fmt.Sprint(failed) != "[qwxz]" || fmt.Sprint(satisfied) != "[refund]" {
		t.Errorf("after migration: failed %v, satisfied %v", failed, satisfied)
	}
}

// TestMigrationOneVote: votes counted more than once a visitor, article
// and UTC day before 0019 are cleaned up, the latest by its time staying,
// so the unique index can hold the rule.
func TestMigrationOneVote(t *testing.T) {
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
		if pathpkg.Base(name) >= "0019" { // the schema before 0019
			continue
		}
		b, _ := fs.ReadFile(migrationFS, name)
		old[name] = &fstest.MapFile{Data: b}
	}
	if err := migrate(ctx, conn, old, time.Now); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC).UnixMilli()
	h := int64(time.Hour / time.Millisecond)
	if _, err := conn.ExecContext(ctx, `
		INSERT INTO events (type, article_id, helpful, reason, visitor, created_at) VALUES
			('vote', 'fees', 0, '', 'v1', ?), ('vote', 'fees', 0, 'inaccurate', 'v1', ?),
			('vote', 'fees', 1, '', 'v2', ?), ('vote', 'fees', 0, '', 'v2', ?),
			('vote', 'fees', 0, '', 'v3', ?), ('vote', 'fees', 1, '', 'v3', ?),
			('vote', 'fees', 0, '', '', ?), ('vote', 'fees', 0, '', '', ?),
			('click', 'fees', NULL, '', 'v1', ?)`,
		day+10*h, day+10*h+3000, day+10*h+5000, day+10*h+1000, day+24*h-60000, day+24*h+60000, day, day, day+10*h); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.reader.QueryContext(ctx, `SELECT type, coalesce(helpful, -1), reason, visitor, created_at FROM events ORDER BY visitor, created_at, type`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var typ, reason, visitor string
		var helpful, at int64
		if err := rows.Scan(&typ, &helpful, &reason, &visitor, &at); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s %s %d %s %s", visitor, typ, helpful, reason, fromMillis(at).Format("02 15:04:05")))
	}
	want := []string{
		" vote 0  20 00:00:00", " vote 0  20 00:00:00", // no visitor: each counts
		"v1 click -1  20 10:00:00", "v1 vote 0 inaccurate 20 10:00:03",
		"v2 vote 1  20 10:00:05",
		"v3 vote 0  20 23:59:00", "v3 vote 1  21 00:01:00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events after 0019:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMigrationFirstHit: the searches stored before 0023 take the first
// of their recorded results as the article they showed first, and the gap
// report still reads the failed searches from their index alone.
func TestMigrationFirstHit(t *testing.T) {
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
		if pathpkg.Base(name) >= "0023" { // the schema before 0023
			continue
		}
		b, _ := fs.ReadFile(migrationFS, name)
		old[name] = &fstest.MapFile{Data: b}
	}
	if err := migrate(ctx, conn, old, time.Now); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO searches (id, query, normalized, locale, results, hits, created_at, updated_at) VALUES
		('s1', 'refund', 'refund', 'en', 2, 'billing/refund'||char(10)||'billing/fees', 1000, 1000),
		('s2', 'card', 'card', 'en', 1, 'payments', 1000, 1000),
		('s3', 'qwxz', 'qwxz', 'en', 0, '', 1000, 1000)`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	first := map[string]string{}
	if err := db.GapRecords(ctx, time.UnixMilli(0), func(r gaps.Record) error {
		first[r.Query] = r.FirstHit
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"refund": "billing/refund", "card": "payments", "qwxz": ""}; !maps.Equal(first, want) {
		t.Errorf("after 0023: shown first %v, want %v", first, want)
	}
	var plan []string
	rows, err := db.reader.QueryContext(ctx, `EXPLAIN QUERY PLAN `+failedSearches, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if len(plan) != 1 || !strings.Contains(plan[0], "COVERING INDEX searches_failed") {
		t.Errorf("the failed searches are read with %q, want the covering index searches_failed alone", plan)
	}
}
