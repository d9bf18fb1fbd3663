package storetest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/recorder"
	"github.com/guichet/guichet/site/store"
)

// ReplicaOpener opens two stores on one new, empty database, as two
// replicas would, closed when the test ends.
type ReplicaOpener func(t *testing.T, now func() time.Time) (a, b store.Store)

// Replicas runs the checks that replicas sharing one database must pass.
func Replicas(t *testing.T, open ReplicaOpener) {
	t.Run("TokensAndSessions", func(t *testing.T) {
		a, b := open(t, fixed(start()))
		ctx := context.Background()
		secret, tok, err := a.CreateToken(ctx, site.ScopeAdmin, "lead")
		if err != nil {
			t.Fatal(err)
		}
		if id, err := b.Authenticate(ctx, secret, site.ScopeAdmin); err != nil || id != tok.ID {
			t.Fatalf("token made on one replica, refused on the other: %v", err)
		}
		session, err := b.StartSession(ctx, tok.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if id, err := a.Session(ctx, session); err != nil || id != tok.ID {
			t.Errorf("session started on one replica unknown to the other: %v", err)
		}
		if err := b.RevokeToken(ctx, tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Authenticate(ctx, secret, site.ScopeAdmin); site.ErrorCode(err) != site.EUNAUTHORIZED {
			t.Errorf("token revoked on one replica accepted by the other: %v", err)
		}
		if _, err := a.Session(ctx, session); site.ErrorCode(err) != site.EUNAUTHORIZED {
			t.Errorf("session of a revoked token lives on the other replica: %v", err)
		}
		ka, _ := a.VisitorKey(ctx, "2026-11-30")
		kb, _ := b.VisitorKey(ctx, "2026-11-30")
		if string(ka) != string(kb) {
			t.Error("replicas hash visitors with different keys: one visitor would count twice")
		}
	})

	t.Run("SearchesCountTogether", func(t *testing.T) {
		t0 := start()
		a, b := open(t, fixed(t0))
		ctx := context.Background()
		ra := a.Recorder(recorder.Options{})
		rb := b.Recorder(recorder.Options{})
		// Two visitors' failed searches on each replica, and one typing
		// session whose keystrokes landed on both.
		for i, r := range []*recorder.Recorder{ra, rb, ra, rb} {
			r.RecordSearch(site.SearchEvent{ID: string(rune('a' + i)), Query: "export to excel", Locale: "en", Visitor: string(rune('p' + i)), Time: t0})
		}
		ra.RecordSearch(site.SearchEvent{ID: "session", Query: "expo", Locale: "en", Visitor: "z", Time: t0})
		rb.RecordSearch(site.SearchEvent{ID: "session", Query: "export to excel", Locale: "en", Visitor: "z", Time: t0.Add(time.Second)})
		for _, r := range []*recorder.Recorder{ra, rb} {
			if err := r.Close(ctx); err != nil {
				t.Fatal(err)
			}
		}
		visitors := map[string]bool{}
		a.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error {
			if r.Normalized == "export to excel" {
				visitors[r.Visitor] = true
			}
			return nil
		})
		if len(visitors) != 5 {
			t.Errorf("one query searched by 5 visitors on two replicas: the report reads %d", len(visitors))
		}
		if n, _ := b.CountSearches(ctx); n != 5 {
			t.Errorf("%d searches stored, want 5", n)
		}
	})

	t.Run("BatchesRace", func(t *testing.T) {
		t0 := start()
		a, b := open(t, fixed(t0))
		ctx := context.Background()
		// Both replicas write the same search IDs, in opposite orders, at
		// once: no deadlock is left to fail a batch.
		var wg sync.WaitGroup
		for i, s := range []store.Store{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for round := range 20 {
					bt := recorder.NewBatch()
					for j := range 50 {
						id := j
						if i == 1 {
							id = 49 - j
						}
						bt.AddSearch(site.SearchEvent{ID: "s" + string(rune('A'+id)), Query: "q", Locale: "en", Time: t0.Add(time.Duration(round) * time.Second)})
					}
					if err := s.WriteBatch(ctx, bt); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		if n, _ := a.CountSearches(ctx); n != 50 {
			t.Errorf("%d searches, want 50", n)
		}
	})

	t.Run("VotesCountOnce", func(t *testing.T) {
		t0 := start()
		a, b := open(t, fixed(t0))
		ctx := context.Background()
		yes, no := true, false
		// Each visitor's first answer reaches one replica and the vote that
		// replaces it (the reason of a "No" a few seconds later, or a "No"
		// after a "Yes") the other, both replicas writing at once, and the
		// later one sometimes committed first: one vote counts, the later.
		const rounds, visitors = 20, 25
		for round := range rounds {
			article := fmt.Sprintf("a%d", round)
			first, later := recorder.NewBatch(), recorder.NewBatch()
			for v := range visitors {
				visitor := fmt.Sprintf("v%d", v)
				answer := &no
				if v%2 == 1 {
					answer = &yes
				}
				first.Events = append(first.Events, site.Event{Type: site.EventVote, ArticleID: article, Locale: "en", Helpful: answer, Visitor: visitor, Time: t0})
				later.Events = append(later.Events, site.Event{Type: site.EventVote, ArticleID: article, Locale: "en", Helpful: &no, Reason: "inaccurate", Visitor: visitor, Time: t0.Add(3 * time.Second)})
			}
			writers := []store.Store{a, b}
			batches := []*recorder.Batch{first, later}
			if round%2 == 1 {
				batches[0], batches[1] = later, first
			}
			var wg sync.WaitGroup
			for i, s := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := s.WriteBatch(ctx, batches[i]); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
		}
		fb, err := b.NotHelpful(ctx, t0.Add(-time.Hour), 2*rounds)
		if err != nil {
			t.Fatal(err)
		}
		var twice, lost []string
		for _, f := range fb {
			if f.Yes+f.No != visitors {
				twice = append(twice, fmt.Sprintf("%s: %d yes, %d no", f.ArticleID, f.Yes, f.No))
			}
			if f.Yes != 0 || f.Reasons["inaccurate"] != visitors {
				lost = append(lost, fmt.Sprintf("%s: %d yes, %d reasons", f.ArticleID, f.Yes, f.Reasons["inaccurate"]))
			}
		}
		if len(fb) != rounds || len(twice) > 0 || len(lost) > 0 {
			t.Errorf("%d visitors voting twice on one article each on two replicas at once, %d articles: %d articles rated; "+
				"votes counted more than once a visitor %q; later votes lost %q", visitors, rounds, len(fb), twice, lost)
		}
	})

	t.Run("JobsRunOnce", func(t *testing.T) {
		a, b := open(t, fixed(start()))
		ctx := context.Background()
		var runs atomic.Int32
		var wg sync.WaitGroup
		for _, s := range []store.Store{a, b, a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := s.Once(ctx, "answered", "content-1", func(context.Context) error {
					runs.Add(1)
					time.Sleep(50 * time.Millisecond) // the others must wait, not run alongside
					return nil
				}); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if runs.Load() != 1 {
			t.Errorf("a job asked by 4 callers on 2 replicas ran %d times", runs.Load())
		}
	})

	t.Run("PruneOnce", func(t *testing.T) {
		t0 := start()
		a, b := open(t, fixed(t0))
		ctx := context.Background()
		old := t0.Add(-40 * 24 * time.Hour)
		bt := recorder.NewBatch()
		for i := range 300 {
			bt.AddSearch(site.SearchEvent{ID: "old" + string(rune('A'+i%26)) + string(rune('a'+i/26)), Query: "refund", Locale: "en", Time: old.Add(time.Duration(i) * time.Minute)})
		}
		if err := a.WriteBatch(ctx, bt); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var pruned atomic.Int64
		for _, s := range []store.Store{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := s.Prune(ctx, t0.Add(-30*24*time.Hour))
				if err != nil {
					t.Error(err)
				}
				pruned.Add(n)
			}()
		}
		wg.Wait()
		total := 0
		days, _ := b.DailySearches(ctx, "refund")
		for _, d := range days {
			total += d.Searches
		}
		if pruned.Load() != 300 || total != 300 {
			t.Errorf("two replicas pruning at once: %d rows deleted, %d searches in the daily totals, want 300 and 300", pruned.Load(), total)
		}
	})

	t.Run("TicketsNotify", func(t *testing.T) {
		t0 := start()
		a, b := open(t, fixed(t0))
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		changed := make(chan struct{}, 10)
		done := make(chan struct{})
		go func() {
			defer close(done)
			store.WatchTickets(ctx, b, func() { changed <- struct{}{} })
		}()
		v0, _ := b.TicketVersion(ctx)
		if _, err := a.WriteTickets(ctx, []site.StoredTicket{ticket("1", "Refund", "billing/refund", t0)}); err != nil {
			t.Fatal(err)
		}
		if v1, _ := b.TicketVersion(ctx); v1 == v0 {
			t.Error("a ticket written on one replica leaves the other's ticket version unchanged")
		}
		if _, ok := b.(store.TicketWatcher); ok {
			// The watcher may start listening after the write: write until
			// it hears one.
			deadline := time.After(10 * time.Second)
			for heard := false; !heard; {
				select {
				case <-changed:
					heard = true
				case <-time.After(200 * time.Millisecond):
					a.WriteTickets(ctx, []site.StoredTicket{ticket("1", "Refund", "billing/refund", t0)})
				case <-deadline:
					t.Fatal("no notification of tickets written on the other replica")
				}
			}
		}
		cancel()
		<-done
	})

	t.Run("DecisionSavedOnce", func(t *testing.T) {
		a, b := open(t, fixed(start()))
		ctx := context.Background()
		// Corrections on both replicas at once, each over the version it
		// read: one of each round is stored, the others are told to read
		// again, whether the decision is new (version 0) or stored.
		for version := int64(0); version < 3; version++ {
			var wg sync.WaitGroup
			var saved, refused atomic.Int32
			for i := range 8 {
				s := []store.Store{a, b}[i%2]
				wg.Add(1)
				go func() {
					defer wg.Done()
					d := gaps.Decision{ID: "g1", Kind: gaps.KindSearch, Locale: "en", Status: gaps.StatusNewArticle, Version: version}
					switch err := s.SaveDecisions(ctx, d); {
					case err == nil:
						saved.Add(1)
					case site.ErrorCode(err) == site.ECONFLICT:
						refused.Add(1)
					default:
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			if saved.Load() != 1 || refused.Load() != 7 {
				t.Errorf("eight saves over version %d at once: %d stored, %d refused; want 1 and 7", version, saved.Load(), refused.Load())
			}
			if ds, err := b.Decisions(ctx); err != nil || len(ds) != 1 || ds[0].Version != version+1 {
				t.Fatalf("after the saves over version %d: %+v %v, want one decision at version %d", version, ds, err, version+1)
			}
		}
	})
}
