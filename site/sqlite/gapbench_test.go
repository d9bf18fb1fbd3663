package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/gaps"
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

// gapBenchNow is the time the generated searches of the gap benchmarks
// end at.
var gapBenchNow = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

// openGapBench opens the database of n generated searches kept in the
// temporary folder (generated on the first run), and the search index of
// the benchmarks' content. Both are closed at the end of the benchmark.
func openGapBench(b *testing.B, n int) (*DB, *search.Index) {
	ctx := context.Background()
	now := gapBenchNow
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
		failed := generateSearches(b, db, n, now)
		b.Logf("generated %d searches (%d failed) in %s", n, failed, time.Since(start).Round(time.Second))
	}
	b.Cleanup(func() { db.Close() })
	lib, err := content.Load(ctx, fstest.MapFS{
		"guichet.yaml":     {Data: []byte("title: Bench\n")},
		"help/tickets.md":  {Data: []byte("---\ntitle: Your tickets\n---\nFind your train tickets in the app.\n")},
		"help/account.md":  {Data: []byte("---\ntitle: Your account\n---\nSign in to the app with your train account.\n")},
		"help/payments.md": {Data: []byte("---\ntitle: Payments\n---\nPay for tickets in the app.\n")},
	}, content.Options{})
	if err != nil {
		b.Fatal(err)
	}
	idx, err := search.Build(ctx, site.NewView(lib, now, false), "")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { idx.Close() })
	return db, idx
}

