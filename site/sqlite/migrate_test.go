package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestMigrationsAppliedOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "events.db")
	list, err := readMigrations(migrationFS)
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
	time.Sleep(5 * time.Millisecond) // a re-run would record a later applied_at
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
		if _, err := readMigrations(fsys); err == nil {
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
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("Open = %v, want a newer-schema error", err)
	}
}
