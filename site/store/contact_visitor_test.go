package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/store"
)

// TestPruneClearsContactVisitors: a contact request keeps its sender's
// visitor hash for the insights only as long as the raw searches and
// events are kept; pruning a day rolls it up and clears the hash, as it
// deletes the other raw rows' (it stayed for ever: a day holding only
// requests was never pruned, and every roll-up walked from the first one).
func TestPruneClearsContactVisitors(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	old := now.Add(-40 * 24 * time.Hour)
	check := func(t *testing.T, s store.Store, conn *sql.DB) {
		ctx := context.Background()
		for _, r := range []site.ContactRequest{
			{ID: "c1", Subject: "Boat leaks", Description: "d", Locale: "en", CreatedAt: old, Visitor: "v1"},
			{ID: "c2", Subject: "Battery low", Description: "d", Locale: "nl", CreatedAt: now.Add(-time.Hour), Visitor: "v2"},
		} {
			if err := s.SaveContact(ctx, r, nil); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Prune(ctx, now.Add(-30*24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		var left []string
		rows, err := conn.QueryContext(ctx, `SELECT id FROM contact_requests WHERE visitor <> '' ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			rows.Scan(&id)
			left = append(left, id)
		}
		rows.Close()
		if len(left) != 1 || left[0] != "c2" {
			t.Errorf("requests keeping a visitor after pruning: %v, want only the recent c2", left)
		}
		day := old.Truncate(24 * time.Hour)
		days, err := s.DayTotals(ctx, day, day.Add(24*time.Hour))
		if err != nil || len(days) != 1 || days[0].Contacts != 1 {
			t.Errorf("the pruned day's totals: %+v %v, want its contact kept", days, err)
		}
	}
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "guichet.db")
		db, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		db.Now = func() time.Time { return now }
		t.Cleanup(func() { db.Close() })
		conn, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		check(t, db, conn)
	})
	t.Run("postgres", func(t *testing.T) {
		url := pgtest.DSN(t)
		db := openPostgres(t, url, func() time.Time { return now })
		conn, err := sql.Open("pgx", url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		check(t, db, conn)
	})
}
