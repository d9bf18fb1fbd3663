package contact_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/publish"
	"github.com/guichet/guichet/site/tickets"
)

// A contact request is a ticket once it is stored, and only then: a
// request the customer is told to send again (the store failed) leaves no
// ticket behind to count in the FAQ twice.
func TestContactTicketOnlyWhenStored(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, helpContent, true, true)
	ts := tickets.NewService(f.db, func(*site.TicketStats) error { return nil }, func() time.Time { return f.now }, nil)
	in, err := publish.NewIngester(ctx, f.db, f.view, f.idx, func() time.Time { return f.now })
	if err != nil {
		t.Fatal(err)
	}
	ts.SetIngester(in)
	f.svc.Tickets = ts
	ticket := func(id string) bool {
		t.Helper()
		got, err := f.db.ExistingTickets(ctx, []string{"contact:" + id})
		if err != nil {
			t.Fatal(err)
		}
		_, ok := got["contact:"+id]
		return ok
	}
	req := site.ContactRequest{Subject: "Reset your password", Description: "The link expired.", Email: "ana@example.com", Locale: "en"}
	r, err := f.svc.Submit(ctx, req)
	if err != nil || !ticket(r.ID) || r.ArticleID != "reset-password" {
		t.Fatalf("a stored request: %v, ticket %v, article %q; want a ticket linked to reset-password", err, ticket(r.ID), r.ArticleID)
	}

	// The contact request's write fails after its ticket was linked (a
	// trigger in the same real database file stands for a full disk).
	raw, err := sql.Open("sqlite", filepath.Join(f.dbDir, "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON contact_requests BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`); err != nil {
		t.Fatal(err)
	}
	r, err = f.svc.Submit(ctx, req)
	if !errors.Is(err, contact.ErrNotSaved) {
		t.Fatalf("a request the store refused: %v, want ErrNotSaved", err)
	}
	if ticket(r.ID) {
		t.Error("a request the customer must send again is stored as a ticket")
	}
}
