package tickets_test

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/tickets"
)

// TestLinker checks the order of the rules: explicit article, ticket tag
// (search choosing among several articles sharing it), then search above
// the confidence threshold, the ticket's locale before the default one.
func TestLinker(t *testing.T) {
	ctx := context.Background()
	fsys := fstest.MapFS{
		"guichet.yaml":              {Data: []byte("base_url: https://help.example.com\nlocales: [en, fr]\n")},
		"billing/refunds.md":        {Data: []byte("---\ntitle: Refund a subscription payment\nticket_tags: [refund_request]\n---\nWe refund subscription payments made in the last 30 days.\n")},
		"billing/refunds.fr.md":     {Data: []byte("---\ntitle: Rembourser un abonnement\n---\nNous remboursons les paiements des 30 derniers jours.\n")},
		"payments/client-refund.md": {Data: []byte("---\ntitle: Refund a client for a booking\nticket_tags: [refund_request, client]\n---\nGive a client their money back for a cancelled booking.\n")},
		"sync/calendar.md":          {Data: []byte("---\ntitle: Sync your Google Calendar\n---\nConnect Google Calendar so busy times block bookings.\n")},
		"sync/secret.md":            {Data: []byte("---\ntitle: Printers\ndraft: true\nticket_tags: [printer]\n---\nSoon.\n")},
	}
	lib, err := content.Load(ctx, fsys, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := site.NewView(lib, time.Now(), false)
	idx, err := search.Build(ctx, v, "")
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	l := tickets.NewLinker(v, idx, 0, "k")
	for _, c := range []struct {
		name    string
		t       site.Ticket
		want    string // method:article
		minConf float64
	}{
		{"explicit id", site.Ticket{Subject: "hello", Article: "sync/calendar"}, "explicit:sync/calendar", 0},
		{"explicit path", site.Ticket{Subject: "hello", Article: "/fr/billing/refunds"}, "explicit:billing/refunds", 0},
		{"explicit URL, query and anchor", site.Ticket{Subject: "hello", Article: "https://help.example.com/sync/calendar/?utm=1#top"}, "explicit:sync/calendar", 0},
		{"explicit id of another locale", site.Ticket{Subject: "hello", Locale: "fr", Article: "sync/calendar"}, "explicit:sync/calendar", 0},
		{"unknown reference falls through to tags", site.Ticket{Subject: "hello", Article: "/nope", Tags: []string{"CLIENT"}}, "tag:payments/client-refund", 0},
		{"a draft is never named", site.Ticket{Subject: "printer jammed", Article: "sync/secret"}, ":", 0},
		{"a draft's tag links nothing", site.Ticket{Subject: "printer jammed", Tags: []string{"printer"}}, ":", 0},
		{"shared tag, search picks the client article", site.Ticket{Subject: "Client wants money back for a cancelled booking", Tags: []string{"refund_request"}}, "tag:payments/client-refund", 0},
		{"shared tag, search picks the subscription", site.Ticket{Subject: "refund my subscription payment", Tags: []string{"refund_request"}}, "tag:billing/refunds", 0},
		{"shared tag, vague subject: the first in file order", site.Ticket{Subject: "hello", Tags: []string{"refund_request"}}, "tag:billing/refunds", 0},
		{"search", site.Ticket{Subject: "Google calendar not syncing"}, "search:sync/calendar", site.DefaultTicketConfidence},
		{"search in the default locale when fr has nothing", site.Ticket{Subject: "Google calendar not syncing", Locale: "fr"}, "search:sync/calendar", site.DefaultTicketConfidence},
		{"off topic stays unlinked", site.Ticket{Subject: "my cat is sick"}, ":", 0},
	} {
		tk := c.t
		if tk.Locale == "" {
			tk.Locale = "en"
		}
		got, err := l.Link(ctx, &tk)
		if err != nil {
			t.Fatal(err)
		}
		if s := got.Method + ":" + got.ArticleID; s != c.want || got.Score < c.minConf {
			t.Errorf("%s: %s (%.2f), want %s", c.name, s, got.Score, c.want)
		}
	}
}
