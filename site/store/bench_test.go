package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/recorder"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/store"
)

// BenchmarkRecord measures events written per second by each store
// through the recorder, end to end (queue, batch, transaction): a mix of
// two searches (distinct sessions, 3 hits each), one click and one
// reading per four events, as visitors make them. Run both in one go:
//
//	go test ./site/store -run '^$' -bench Record -benchtime 40000x
func BenchmarkRecord(b *testing.B) {
	ctx := context.Background()
	stores := []struct {
		name string
		open func(b *testing.B) store.Store
	}{
		{"SQLite", func(b *testing.B) store.Store {
			db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "guichet.db"))
			if err != nil {
				b.Fatal(err)
			}
			return db
		}},
		{"PostgreSQL", func(b *testing.B) store.Store {
			return openPostgres(b, pgtest.DSN(b), time.Now)
		}},
	}
	for _, st := range stores {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b)
			defer s.Close()
			r := s.Recorder(recorder.Options{})
			hits := []string{"billing/refund", "billing/fees", "account/password"}
			b.ResetTimer()
			for i := range b.N {
				v := fmt.Sprint("visitor", i/4%500)
				switch i % 4 {
				case 0, 1:
					r.RecordSearch(site.SearchEvent{ID: fmt.Sprint("s", i), Query: "how do I get a refund", Locale: "en",
						Results: 3, Hits: hits, Source: site.SourceSite, Visitor: v})
				case 2:
					r.RecordEvent(site.Event{Type: site.EventClick, SearchID: fmt.Sprint("s", i-2), ArticleID: hits[0], Locale: "en", Position: 1, Visitor: v})
				case 3:
					r.RecordEvent(site.Event{Type: site.EventView, ArticleID: hits[1], Locale: "en", Visitor: v})
				}
				if i%4096 == 4095 {
					if err := r.Flush(ctx); err != nil {
						b.Fatal(err)
					}
				}
			}
			if err := r.Close(ctx); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if st := r.Stats(); st.Dropped != 0 || st.WriteErrors != 0 {
				b.Fatalf("%+v", st)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkRecordVotes measures votes written per second by each store
// through the recorder, as the site sends them: a bare "No" when it is
// clicked, then the same visitor's vote with its reason, which replaces
// it, recorded 1,000 events later (most often in a later batch). Run
// both in one go:
//
//	go test ./site/store -run '^$' -bench RecordVotes -benchtime 20000x
func BenchmarkRecordVotes(b *testing.B) {
	ctx := context.Background()
	day := time.Now().UTC().Truncate(24 * time.Hour).Add(time.Hour)
	for _, st := range []struct {
		name string
		open func(b *testing.B) store.Store
	}{
		{"SQLite", func(b *testing.B) store.Store {
			db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "guichet.db"))
			if err != nil {
				b.Fatal(err)
			}
			return db
		}},
		{"PostgreSQL", func(b *testing.B) store.Store {
			return openPostgres(b, pgtest.DSN(b), time.Now)
		}},
	} {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b)
			defer s.Close()
			r := s.Recorder(recorder.Options{})
			no := false
			b.ResetTimer()
			for i := range b.N {
				e := site.Event{Type: site.EventVote, ArticleID: fmt.Sprint("article-", i%50), Locale: "en", Helpful: &no,
					Source: site.SourceSite, Visitor: fmt.Sprint("visitor-", i/2), Time: day.Add(time.Duration(i) * time.Millisecond)}
				if i%2 == 1 && i >= 1000 { // the reason of the "No" recorded 1,000 events before
					e.ArticleID, e.Visitor, e.Reason = fmt.Sprint("article-", (i-1000)%50), fmt.Sprint("visitor-", (i-1000)/2), "inaccurate"
				}
				r.RecordEvent(e)
				if i%4096 == 4095 {
					if err := r.Flush(ctx); err != nil {
						b.Fatal(err)
					}
				}
			}
			if err := r.Close(ctx); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if st := r.Stats(); st.Dropped != 0 || st.WriteErrors != 0 {
				b.Fatalf("%+v", st)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "votes/s")
		})
	}
}

// BenchmarkTicketNotify measures how long a ticket written on one replica
// takes to reach the other's listener (LISTEN/NOTIFY): the database's part
// of a replica's catch-up (the FAQ then ranks within 200 ms more).
func BenchmarkTicketNotify(b *testing.B) {
	url := pgtest.DSN(b)
	a, other := openPostgres(b, url, time.Now), openPostgres(b, url, time.Now)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	heard := make(chan time.Time, 100)
	go store.WatchTickets(ctx, other, func() { heard <- time.Now() })
	time.Sleep(500 * time.Millisecond) // listening
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		for len(heard) > 0 { // the call made when it started listening
			<-heard
		}
		start := time.Now()
		t := site.StoredTicket{Ticket: site.Ticket{ExternalID: fmt.Sprint(i), Subject: "Refund", Locale: "en", CreatedAt: start}}
		if _, err := a.WriteTickets(ctx, []site.StoredTicket{t}); err != nil {
			b.Fatal(err)
		}
		select {
		case at := <-heard:
			lat = append(lat, at.Sub(start))
		case <-time.After(10 * time.Second):
			b.Fatal("no notification")
		}
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
