package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestTicketsAPIRefusesChangedText: a ticket whose text would not be
// stored as the helpdesk sent it, bytes that are not UTF-8 or an escaped
// half of a surrogate pair (an emoji cut by a UTF-16 slice) or a field
// given twice, is rejected with a reason naming the field, and its batch's
// other tickets are stored; they were created with U+FFFD in place of the
// text, or with the last subject.
func TestTicketsAPIRefusesChangedText(t *testing.T) {
	m := openMain(t, ticketContent(t), false)
	tok, _, err := m.DB.CreateToken(context.Background(), site.ScopeTickets, "helpdesk")
	if err != nil {
		t.Fatal(err)
	}
	body := `{"tickets":[` +
		`{"external_id":"ok-1","subject":"Refund please \ud83d\ude00","created_at":"2026-11-01T10:00:00Z"},` +
		"{\"external_id\":\"bytes-1\",\"subject\":\"Refund \xff please\",\"created_at\":\"2026-11-01T10:00:00Z\"}," +
		`{"external_id":"half-1","subject":"Refund please \ud83d","created_at":"2026-11-01T10:00:00Z"},` +
		`{"external_id":"half-2","subject":"Refund please","tags":["vip","\udc00"],"created_at":"2026-11-01T10:00:00Z"},` +
		`{"external_id":"twice-1","subject":"Refund please","created_at":"2026-11-01T10:00:00Z","subject":"Hello"},` +
		// A helpdesk's "Subject" was always read as subject: it still is.
		`{"external_id":"case-1","Subject":"Refund please","created_at":"2026-11-01T10:00:00Z"}` +
		`]}`
	w := serve(m, "POST", "/api/v1/tickets", body, "Content-Type", "application/json", "Authorization", "Bearer "+tok)
	if w.Code != 200 {
		t.Fatalf("batch: %d %s", w.Code, w.Body)
	}
	var resp struct {
		Created, Rejected int
		Results           []struct {
			ExternalID string `json:"external_id"`
			Status     string
			Reason     string
		}
	}
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Created != 2 || resp.Rejected != 4 || len(resp.Results) != 6 {
		t.Fatalf("created %d, rejected %d, want 2 and 4: %s", resp.Created, resp.Rejected, w.Body)
	}
	for i, want := range []string{"", "ticket 1 is not valid UTF-8", "subject: escapes half of a UTF-16 surrogate pair", "tags: escapes half of a UTF-16 surrogate pair", "subject: given twice", ""} {
		r := resp.Results[i]
		if want == "" {
			if r.Status != site.TicketCreated {
				t.Errorf("%s: %s %s", r.ExternalID, r.Status, r.Reason)
			}
			continue
		}
		if r.Status != site.TicketRejected || !strings.HasPrefix(r.Reason, want) {
			t.Errorf("%s: %s %q, want rejected %q", r.ExternalID, r.Status, r.Reason, want)
		}
	}
}
