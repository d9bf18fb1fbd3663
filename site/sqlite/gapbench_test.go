package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/storetest/gapbench"
	"github.com/guichet/guichet/site/textnorm"
)

// BenchmarkGapReport1M reads 1,000,000 recorded searches over 90 days
// (with the clicks that satisfied two thirds of them), groups the failed
// ones by meaning with the search index's analysis, and counts the last 30
// days: the report the admin page, the API and the command line show. The
// generated database is kept in the temporary folder between runs.
func BenchmarkGapReport1M(b *testing.B) {
	benchGapReport(b, 1_000_000)
}

// BenchmarkGapReport100k is the same on 100,000 searches.
func BenchmarkGapReport100k(b *testing.B) {
	benchGapReport(b, 100_000)
}

// openGapBench opens the database of n generated searches (gapbench)
// kept in the temporary folder (generated on the first run), and the
// search index of the benchmarks' content. Both are closed at the end of
// the benchmark.
func openGapBench(b *testing.B, n int) (*DB, *search.Index) {
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("guichet-gapbench-v2-%d.db", n))
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if have, _ := db.CountSearches(ctx); have != n {
		db.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		if db, err = Open(ctx, path); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		failed, err := generateSearches(db, n)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d searches (%d failed) in %s", n, failed, time.Since(start).Round(time.Second))
	}
	b.Cleanup(func() { db.Close() })
	return db, gapbench.Index(b)
}

func benchGapReport(b *testing.B, n int) {
	db, idx := openGapBench(b, n)
	gapbench.Run(b, gapbench.Report{Store: db, Index: idx,
		AddSearch: func(ctx context.Context, query, visitor string, at time.Time) (func(), error) {
			id := site.NewID()
			if _, err := db.writer.ExecContext(ctx, `INSERT INTO searches (id, query, normalized, locale, results, hits, source, visitor, created_at, updated_at)
				VALUES (?, ?, ?, 'en', 0, '', 'site', ?, ?, ?)`, id, query, textnorm.Key(query), visitor, millis(at), millis(at)); err != nil {
				return nil, err
			}
			return func() { db.writer.ExecContext(ctx, `DELETE FROM searches WHERE id = ?`, id) }, nil
		}})
}

// generateSearches stores the n searches of gapbench.Generate straight
// into the tables, many rows per transaction (the triggers still mark the
// clicked searches satisfied), and returns how many failed.
func generateSearches(db *DB, n int) (int, error) {
	ctx := context.Background()
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	insSearch, err := tx.Prepare(`INSERT INTO searches (id, query, normalized, locale, results, hits, first_hit, source, visitor, created_at, updated_at)
		VALUES (?, ?, ?, 'en', ?, ?, ?, 'site', ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer insSearch.Close()
	insClick, err := tx.Prepare(`INSERT INTO events (type, search_id, article_id, locale, source, visitor, created_at)
		VALUES ('click', ?, ?, 'en', 'site', ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer insClick.Close()
	failed, err := gapbench.Generate(n, func(s gapbench.Search) error {
		ms := millis(s.Time)
		first := ""
		if len(s.Hits) > 0 {
			first = s.Hits[0]
		}
		if _, err := insSearch.Exec(s.ID, s.Query, s.Normalized, s.Results, strings.Join(s.Hits, "\n"), first, s.Visitor, ms, ms); err != nil {
			return err
		}
		if s.Clicked {
			if _, err := insClick.Exec(s.ID, s.Hits[0], s.Visitor, millis(s.Time.Add(gapbench.ClickDelay))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return failed, tx.Commit()
}

// BenchmarkGapCorrections100k times what the team waits for when they
// correct the grouping (gaps.Service.Merge and Split) of 100,000 recorded
// searches, next to a report of the same running service: a merge or a
// split reads the records and groups them once, as a report does. Each
// correction is made on a copy of the generated database.
func BenchmarkGapCorrections100k(b *testing.B) {
	benchGapCorrections(b, 100_000)
}

// BenchmarkGapCorrections1M is the same on 1,000,000 searches.
func BenchmarkGapCorrections1M(b *testing.B) {
	benchGapCorrections(b, 1_000_000)
}

func benchGapCorrections(b *testing.B, n int) {
	ctx := context.Background()
	shared, idx := openGapBench(b, n)
	// The corrections are stored: on a copy, so the generated data stays
	// as generated.
	path := filepath.Join(b.TempDir(), "copy.db")
	if _, err := shared.writer.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		b.Fatal(err)
	}
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc := &gaps.Service{Store: db, Retention: 90 * 24 * time.Hour, Now: func() time.Time { return gapbench.Now }}
	svc.SetAnalyzer(idx.Analyzer())
	// A running server: the analyses are kept from a first report.
	if _, err := svc.Report(ctx, gaps.Options{}); err != nil {
		b.Fatal(err)
	}
	var report, merge, split, cpuReport, cpuMerge, cpuSplit time.Duration
	timed := func(wall, cpu *time.Duration, f func() error) {
		start, c0 := time.Now(), gapbench.CPUTime()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		*wall += time.Since(start)
		*cpu += gapbench.CPUTime() - c0
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var rep gaps.Report
		timed(&report, &cpuReport, func() (err error) {
			rep, err = svc.Report(ctx, gaps.Options{MinVisitors: 2})
			return err
		})
		if len(rep.Gaps) < 2 {
			b.Fatal("fewer than two gaps")
		}
		into, from := rep.Gaps[2*i], rep.Gaps[2*i+1]
		var merged gaps.Gap
		timed(&merge, &cpuMerge, func() (err error) {
			merged, err = svc.Merge(ctx, into.ID, from.ID)
			return err
		})
		if len(merged.Variants) < len(into.Variants)+len(from.Variants) {
			b.Fatalf("merged %s into %s: %d phrasings", from.ID, into.ID, len(merged.Variants))
		}
		timed(&split, &cpuSplit, func() error {
			_, err := svc.Split(ctx, into.ID, from.Variants[0].Query)
			return err
		})
	}
	b.StopTimer()
	per := func(d time.Duration) float64 { return d.Seconds() / float64(b.N) }
	b.ReportMetric(per(report), "report-s")
	b.ReportMetric(per(merge), "merge-s")
	b.ReportMetric(per(split), "split-s")
	b.ReportMetric(per(cpuReport), "report-cpu-s")
	b.ReportMetric(per(cpuMerge), "merge-cpu-s")
	b.ReportMetric(per(cpuSplit), "split-cpu-s")
}
