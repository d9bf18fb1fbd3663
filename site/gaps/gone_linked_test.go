package gaps_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// A gap of tickets no one decided on, listed until the article published
// for it took its tickets, is named by its ID as gone, with the article
// that took them, rather than read as a mistyped ID: the admin page left
// open on it, or `gaps stub` of the ID the report printed, says why.
func TestGoneTicketGapNamedWithoutDecision(t *testing.T) {
	s := newServiceSite(t)
	ctx := context.Background()
	ticket := func(id, topic string, link site.TicketLink) site.StoredTicket {
		return site.StoredTicket{Ticket: site.Ticket{ExternalID: id, Subject: topic, Locale: "fr", Source: "zendesk",
			CreatedAt: s.now.Add(-48 * time.Hour)}, Topic: topic, Link: link, Key: "k1"}
	}
	tickets := []site.StoredTicket{ticket("1006", "Parrainage : code", site.TicketLink{}), ticket("1007", "code parrainage invalide", site.TicketLink{})}
	if _, err := s.db.WriteTickets(ctx, tickets); err != nil {
		t.Fatal(err)
	}
	rep := s.report(gaps.Options{MinVisitors: 1})
	g, ok := gapOf(rep, "Parrainage : code")
	if !ok || g.Kind != gaps.UnlinkedTicket {
		t.Fatalf("no gap of tickets for the topic: %+v", rep.Gaps)
	}
	// The article published for it takes them.
	for i := range tickets {
		tickets[i].Link = site.TicketLink{ArticleID: "abonnement/parrainage", Method: "search", Score: 0.8}
		tickets[i].Key = "k2"
	}
	if err := s.db.SetTicketLinks(ctx, tickets); err != nil {
		t.Fatal(err)
	}
	_, err := s.svc.Gap(ctx, g.ID)
	_, markErr := s.svc.Mark(ctx, strings.ToUpper(g.ID), "new-article", nil)
	for _, err := range []error{err, markErr} {
		msg := site.ErrorMessage(err)
		if site.ErrorCode(err) != site.ENOTFOUND || !strings.Contains(msg, "in no report any more") ||
			!(strings.Contains(msg, `"Parrainage : code"`) || strings.Contains(msg, `"code parrainage invalide"`)) ||
			!strings.Contains(msg, "linked to an article since (abonnement/parrainage)") {
			t.Errorf("error = %v, want the gap named as gone, its tickets linked to abonnement/parrainage", err)
		}
	}
	// An ID no ticket or search ever had is still a mistyped one.
	if _, err := s.svc.Gap(ctx, "0123456789ab"); !strings.Contains(site.ErrorMessage(err), "No gap 0123456789ab") {
		t.Errorf("unknown ID: %v", err)
	}
}
