package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/migration"
	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/storetest/gapbench"
	"github.com/guichet/guichet/site/textnorm"
)

// BenchmarkGapReport1M is site/sqlite's BenchmarkGapReport1M on
// PostgreSQL: the same 1,000,000 generated searches over 90 days (with
// the clicks that satisfied two thirds of them, through the same
// triggers), the same report. It adds the CPU time of the PostgreSQL
// server's processes (server-cpu-s/op), which the test process's does
// not count. The generated database is kept in a cluster in the
// temporary folder between runs (pgtest.Kept); the benchmark skips when
// PostgreSQL is not installed.
func BenchmarkGapReport1M(b *testing.B) {
	benchGapReport(b, 1_000_000)
}

// BenchmarkGapReport100k is the same on 100,000 searches.
func BenchmarkGapReport100k(b *testing.B) {
	benchGapReport(b, 100_000)
}

func benchGapReport(b *testing.B, n int) {
	srv := pgtest.Kept(b, "guichet-gapbench-pg-v1")
	db := openGapBench(b, srv, n)
	gapbench.Run(b, gapbench.Report{Store: db, Index: gapbench.Index(b), ServerCPU: srv.CPUTime,
		AddSearch: func(ctx context.Context, query, visitor string, at time.Time) (func(), error) {
			id := site.NewID()
			if _, err := db.pool.ExecContext(ctx, `INSERT INTO searches (id, query, normalized, locale, results, source, visitor, created_at, updated_at)
				VALUES ($1, $2, $3, 'en', 0, 'site', $4, $5, $5)`, id, query, textnorm.Key(query), visitor, ts(at)); err != nil {
				return nil, err
			}
			return func() { db.pool.ExecContext(ctx, `DELETE FROM searches WHERE id = $1`, id) }, nil
		}})
}

// openGapBench opens the database of n generated searches (gapbench) on
// the server, generating it the first time; it is closed at the end of
// the benchmark. The data is generated again for a new schema (one
// database per schema version), so that the tables and their indexes
// hold what the schema's triggers and indexes make of recorded searches,
// as a database in use does, rather than what a migration rebuilt.
func openGapBench(b *testing.B, srv *pgtest.Server, n int) *DB {
	ctx := context.Background()
	list, err := migration.Read(migrationFS)
	if err != nil {
		b.Fatal(err)
	}
	name := fmt.Sprintf("gapbench_%d_schema%d", n, len(list))
	admin, err := sql.Open("pgx", srv.URL("postgres"))
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	var exists bool
	if err := admin.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		b.Fatal(err)
	}
	if exists {
		db, err := Open(ctx, srv.URL(name), Options{})
		if err != nil {
			b.Fatal(err)
		}
		// Written last, once the data is complete.
		var have int
		if db.pool.QueryRowContext(ctx, `SELECT n FROM gapbench`).Scan(&have); have == n {
			b.Cleanup(func() { db.Close() })
			return db
		}
		db.Close()
	}
	if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
		b.Fatal(err)
	}
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		b.Fatal(err)
	}
	db, err := Open(ctx, srv.URL(name), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	start := time.Now()
	failed, err := generateSearches(ctx, db, n)
	if err != nil {
		b.Fatal(err)
	}
	var unsatisfied, found int
	if err := db.pool.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE found <> '') FROM searches WHERE NOT satisfied`).Scan(&unsatisfied, &found); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d searches (%d failed; stored unsatisfied: %d, %d of them with an article found instead) in %s",
		n, failed, unsatisfied, found, time.Since(start).Round(time.Second))
	if unsatisfied != failed {
		b.Fatalf("%d searches stored unsatisfied, %d generated failing", unsatisfied, failed)
	}
	if _, err := db.pool.ExecContext(ctx, `CREATE TABLE gapbench AS SELECT $1::integer AS n`, n); err != nil {
		b.Fatal(err)
	}
	return db
}

// generateSearches stores the n searches of gapbench.Generate, and their
// clicks, with COPY in batches (the triggers still mark the clicked
// searches satisfied, and the article found instead), then vacuums and
// analyses the tables as autovacuum would; it returns how many failed.
func generateSearches(ctx context.Context, db *DB, n int) (int, error) {
	conn, err := db.pool.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var searches, clicks [][]any
	// A batch of searches, then their clicks: a click's triggers see the
	// searches made before it, as when they are recorded.
	flush := func() error {
		err := conn.Raw(func(dc any) error {
			c := dc.(*stdlib.Conn).Conn()
			if _, err := c.CopyFrom(ctx, pgx.Identifier{"searches"},
				[]string{"id", "query", "normalized", "locale", "results", "hits", "source", "visitor", "created_at", "updated_at"},
				pgx.CopyFromRows(searches)); err != nil {
				return fmt.Errorf("copy searches: %w", err)
			}
			if _, err := c.CopyFrom(ctx, pgx.Identifier{"events"},
				[]string{"type", "search_id", "article_id", "locale", "source", "visitor", "created_at"},
				pgx.CopyFromRows(clicks)); err != nil {
				return fmt.Errorf("copy clicks: %w", err)
			}
			return nil
		})
		searches, clicks = searches[:0], clicks[:0]
		return err
	}
	failed, err := gapbench.Generate(n, func(s gapbench.Search) error {
		at := ts(s.Time)
		searches = append(searches, []any{s.ID, s.Query, s.Normalized, "en", s.Results, list(s.Hits), site.SourceSite, s.Visitor, at, at})
		if s.Clicked {
			clicks = append(clicks, []any{string(site.EventClick), s.ID, s.Hits[0], "en", site.SourceSite, s.Visitor, ts(s.Time.Add(gapbench.ClickDelay))})
		}
		if len(searches) == 50_000 {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return 0, err
	}
	if _, err := conn.ExecContext(ctx, `VACUUM ANALYZE searches, events`); err != nil {
		return 0, err
	}
	return failed, nil
}
