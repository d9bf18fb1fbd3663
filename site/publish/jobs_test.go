package publish_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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
	totals, err := db.TicketTotals(ctx, time.Time{}, time.Time{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if totals[site.LinkTitle] != 1 {
		t.Errorf("tickets by link method after the publication: %v, want the ticket titled like an article linked by its title", totals)
	}
}

// relinkFirst is a store whose ticket relinking waits (up to a second)
// for the answered check of the same publication to end, as when the
// relinking of many tickets takes longer than the check.
type relinkFirst struct {
	*sqlite.DB
	mu      sync.Mutex
	checked chan struct{}
}

func (h *relinkFirst) Once(ctx context.Context, job, key string, fn func(ctx context.Context) error) (bool, error) {
	h.mu.Lock()
	checked := h.checked
	h.mu.Unlock()
	if job == "relink tickets" {
		select {
		case <-checked:
		case <-time.After(time.Second):
		case <-ctx.Done():
			return false, ctx.Err()
		}
	}
	ok, err := h.DB.Once(ctx, job, key, fn)
	if job == "check answered gaps" {
		h.mu.Lock()
		if h.checked == checked {
			close(h.checked)
			h.checked = make(chan struct{})
		}
		h.mu.Unlock()
	}
	return ok, err
}

// TestAnsweredCheckAfterRelink: the tickets an article answered are
// unlinked when it is removed, and their gap is open again. The answered
// check ran beside the relinking: it read the tickets still linked (no
// gap to check), then the relinking brought the gap back, still
// "answered" by the removed article.
func TestAnsweredCheckAfterRelink(t *testing.T) {
	var store *relinkFirst
	var gs *gaps.Service
	f := newFixture(t, func(o *publish.Options) {
		store = &relinkFirst{DB: o.Store.(*sqlite.DB), checked: make(chan struct{})}
		o.Store = store
		gs = &gaps.Service{Store: store.DB, Now: o.Now}
		o.Gaps = gs
		o.Tickets = &tickets.Service{Store: store.DB, Now: o.Now, Rank: func(*site.TicketStats) error { return nil }, Logger: quiet()}
	})
	ctx := context.Background()
	publishNow := func(step string) {
		t.Helper()
		if err := f.pub.Publish(ctx, "api"); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		f.pub.Wait()
		f.clk.Add(time.Minute)
	}
	publishNow("start")
	var stored []site.StoredTicket
	for _, id := range []string{"1", "2"} {
		stored = append(stored, site.StoredTicket{Ticket: site.Ticket{ExternalID: id, Subject: "Pay with bitcoin",
			Locale: "en", CreatedAt: f.clk.Now()}, Topic: "Pay with bitcoin"})
	}
	if _, err := store.DB.WriteTickets(ctx, stored); err != nil {
		t.Fatal(err)
	}
	f.clk.Add(time.Minute)
	write(t, f.dir, "billing/bitcoin.md", "---\ntitle: Pay with bitcoin\n---\nBitcoin payments are accepted at checkout.\n")
	publishNow("the article")
	if err := os.Remove(filepath.Join(f.dir, "billing/bitcoin.md")); err != nil {
		t.Fatal(err)
	}
	publishNow("the article removed")
	rep, err := gs.Report(ctx, gaps.Options{Now: f.clk.Now()})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, g := range rep.Gaps {
		if g.Kind != gaps.UnlinkedTicket {
			continue
		}
		found = true
		if g.AnsweredAt != nil || g.AnsweredBy != "" {
			t.Errorf("gap %s (%q) after its article was removed: answered by %q at %v, want open", g.ID, g.Query, g.AnsweredBy, g.AnsweredAt)
		}
	}
	if !found {
		t.Errorf("no gap of unlinked tickets after the article was removed: %+v", rep.Gaps)
	}
}

// topicsDown is a store whose topic links cannot be read while down is
// set, as a PostgreSQL that stopped answering.
type topicsDown struct {
	*sqlite.DB
	down atomic.Bool
}

func (s *topicsDown) TopicLinks(ctx context.Context) ([]tickets.TopicLink, error) {
	if s.down.Load() {
		return nil, site.Errorf(site.EUNAVAILABLE, "the database cannot be reached; try again in a moment")
	}
	return s.DB.TopicLinks(ctx)
}

// TestPublishWhileTheDatabaseIsDown: content published while the
// database does not answer is served (pages need no database), and is a
// publication that succeeded; tickets taken in once the database answers
// again are linked with it. The publication swapped the new content in,
// then failed on reading the topic links: it was logged and counted as a
// failed one ("publish content" ERROR), and tickets went on being linked
// with the content before it, whose search index is closed five seconds
// later: every ticket posted then was a 500 ("index is closed") until the
// next publication.
func TestPublishWhileTheDatabaseIsDown(t *testing.T) {
	var store *topicsDown
	var svc *tickets.Service
	f := newFixture(t, func(o *publish.Options) {
		store = &topicsDown{DB: o.Store.(*sqlite.DB)}
		o.Store = store
		svc = &tickets.Service{Store: store.DB, Now: o.Now, Rank: func(*site.TicketStats) error { return nil }, Logger: quiet()}
		o.Tickets = svc
	})
	ctx := context.Background()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	f.pub.Wait()
	store.down.Store(true)
	write(t, f.dir, "billing/bitcoin.md", "---\ntitle: Pay with bitcoin\n---\nBitcoin payments are accepted at checkout.\n")
	if err := f.pub.Publish(ctx, "signal"); err != nil {
		t.Errorf("publication while the database is down: %v, want it published", err)
	}
	f.pub.Wait()
	if got := f.title("/billing/bitcoin"); got != "Pay with bitcoin" {
		t.Fatalf("article published while the database was down: %q", got)
	}
	store.down.Store(false)
	res, err := svc.Ingest(ctx, []site.Ticket{{ExternalID: "1", Subject: "Pay with bitcoin", Locale: "en", CreatedAt: f.clk.Now()}})
	if err != nil {
		t.Fatalf("ticket once the database answers: %v", err)
	}
	if len(res) != 1 || res[0].Link.ArticleID != "billing/bitcoin" {
		t.Errorf("ticket once the database answers: %+v, want it linked to the article published meanwhile", res)
	}
}
