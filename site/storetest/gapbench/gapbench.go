// Package gapbench is the gap report's load benchmark, shared by the
// stores (site/sqlite and site/postgres run it on their own database): the
// same generated searches (same seed, so the figures compare) and the same
// measurements. Imported by tests only.
package gapbench

import (
	"context"
	"fmt"
	"math/rand/v2"
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

// Now is the time the generated searches end at, and the clock of the
// reports.
var Now = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

// Search is one generated search, as a store records it: locale "en",
// source site.SourceSite. Clicked searches were clicked on their first
// hit ClickDelay after they were made, which satisfies them.
type Search struct {
	ID         string
	Query      string
	Normalized string // textnorm.Key(Query)
	Results    int
	Hits       []string // nil when nothing was found
	Visitor    string
	Time       time.Time // to the millisecond
	Clicked    bool
}

// ClickDelay is how long after its search a click is made.
const ClickDelay = 5 * time.Second

// Generate calls fn with n searches made over the 90 days before Now, in
// the order they are to be stored (a search's click stored right after
// it), and returns how many failed; it stops at the first error fn
// returns. Visitors search one topic per visit, most of them once, some
// rephrasing a few times (with typos, plurals, other words); topics are as
// popular as Zipf says; a third of searches fail. The same n gives the
// same searches (but for their IDs) on every call.
func Generate(n int, fn func(Search) error) (failed int, err error) {
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
	visitor := 0
	span := int64(90 * 24 * time.Hour / time.Millisecond)
	hits := []string{"help/tickets", "help/account", "help/payments"}
	for made := 0; made < n; {
		visitor++
		vid := fmt.Sprintf("%032x", visitor)
		at := Now.Add(-time.Duration(rng.Int64N(span)) * time.Millisecond)
		t := topics[zipf.Uint64()]
		for k := 1 + rng.IntN(3); k > 0 && made < n; k-- {
			if rng.IntN(10) == 0 {
				t = topics[zipf.Uint64()] // another question in the same visit
			}
			q := phrase(t)
			s := Search{ID: site.NewID(), Query: q, Normalized: textnorm.Key(q), Visitor: vid, Time: at}
			switch x := rng.IntN(100); {
			case x < 18: // nothing found
				failed++
			case x < 33: // found, nobody took it
				s.Results, s.Hits = 3, hits
				failed++
			default:
				s.Results, s.Hits, s.Clicked = 3, hits, true
			}
			if err := fn(s); err != nil {
				return failed, err
			}
			made++
			at = at.Add(time.Duration(10+rng.IntN(120)) * time.Second)
		}
	}
	return failed, nil
}

// Index builds the search index of the benchmarks' content (three
// articles of a train-ticket app), closed when the benchmark ends: its
// analysis is the one the report groups with.
func Index(b *testing.B) *search.Index {
	ctx := context.Background()
	lib, err := content.Load(ctx, fstest.MapFS{
		"guichet.yaml":     {Data: []byte("title: Bench\n")},
		"help/tickets.md":  {Data: []byte("---\ntitle: Your tickets\n---\nFind your train tickets in the app.\n")},
		"help/account.md":  {Data: []byte("---\ntitle: Your account\n---\nSign in to the app with your train account.\n")},
		"help/payments.md": {Data: []byte("---\ntitle: Payments\n---\nPay for tickets in the app.\n")},
	}, content.Options{})
	if err != nil {
		b.Fatal(err)
	}
	idx, err := search.Build(ctx, site.NewView(lib, Now, false), "")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { idx.Close() })
	return idx
}

// Report is what Run measures on: a store holding the generated searches.
type Report struct {
	Store gaps.Store
	Index *search.Index
	// AddSearch records one more failed search (query, visitor) at a
	// time, as one visit between two reports does, and returns a function
	// that deletes it (the data stays as generated).
	AddSearch func(ctx context.Context, query, visitor string, at time.Time) (remove func(), err error)
	// ServerCPU, when the store is a server of its own (PostgreSQL),
	// returns the CPU time its processes used so far: reported as
	// server-cpu-s/op, beside the test process's own.
	ServerCPU func() (time.Duration, error)
}

// Run makes b.N reports of the last 30 days, each from a new service
// (nothing read, analysed or grouped before), then the next report of the
// last service with one more search recorded, and reports their wall and
// CPU time, the peak heap above what was in use before, what the service
// keeps between reports, and the number of gaps.
func Run(b *testing.B, r Report) {
	ctx := context.Background()
	now := Now
	newService := func() *gaps.Service {
		svc := &gaps.Service{Store: r.Store, Retention: 90 * 24 * time.Hour, Now: func() time.Time { return now }}
		svc.SetAnalyzer(r.Index.Analyzer())
		return svc
	}
	serverCPU := func() time.Duration {
		if r.ServerCPU == nil {
			return 0
		}
		d, err := r.ServerCPU()
		if err != nil {
			b.Fatal(err)
		}
		return d
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
	cpu0, server0 := CPUTime(), serverCPU()
	b.ResetTimer()
	var rep gaps.Report
	var svc *gaps.Service
	var err error
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
	cpu, server := CPUTime()-cpu0, serverCPU()-server0
	close(stop)
	<-done
	// The next report of a running server: the same service, new
	// searches recorded since (one visit, as happens between two
	// reports).
	remove, err := r.AddSearch(ctx, "brand new question", "fresh", now)
	if err != nil {
		b.Fatal(err)
	}
	defer remove()
	start, cpu1, server1 := time.Now(), CPUTime(), serverCPU()
	if _, err := svc.Report(ctx, opts); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "next-report-s")
	b.ReportMetric((CPUTime() - cpu1).Seconds(), "next-cpu-s")
	if r.ServerCPU != nil {
		b.ReportMetric((serverCPU() - server1).Seconds(), "next-server-cpu-s")
	}
	// What a running server keeps between reports (the analyses of the
	// phrasings).
	runtime.GC()
	b.ReportMetric(float64(heap()-min(heap(), base))/(1<<20), "kept-MB")
	runtime.KeepAlive(svc)
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	if r.ServerCPU != nil {
		b.ReportMetric(server.Seconds()/float64(b.N), "server-cpu-s/op")
	}
	if len(rep.Gaps) == 0 {
		b.Fatal("no gaps")
	}
	b.ReportMetric(float64(peak.Load()-min(peak.Load(), base))/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(len(rep.Gaps)), "gaps")
	b.Logf("%d gaps listed; %d searches in the last 30 days; largest: %q, %d visitors, %d phrasings",
		len(rep.Gaps), rep.Searches, rep.Gaps[0].Query, rep.Gaps[0].Visitors, len(rep.Gaps[0].Variants))
}

// CPUTime returns the user and system CPU time of the process so far.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
