package recorder_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/recorder"
	"github.com/guichet/guichet/site/sqlite"
)

// A typing session split across batches, in any order, is one stored
// search holding the latest query; what was queued when the server stops
// is in the file when it starts again.
func TestRecorderOnSQLite(t *testing.T) {
	t0 := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	type rec struct {
		query string
		at    time.Duration
		flush bool // flush after this one
	}
	cases := []struct {
		name string
		recs []rec
		want string
	}{
		{"in order, one batch each", []rec{{"pri", 0, true}, {"pricing", time.Second, true}, {"pricing plans", 2 * time.Second, true}}, "pricing plans"},
		{"latest first, in another batch", []rec{{"pricing plans", 2 * time.Second, true}, {"pri", 0, true}, {"pricing", time.Second, false}}, "pricing plans"},
		{"all in the batch written on close", []rec{{"pri", 0, false}, {"pricing", time.Second, false}}, "pricing"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "guichet.db")
			db, err := sqlite.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			r := recorder.New(db, recorder.Options{FlushInterval: time.Hour, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			for _, e := range tc.recs {
				r.RecordSearch(site.SearchEvent{ID: "session-1", Query: e.query, Locale: "en", Source: site.SourceSite, Time: t0.Add(e.at)})
				if e.flush {
					if err := r.Flush(ctx); err != nil {
						t.Fatal(err)
					}
				}
			}
			r.RecordSearch(site.SearchEvent{ID: "session-2", Query: "refund", Locale: "en", Source: site.SourceSite, Time: t0})
			if err := r.Close(ctx); err != nil {
				t.Fatal(err)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}

			db, err = sqlite.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if n, err := db.CountSearches(ctx); err != nil || n != 2 {
				t.Fatalf("%d searches stored (%v), want 2 sessions", n, err)
			}
			got, err := db.SearchByID(ctx, "session-1")
			if err != nil {
				t.Fatal(err)
			}
			if got.Query != tc.want {
				t.Errorf("session stored as %q, want %q", got.Query, tc.want)
			}
			if st := r.Stats(); st.Written != uint64(len(tc.recs)+1) || st.Dropped != 0 || st.WriteErrors != 0 {
				t.Errorf("stats %+v", st)
			}
		})
	}
}
