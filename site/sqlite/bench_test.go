package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// BenchmarkRecordSearch measures the recorder end to end: queueing and
// writing. It flushes every 4096 records so the queue never overflows and
// every record is written; ns/op is the cost of getting one search to disk.
func BenchmarkRecordSearch(b *testing.B) {
	for _, bc := range []struct {
		name       string
		keystrokes int // records per search ID
	}{
		{"unique", 1},
		{"typing6", 6},
	} {
		b.Run(bc.name, func(b *testing.B) {
			db := openTest(b)
			r := newTestRecorder(b, db, RecorderOptions{})
			ids := make([]string, 1024)
			for i := range ids {
				ids[i] = site.NewID()
			}
			query := "how do I get a refund"
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				session := i / bc.keystrokes
				n := i%bc.keystrokes + 1
				r.RecordSearch(site.SearchEvent{
					ID:      fmt.Sprint(ids[session%len(ids)], session),
					Query:   query[:min(len(query), n*3)],
					Locale:  "en",
					Results: 3,
					Source:  site.SourceSite,
				})
				if i%4096 == 4095 {
					if err := r.Flush(context.Background()); err != nil {
						b.Fatal(err)
					}
				}
			}
			if err := r.Flush(context.Background()); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if d := r.Dropped(); d != 0 {
				b.Fatalf("dropped %d", d)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkRecordEvent measures writing readings (view events) through
// the recorder, each by a visitor with failed searches in the last
// minutes: the triggers that mark the searches a reading satisfies
// (migration 0010) or was found instead of (0018) run for each. ns/op is
// the cost of getting one reading to disk.
func BenchmarkRecordEvent(b *testing.B) {
	db := openTest(b)
	r := newTestRecorder(b, db, RecorderOptions{})
	now := db.now()
	const visitors = 2000
	for v := range visitors {
		for k := range 3 { // three failed searches a visitor
			r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: fmt.Sprint("question ", v, " ", k), Locale: "en",
				Source: site.SourceSite, Visitor: fmt.Sprint("visitor-", v), Time: now.Add(-10 * time.Minute)})
		}
	}
	if err := r.Flush(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		r.RecordEvent(site.Event{Type: site.EventView, ArticleID: fmt.Sprint("article-", i%50), Locale: "en",
			Visitor: fmt.Sprint("visitor-", i%visitors), Time: now.Add(-5 * time.Minute)})
		if i%4096 == 4095 {
			if err := r.Flush(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := r.Flush(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if d := r.Dropped(); d != 0 {
		b.Fatalf("dropped %d", d)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}
