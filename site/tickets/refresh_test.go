package tickets_test

import (
	"context"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
	"github.com/guichet/guichet/site/tickets"
)

// sharedStore is a store another replica writes topic links into.
type sharedStore struct {
	mu    sync.Mutex
	links []tickets.TopicLink
}

func (s *sharedStore) ExistingTickets(context.Context, []string) (map[string]site.StoredTicket, error) {
	return nil, nil
}

func (s *sharedStore) WriteTickets(_ context.Context, ts []site.StoredTicket) ([]string, error) {
	out := make([]string, len(ts))
	for i := range out {
		out[i] = site.TicketCreated
	}
	return out, nil
}

func (s *sharedStore) TopicLinks(context.Context) ([]tickets.TopicLink, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]tickets.TopicLink(nil), s.links...), nil
}

// TestIngesterReadsTopicsLinkedElsewhere: a topic the team linked by hand
// on one replica links the tickets posted to another replica, running
// since before the link, from the next batch on (it kept linking them by
// search until it restarted).
func TestIngesterReadsTopicsLinkedElsewhere(t *testing.T) {
	fsys := fstest.MapFS{
		"guichet.yaml":     {Data: []byte("locales: [en]\n")},
		"orders/late.md":   {Data: []byte("---\ntitle: My order is late\n---\nTrack the courier on the map.\n")},
		"orders/cancel.md": {Data: []byte("---\ntitle: Cancel an order\n---\nTap Cancel in My orders.\n")},
	}
	l, _, _ := linkerOf(t, fsys)
	store := &sharedStore{}
	in := &tickets.Ingester{Store: store, Linker: l, Cleaner: tickets.Cleaner{DefaultLocale: "en", Locales: []string{"en"}}}
	ctx := context.Background()
	post := func(id string) site.TicketLink {
		t.Helper()
		res, err := in.Ingest(ctx, []site.Ticket{{ExternalID: id, Subject: "Courier rang the neighbour's bell", CreatedAt: time.Now().UTC(), Locale: "en"}})
		if err != nil {
			t.Fatal(err)
		}
		return res[0].Link
	}
	if got := post("1"); got.ArticleID != "" {
		t.Fatalf("linked before the team linked it: %+v", got)
	}
	store.mu.Lock()
	store.links = []tickets.TopicLink{{Locale: "en", Topic: "text:" + textnorm.Key("Courier rang the neighbour's bell"), ArticleID: "orders/late", GapID: "g1"}}
	store.mu.Unlock()
	if got := post("2"); got.Method != site.LinkManual || got.ArticleID != "orders/late" {
		t.Errorf("a topic linked on another replica: %+v, want manual:orders/late", got)
	}
	store.mu.Lock()
	store.links = nil // undone on the other replica
	store.mu.Unlock()
	if got := post("3"); got.Method == site.LinkManual {
		t.Errorf("a link undone on another replica still links: %+v", got)
	}
}
