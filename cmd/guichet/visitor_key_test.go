package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestVisitorKeyThroughOutage: the day's visitor key is fetched when the
// server starts and the next day's shortly before UTC midnight, so a
// database that goes away after that (here: a trigger refusing the key's
// write, as a full disk or an unreachable PostgreSQL would) still leaves
// every search with its visitor, and a new day's visitor differs from the
// day before's.
func TestVisitorKeyThroughOutage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		start time.Time
		// before the outage and after it began: how long the clock moves
		before, during time.Duration
		searchBefore   bool // a search at start, before the outage
		// flaky: the database was also down from start until a minute
		// before the outage, when the next day's key is asked first
		flaky bool
	}{
		{"restarted just before an outage", time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), time.Minute, time.Minute, false, false},
		{"midnight during an outage", time.Date(2026, 12, 1, 23, 40, 0, 0, time.UTC), 16 * time.Minute, 8 * time.Minute, true, false},
		{"down too when the next day's key is first asked", time.Date(2026, 12, 1, 23, 45, 0, 0, time.UTC), 6 * time.Minute, 10 * time.Minute, true, true},
		{"started minutes before midnight", time.Date(2026, 12, 1, 23, 55, 0, 0, time.UTC), time.Minute, 5 * time.Minute, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, data := t.TempDir(), t.TempDir()
			writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
			clk := &clock{t: tc.start}
			m := &Main{Config: testConfig(dir, data), Now: clk.Now, AfterFunc: clk.AfterFunc}
			if err := m.Open(context.Background()); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { m.Close(context.Background()) })
			m.Publisher.Wait()
			ctx := context.Background()
			search := func(q string) string {
				t.Helper()
				body := `{"type":"search","source":"widget","query":"` + q + `","results":1}`
				if w := from(m, "10.0.0.9:1", "POST", "/api/v1/events", body, "Content-Type", "application/json"); w.Code != 202 {
					t.Fatalf("search event: %d %s", w.Code, w.Body)
				}
				if err := m.Recorder.Flush(ctx); err != nil {
					t.Fatal(err)
				}
				got, err := m.DB.RecentSearches(ctx, 1)
				if err != nil || len(got) != 1 || got[0].Query != q {
					t.Fatalf("stored search: %+v %v", got, err)
				}
				return got[0].Visitor
			}
			before := ""
			if tc.searchBefore {
				before = search("refund before")
			}
			raw, err := sql.Open("sqlite", filepath.Join(data, "guichet.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			exec := func(q string) {
				t.Helper()
				if _, err := raw.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			const outage = `CREATE TRIGGER outage BEFORE INSERT ON secrets BEGIN SELECT RAISE(ABORT, 'the database is down'); END`
			if tc.flaky {
				exec(outage)
				clk.Add(tc.before)
				exec(`DROP TRIGGER outage`)
				clk.Add(time.Minute)
			} else {
				clk.Add(tc.before)
			}
			exec(outage)
			clk.Add(tc.during)
			during := search("refund during")
			if during == "" {
				t.Fatalf("a search during the outage, at %s, was stored without a visitor", clk.Now().Format(time.DateTime))
			}
			sameDay := tc.start.Format(time.DateOnly) == clk.Now().Format(time.DateOnly)
			if before != "" && (during == before) != sameDay {
				t.Errorf("the visitor before (%s) and during (%s) the outage, same day %v", before, during, sameDay)
			}
		})
	}
}
