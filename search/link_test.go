package search_test

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// offTopic are ticket subjects that no article of the sample answers.
var offTopic = []string{
	"Hello", "Urgent!!!", "my cat is sick",
	"Partnership opportunity for your company", "Invoice from our supplier is wrong",
	"Can you recommend a good restaurant", "Out of office: back Monday", "Test ticket please ignore",
	"Weather in Paris tomorrow", "x", "X!", "é ?",
}

// TestLinkTickets treats the relevance set's queries as ticket subjects:
// at the default confidence threshold most must be linked, nearly all of
// those to the expected article, and off-topic subjects must stay unlinked.
func TestLinkTickets(t *testing.T) {
	ix, v := sampleIndex(t)
	ctx := context.Background()
	var asked, accepted, right int
	for _, c := range loadRelevanceCases(t, "testdata/relevance.jsonl") {
		if c.Kind == "prefix" {
			continue // a half-typed word is not a ticket
		}
		if _, err := v.Article(c.Expect, c.Locale); err != nil {
			continue // answered in another language: Link searches one locale
		}
		asked++
		id, conf, err := ix.Link(ctx, c.Locale, c.Query, "")
		if err != nil {
			t.Fatal(err)
		}
		if conf < 0 || conf > 1 {
			t.Fatalf("Link(%q) confidence %v outside [0,1]", c.Query, conf)
		}
		if conf < site.DefaultTicketConfidence {
			t.Logf("unlinked: %q (%.2f → %s, want %s)", c.Query, conf, id, c.Expect)
			continue
		}
		accepted++
		if id == c.Expect {
			right++
		} else {
			t.Logf("wrong link: %q → %s (%.2f), want %s", c.Query, id, conf, c.Expect)
		}
	}
	precision := float64(right) / float64(accepted)
	share := float64(accepted) / float64(asked)
	t.Logf("linked %d of %d subjects (%.1f%%), %d right (precision %.3f)", accepted, asked, 100*share, right, precision)
	if precision < 0.95 {
		t.Errorf("precision of accepted links %.3f, want ≥ 0.95", precision)
	}
	if share < 0.85 {
		t.Errorf("linked share %.3f, want ≥ 0.85", share)
	}
	for _, q := range offTopic {
		id, conf, err := ix.Link(ctx, "en", q, "")
		if err != nil {
			t.Fatal(err)
		}
		if conf >= site.DefaultTicketConfidence {
			t.Errorf("off-topic %q linked to %s with confidence %.2f", q, id, conf)
		}
	}
}

// TestLinkBody: a vague subject is linked through the body; an empty or
// numeric ticket links nothing.
func TestLinkBody(t *testing.T) {
	ix, _ := sampleIndex(t)
	ctx := context.Background()
	id, conf, err := ix.Link(ctx, "en", "Order 48213", "Hi, my Google calendar stopped syncing with my bookings yesterday. Thanks, Ana")
	if err != nil {
		t.Fatal(err)
	}
	if id != "booking/calendar-sync" || conf < site.DefaultTicketConfidence {
		t.Errorf("vague subject with a clear body → %s (%.2f), want booking/calendar-sync above threshold", id, conf)
	}
	// A word that only labels a reference says nothing of the problem,
	// even when an article has it ("ordering" in a heading).
	for _, subj := range []string{"Order 4821", "Invoice 2026-0042", "Booking #88121"} {
		if id, conf, _ := ix.Link(ctx, "en", subj, ""); conf >= site.DefaultTicketConfidence {
			t.Errorf("Link(%q) = %s %.2f, want no link: a reference alone is vague", subj, id, conf)
		}
	}
	for _, subj := range []string{"", "12345", "!!!"} {
		if id, conf, _ := ix.Link(ctx, "en", subj, ""); id != "" || conf != 0 {
			t.Errorf("Link(%q) = %s %.2f, want nothing", subj, id, conf)
		}
	}
}

// BenchmarkLink links ticket subjects of the relevance set, over and over.
func BenchmarkLink(b *testing.B) {
	ix, _ := sampleIndex(b)
	subjects := []string{"Can't sync my Google calendar", "Refund request for order 4821", "card declined at checkout",
		"how do I invite my receptionist", "Question about invoices and VAT", "my cat is sick"}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := ix.Link(ctx, "en", subjects[i%len(subjects)], "Hello, it stopped working yesterday. Thanks"); err != nil {
			b.Fatal(err)
		}
	}
}
