package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestWriteTicketsUnwritable: tickets a database that cannot be written
// (a full disk, a read-only file) refused are an EUNAVAILABLE error, which
// the API answers 503 telling the helpdesk to send them again, as when
// PostgreSQL cannot be reached; it was an internal error, a 500
// "Internal error." The error still reads, for the log, with the file
// and what to do.
func TestWriteTicketsUnwritable(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.writer.ExecContext(ctx, "PRAGMA query_only = 1"); err != nil {
		t.Fatal(err)
	}
	_, err := db.WriteTickets(ctx, []site.StoredTicket{{Ticket: site.Ticket{ExternalID: "1", Subject: "Refund", Locale: "en", CreatedAt: time.Now()}, Topic: "Refund"}})
	if err == nil {
		t.Fatal("tickets written on a read-only database")
	}
	if code := site.ErrorCode(err); code != site.EUNAVAILABLE {
		t.Errorf("code %q, want %q (503): %v", code, site.EUNAVAILABLE, err)
	}
	if msg := site.ErrorMessage(err); !strings.Contains(msg, "send them again") || strings.Contains(msg, db.path) {
		t.Errorf("message to the API client %q, want what to do, without the file", msg)
	}
	if !strings.Contains(err.Error(), db.path) {
		t.Errorf("error for the log %q does not name %s", err, db.path)
	}
}
