package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestGapRecordsReadEveryField: the gap report reads each stored search
// with all its fields in place, the failed and the satisfied ones, even
// when a stored text holds a NUL byte (a row written by an older version
// or by hand): no field moves.
func TestGapRecordsReadEveryField(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 2, 9, 30, 0, 123e6, time.UTC)
	for _, r := range []struct {
		id, query, norm, context, path, visitor, found, first string
		results, satisfied                                    int
	}{
		{"f", "Reset\x00 pass", "reset pass", "log\x00in", "/account/login", "v\x001", "billing/refund", "account/password", 7, 0},
		{"s", "Álpha", "alpha", "", "", "v2", "", "", 1, 1},
		{"e", "", "", "", "", "", "", "", 0, 0},
	} {
		if _, err := db.writer.ExecContext(ctx, `INSERT INTO searches (id, query, normalized, locale, results, hits, first_hit, source, context, path, visitor, found, satisfied, created_at, updated_at)
			VALUES (?, ?, ?, 'fr', ?, '', ?, 'widget', ?, ?, ?, ?, ?, ?, ?)`,
			r.id, r.query, r.norm, r.results, r.first, r.context, r.path, r.visitor, r.found, r.satisfied, millis(at), millis(at)); err != nil {
			t.Fatal(err)
		}
	}
	var got []gaps.Record
	keep := func(r gaps.Record) error { got = append(got, r); return nil }
	if err := db.GapRecords(ctx, at.Add(-time.Hour), keep); err != nil {
		t.Fatal(err)
	}
	if err := db.SatisfiedSearches(ctx, at.Add(-time.Hour), keep); err != nil {
		t.Fatal(err)
	}
	want := []gaps.Record{
		{Query: "", Normalized: "", Locale: "fr", Source: "widget", Time: at},
		{Query: "Reset\x00 pass", Normalized: "reset pass", Locale: "fr", Source: "widget", Context: "log\x00in", Path: "/account/login",
			Visitor: "v\x001", Results: 7, Time: at, Found: "billing/refund", FirstHit: "account/password"},
		{Query: "Álpha", Normalized: "alpha", Locale: "fr", Source: "widget", Visitor: "v2", Results: 1, Satisfied: true, Time: at},
	}
	if len(got) != len(want) {
		t.Fatalf("read %d records, want %d: %+v", len(got), len(want), got)
	}
	if got[0].Query != "" { // rows of one time come in index order: the empty query first
		got[0], got[1] = got[1], got[0]
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d read as\n%+v\nwant\n%+v", i, got[i], want[i])
		}
	}
}
