package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/store"
)

// TestPostgresBesideASQLiteHistory: a server moved from SQLite to
// PostgreSQL (--database added, the same --data) started on an empty
// database without a word, while guichet.db in its data folder held its
// tokens, tickets, gap decisions and events: the webhook's and the
// helpdesk's tokens refused, the FAQ's ticket counts and the gap report
// gone. The start now warns, naming the file; a data folder without one
// says nothing.
func TestPostgresBesideASQLiteHistory(t *testing.T) {
	url := pgtest.DSN(t)
	ctx := context.Background()
	open := func(data string) string {
		t.Helper()
		var log bytes.Buffer
		db, err := store.Open(ctx, store.Options{Database: url, Data: data, Logger: slog.New(slog.NewTextHandler(&log, nil))})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		return log.String()
	}
	empty := t.TempDir()
	if got := open(empty); strings.Contains(got, "guichet.db") {
		t.Errorf("a data folder without guichet.db: %s", got)
	}
	data := t.TempDir()
	old, err := sqlite.Open(ctx, filepath.Join(data, "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	got := open(data)
	if !strings.Contains(got, "level=WARN") || !strings.Contains(got, filepath.Join(data, "guichet.db")) || !strings.Contains(got, "not read") {
		t.Errorf("start on PostgreSQL beside a SQLite database: log %q, want a warning naming %s", got, filepath.Join(data, "guichet.db"))
	}
}
