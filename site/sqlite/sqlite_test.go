package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// openTest opens a fresh database in a temporary directory, closed at the
// end of the test.
func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

// fakeClock returns a clock that starts at start and advances by step on
// each call; safe for concurrent use.
func fakeClock(start time.Time, step time.Duration) func() time.Time {
	var n atomic.Int64
	return func() time.Time {
		return start.Add(time.Duration(n.Add(1)-1) * step)
	}
}

func TestOpenPragmas(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	for _, p := range []struct {
		name, pragma, want string
	}{
		{"writer", "journal_mode", "wal"},
		{"writer", "busy_timeout", "5000"},
		{"writer", "foreign_keys", "1"},
		{"writer", "synchronous", "1"}, // NORMAL
		{"writer", "query_only", "0"},
		{"reader", "journal_mode", "wal"},
		{"reader", "busy_timeout", "5000"},
		{"reader", "foreign_keys", "1"},
		{"reader", "synchronous", "1"},
		{"reader", "query_only", "1"},
	} {
		conn := db.writer
		if p.name == "reader" {
			conn = db.reader
		}
		var got string
		if err := conn.QueryRowContext(ctx, "PRAGMA "+p.pragma).Scan(&got); err != nil {
			t.Fatalf("%s: PRAGMA %s: %v", p.name, p.pragma, err)
		}
		if got != p.want {
			t.Errorf("%s: PRAGMA %s = %q, want %q", p.name, p.pragma, got, p.want)
		}
	}
	if got := db.writer.Stats().MaxOpenConnections; got != 1 {
		t.Errorf("writer MaxOpenConnections = %d, want 1", got)
	}
	if _, err := db.reader.ExecContext(ctx, `DELETE FROM searches`); err == nil {
		t.Error("reader pool accepted a write")
	}
}

func TestOpenCreatesDirectoryAndOddPaths(t *testing.T) {
	for _, rel := range []string{
		"a/b/c/events.db",
		"with space/100% #1?x=y/events.db",
	} {
		path := filepath.Join(t.TempDir(), rel)
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("Open(%q): %v", rel, err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("Open(%q) did not create the file where asked: %v", rel, err)
		}
	}
}

func TestOpenErrorNamesPath(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(file, "events.db") // parent is a file
	_, err := Open(context.Background(), path)
	if err == nil {
		t.Fatal("Open under a file succeeded")
	}
	if want := "open events database " + path + ": "; len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
		t.Errorf("error %q does not start with %q", err, want)
	}
}

// TestOpenNewDatabaseMode: a new database and its write-ahead log are not
// readable by other users, even in a folder that is (a data folder made
// with mkdir, Docker's volume): they hold what customers wrote.
func TestOpenNewDatabaseMode(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "guichet.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, name := range []string{path, path + "-wal"} {
		info, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm&0o007 != 0 {
			t.Errorf("%s has mode %v: others may read it", filepath.Base(name), perm)
		}
	}
}

// TestOpenOlderDatabaseMode: a database an older release made readable by
// every user (0644, before new databases were made 0640) loses others'
// access when opened, and so do its write-ahead log and shared memory: an
// upgraded data folder kept them world-readable.
func TestOpenOlderDatabaseMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "guichet.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		info, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o640 {
			t.Errorf("%s has mode %v, want -rw-r-----", filepath.Base(name), perm)
		}
	}
}
