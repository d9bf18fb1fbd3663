package postgres

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/guichet/guichet/site/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestFailedSearchesPlan: PostgreSQL reads the gap report's failed
// searches from their index alone (searches_failed), in the order the
// report asks for: neither the table nor a sort. Before migration 0009 it
// read the whole table and sorted (on disk, for 330,000 failed searches
// out of 1,000,000).
func TestFailedSearchesPlan(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, pgtest.DSN(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// 30,000 searches over 30 days, a third of them failed, pairs of them
	// at the same millisecond.
	if _, err := db.pool.ExecContext(ctx, `
		INSERT INTO searches (id, query, normalized, locale, results, visitor, satisfied, created_at, updated_at)
		SELECT 's' || g, 'query ' || g % 700, 'query ' || g % 700, 'en', g % 2, 'v' || g / 3, g % 3 <> 0,
			timestamptz '2026-11-01 00:00:00+00' + (g / 2) * interval '172 milliseconds',
			timestamptz '2026-11-01 00:00:00+00' + (g / 2) * interval '172 milliseconds'
		FROM generate_series(1, 30000) g`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.pool.ExecContext(ctx, `VACUUM ANALYZE searches`); err != nil {
		t.Fatal(err)
	}
	var plan string
	since := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	if err := db.pool.QueryRowContext(ctx, `EXPLAIN (FORMAT JSON) `+failedSearches, since).Scan(&plan); err != nil {
		t.Fatal(err)
	}
	var root []struct{ Plan planNode }
	if err := json.Unmarshal([]byte(plan), &root); err != nil || len(root) != 1 {
		t.Fatalf("%v: %s", err, plan)
	}
	if p := root[0].Plan; p.Type != "Index Only Scan" || p.Index != "searches_failed" || len(p.Plans) != 0 {
		t.Errorf("the failed searches are read with %s, want an index-only scan of searches_failed alone:\n%s", p, plan)
	}
}

// planNode is a node of EXPLAIN (FORMAT JSON)'s plan.
type planNode struct {
	Type  string     `json:"Node Type"`
	Index string     `json:"Index Name"`
	Plans []planNode `json:"Plans"`
}

func (p planNode) String() string {
	s := p.Type
	if p.Index != "" {
		s += " using " + p.Index
	}
	for _, c := range p.Plans {
		s += " ← " + c.String()
	}
	return s
}
