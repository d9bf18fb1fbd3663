package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestTicketDailyCounts: the per-article daily counts follow inserts,
// updates that move a ticket to another article, locale or day, relinks,
// and re-writes of the same ticket (never counted twice).
func TestTicketDailyCounts(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	d1 := time.Date(2026, 11, 1, 23, 30, 0, 0, time.UTC)
	d2 := d1.Add(2 * time.Hour) // the next day
	tk := func(id, article string, at time.Time) site.StoredTicket {
		st := site.StoredTicket{Ticket: site.Ticket{ExternalID: id, Subject: "s " + id, Locale: "en", CreatedAt: at, Tags: []string{"a", "b c"}}, Key: "k1"}
		if article != "" {
			st.Link = site.TicketLink{ArticleID: article, Method: site.LinkTag, Score: 1}
		}
		return st
	}
	counts := func() map[string]int {
		days, err := db.TicketDays(ctx, d1.Add(-48*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, d := range days {
			out[d.ArticleID+"@"+d.Day.Format("01-02")] += d.Tickets
		}
		return out
	}
	v0, _ := db.TicketVersion(ctx)
	st, err := db.WriteTickets(ctx, []site.StoredTicket{tk("1", "a", d1), tk("2", "a", d1), tk("3", "", d1), tk("4", "b", d2)})
	if err != nil {
		t.Fatal(err)
	}
	if st[0] != site.TicketCreated || st[3] != site.TicketCreated {
		t.Errorf("statuses %v", st)
	}
	if v1, _ := db.TicketVersion(ctx); v1 == v0 {
		t.Error("version did not change")
	}
	want := map[string]int{"a@11-01": 2, "b@11-02": 1}
	if got := counts(); !equalCounts(got, want) {
		t.Errorf("after insert: %v, want %v", got, want)
	}
	// The same tickets again: updated, not added; ticket 2 moves to b on d2.
	st, err = db.WriteTickets(ctx, []site.StoredTicket{tk("1", "a", d1), tk("2", "b", d2)})
	if err != nil || st[0] != site.TicketUpdated || st[1] != site.TicketUpdated {
		t.Fatalf("rewrite: %v %v", st, err)
	}
	want = map[string]int{"a@11-01": 1, "b@11-02": 2}
	if got := counts(); !equalCounts(got, want) {
		t.Errorf("after update: %v, want %v", got, want)
	}
	// Relinking: 3 gains an article, 4 loses its own.
	l3, l4 := tk("3", "a", d1), tk("4", "", d2)
	l3.Key, l4.Key = "k2", "k2"
	if err := db.SetTicketLinks(ctx, []site.StoredTicket{l3, l4}); err != nil {
		t.Fatal(err)
	}
	want = map[string]int{"a@11-01": 2, "b@11-02": 1}
	if got := counts(); !equalCounts(got, want) {
		t.Errorf("after relink: %v, want %v", got, want)
	}
	// Stale links are listed for relinking, page by page.
	stale, err := db.TicketsToRelink(ctx, "k2", "", 1)
	if err != nil || len(stale) != 1 || stale[0].ExternalID != "1" || stale[0].Tags[1] != "b c" {
		t.Fatalf("to relink: %+v %v", stale, err)
	}
	stale, _ = db.TicketsToRelink(ctx, "k2", "1", 10)
	if len(stale) != 1 || stale[0].ExternalID != "2" {
		t.Errorf("second page: %+v", stale)
	}
	var unlinked []gaps.Record
	err = db.GapRecords(ctx, d1.Add(-time.Hour), func(r gaps.Record) error {
		if r.Failure() == gaps.UnlinkedTicket {
			unlinked = append(unlinked, r)
		}
		return nil
	})
	if err != nil || len(unlinked) != 1 || unlinked[0].Query != "s 4" || unlinked[0].Visitor != "" {
		t.Errorf("unlinked: %+v %v", unlinked, err)
	}
	totals, _ := db.TicketTotals(ctx, time.Time{}, time.Time{}, "")
	if totals["tag"] != 3 || totals[""] != 1 || len(totals) != 2 {
		t.Errorf("totals %v", totals)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
