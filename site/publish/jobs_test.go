package publish_test

import (
	"context"
	"sync"
	"testing"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/publish"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/tickets"
)

// heldJobs is a store whose jobs wait, as on a replica whose job lock
// another replica holds, until free is closed; it records the keys of the
// answered checks that ran.
type heldJobs struct {
	*sqlite.DB
	free chan struct{}
	mu   sync.Mutex
	ran  []string
}

func (h *heldJobs) Once(ctx context.Context, job, key string, fn func(ctx context.Context) error) (bool, error) {
	select {
	case <-h.free:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	h.mu.Lock() // one job at a time, as the lock would
	defer h.mu.Unlock()
	if job == "check answered gaps" {
		h.ran = append(h.ran, key)
	}
	return true, fn(ctx)
}

// TestAnsweredCheckSuperseded: publications made while another replica
// holds the answered check leave one check waiting, the latest
// publication's: each waited and ran in turn, in any order, so that an
// older content version's could run last and stand.
func TestAnsweredCheckSuperseded(t *testing.T) {
	var store *heldJobs
	f := newFixture(t, func(o *publish.Options) {
		store = &heldJobs{DB: o.Store.(*sqlite.DB), free: make(chan struct{})}
		o.Store = store
		o.Gaps = &gaps.Service{Store: store.DB, Now: o.Now}
	})
	ctx := context.Background()
	for i, body := range []string{"Money back in five days.", "Money back in three days.", "Money back at once."} {
		write(t, f.dir, "billing/refund.md", "---\ntitle: Refunds\n---\n"+body+"\n")
		if err := f.pub.Publish(ctx, "api"); err != nil {
			t.Fatalf("publication %d: %v", i+1, err)
		}
	}
	close(store.free)
	f.pub.Wait()
	store.mu.Lock()
	defer store.mu.Unlock()
	if len(store.ran) != 1 {
		t.Fatalf("answered checks run after 3 publications made while another replica held the check: %d (%v), want the latest's alone", len(store.ran), store.ran)
	}
}

// TestRelinkAfterTheRulesChanged: the tickets stored by an older version
// of the linking rules are linked again at the first publication of a
// version whose rules changed, though the content did not. The relinking
// job was keyed by the search index alone, so a store where it had run
// for this content (by the older version) skipped it, and the stored links
// stayed as the older rules made them.
func TestRelinkAfterTheRulesChanged(t *testing.T) {
	var db *sqlite.DB
	f := newFixture(t, func(o *publish.Options) {
		db = o.Store.(*sqlite.DB)
		o.Tickets = &tickets.Service{Store: db, Now: o.Now, Rank: func(*site.TicketStats) error { return nil }, Logger: quiet()}
	})
	ctx := context.Background()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	f.pub.Wait()
	// What an older version left: the job done for this content, and a
	// ticket its rules did not link.
	if _, err := db.Once(ctx, "relink tickets", search.Key(f.srv.View()), func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	old := site.StoredTicket{Ticket: site.Ticket{ExternalID: "1", Subject: "Refunds", Locale: "en", CreatedAt: f.clk.Now()},
		Topic: "Refunds", Key: "link0|" + search.Key(f.srv.View()) + "|0.600"}
	if _, err := db.WriteTickets(ctx, []site.StoredTicket{old}); err != nil {
		t.Fatal(err)
	}
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	f.pub.Wait()
	totals, err := db.TicketTotals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if totals[site.LinkTitle] != 1 {
		t.Errorf("tickets by link method after the publication: %v, want the ticket titled like an article linked by its title", totals)
	}
}