func benchGapReport(b *testing.B, n int) {
	ctx := context.Background()
	now := gapBenchNow
	db, idx := openGapBench(b, n)
	var err error
	newService := func() *gaps.Service {
		svc := &gaps.Service{Store: db, Retention: 90 * 24 * time.Hour, Now: func() time.Time { return now }}
		svc.SetAnalyzer(idx.Analyzer())
		return svc
	}
	opts := gaps.Options{Since: now.Add(-30 * 24 * time.Hour), MinVisitors: 2}
	runtime.GC()
	// The heap is sampled with runtime/metrics, which does not stop the
	// world (runtime.ReadMemStats would, and slow the report down).
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := heap()
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // samples the heap while the report is made
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
			if h := heap(); h > peak.Load() {
				peak.Store(h)
			}
		}
	}()
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	var rep gaps.Report
	var svc *gaps.Service
	for i := 0; i < b.N; i++ {
		// Each report from a new service: nothing read, analysed or
		// grouped before.
		svc = newService()
		rep, err = svc.Report(ctx, opts)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	close(stop)
	<-done
	// The next report of a running server: the same service, new
	// searches recorded since (one visit, as happens between two
	// reports).
	newID := site.NewID()
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO searches (id, query, normalized, locale, results, hits, source, visitor, created_at, updated_at)
		VALUES (?, 'brand new question', 'brand new question', 'en', 0, '', 'site', 'fresh', ?, ?)`, newID, millis(now), millis(now)); err != nil {
		b.Fatal(err)
	}
	defer db.writer.ExecContext(ctx, `DELETE FROM searches WHERE id = ?`, newID) // the data stays as generated
	start, cpu1 := time.Now(), cpuTime()
	if _, err := svc.Report(ctx, opts); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "next-report-s")
	b.ReportMetric((cpuTime() - cpu1).Seconds(), "next-cpu-s")
	// What a running server keeps between reports (the analyses of the
	// phrasings).
	runtime.GC()
	b.ReportMetric(float64(heap()-min(heap(), base))/(1<<20), "kept-MB")
	runtime.KeepAlive(svc)
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	if len(rep.Gaps) == 0 {
		b.Fatal("no gaps")
	}
	b.ReportMetric(float64(peak.Load()-min(peak.Load(), base))/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(len(rep.Gaps)), "gaps")
	b.Logf("%d gaps listed; %d searches in the last 30 days; largest: %q, %d visitors, %d phrasings",
		len(rep.Gaps), rep.Searches, rep.Gaps[0].Query, rep.Gaps[0].Visitors, len(rep.Gaps[0].Variants))
}

// generateSearches stores n searches made over the 90 days before now,
// and returns how many failed. Visitors search one topic per visit, most of them once,
// some rephrasing a few times (with typos, plurals, other words); topics
// are as popular as Zipf says; a third of searches fail.
func generateSearches(b *testing.B, db *DB, n int, now time.Time) int {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const cons, vows = "bcdfghjklmnprstvwxz", "aeiouy"
		var sb strings.Builder
		for s := 0; s < 3+rng.IntN(2); s++ {
			sb.WriteByte(cons[rng.IntN(len(cons))])
			sb.WriteByte(vows[rng.IntN(len(vows))])
		}
		sb.WriteByte(cons[rng.IntN(len(cons))])
		return sb.String()
	}
	type topic struct{ heads, words []string }
	topics := make([]topic, 3000)
	for i := range topics {
		t := topic{heads: []string{word()}}
		if rng.IntN(3) == 0 {
			t.heads = append(t.heads, word())
		}
		for k := 0; k < 3+rng.IntN(5); k++ {
			t.words = append(t.words, word())
		}
		topics[i] = t
	}
	generic := []string{"train", "ticket", "app", "account", "how to", "not working", "my", "can i", "the", "help"}
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 8, uint64(len(topics)-1))
	phrase := func(t topic) string {
		var parts []string
		parts = append(parts, t.heads[rng.IntN(len(t.heads))])
		for k := rng.IntN(3); k > 0; k-- {
			parts = append(parts, t.words[rng.IntN(len(t.words))])
		}
		if rng.IntN(2) == 0 {
			parts = append(parts, generic[rng.IntN(len(generic))])
		}
		rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		q := strings.Join(parts, " ")
		switch rng.IntN(20) {
		case 0: // a typo: two letters swapped
			if r := []rune(q); len(r) > 4 {
				k := 1 + rng.IntN(len(r)-2)
				r[k], r[k+1] = r[k+1], r[k]
				q = string(r)
			}
		case 1:
			q += "s"
		}
		return q
	}
	// Written straight into the tables, many rows per transaction (the
	// triggers still mark the clicked searches satisfied).
	ctx := context.Background()
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	insSearch, err := tx.Prepare(`INSERT INTO searches (id, query, normalized, locale, results, hits, source, visitor, created_at, updated_at)
		VALUES (?, ?, ?, 'en', ?, ?, 'site', ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	insClick, err := tx.Prepare(`INSERT INTO events (type, search_id, article_id, locale, source, visitor, created_at)
		VALUES ('click', ?, 'help/tickets', 'en', 'site', ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	failed, visitor := 0, 0
	span := int64(90 * 24 * time.Hour / time.Millisecond)
	const hits = "help/tickets\nhelp/account\nhelp/payments"
	for made := 0; made < n; {
		visitor++
		vid := fmt.Sprintf("%032x", visitor)
		at := now.Add(-time.Duration(rng.Int64N(span)) * time.Millisecond)
		t := topics[zipf.Uint64()]
		for k := 1 + rng.IntN(3); k > 0 && made < n; k-- {
			if rng.IntN(10) == 0 {
				t = topics[zipf.Uint64()] // another question in the same visit
			}
			q := phrase(t)
			id := site.NewID()
			ms := millis(at)
			results, hitList, clicked := 0, "", false
			switch x := rng.IntN(100); {
			case x < 18: // nothing found
				failed++
			case x < 33: // found, nobody took it
				results, hitList = 3, hits
				failed++
			default:
				results, hitList, clicked = 3, hits, true
			}
			if _, err := insSearch.Exec(id, q, textnorm.Key(q), results, hitList, vid, ms, ms); err != nil {
				b.Fatal(err)
			}
			if clicked {
				if _, err := insClick.Exec(id, vid, ms+5000); err != nil {
					b.Fatal(err)
				}
			}
			made++
			at = at.Add(time.Duration(10+rng.IntN(120)) * time.Second)
		}
	}
	insSearch.Close()
	insClick.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return failed
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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
	svc := &gaps.Service{Store: db, Retention: 90 * 24 * time.Hour, Now: func() time.Time { return gapBenchNow }}
	svc.SetAnalyzer(idx.Analyzer())
	// A running server: the analyses are kept from a first report.
	if _, err := svc.Report(ctx, gaps.Options{}); err != nil {
		b.Fatal(err)
	}
	var report, merge, split, cpuReport, cpuMerge, cpuSplit time.Duration
	timed := func(wall, cpu *time.Duration, f func() error) {
		start, c0 := time.Now(), cpuTime()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		*wall += time.Since(start)
		*cpu += cpuTime() - c0
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
