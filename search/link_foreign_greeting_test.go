package search_test

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLinkForeignGreeting: customers greet and thank in English whatever
// language they write in, and in Spanish on an English site. A greeting or
// thanks of another language than the ticket's says nothing of its topic:
// "Pinchazo en la rueda - hello", a Spanish ticket, was unlinked (a
// newcomer, rv20k) where "Pinchazo en la rueda" linked, the English
// "hello" weighing as a word no article has.
func TestLinkForeignGreeting(t *testing.T) {
	ix, _ := sampleIndex(t)
	ctx := context.Background()
	for _, c := range []struct{ locale, subject string }{
		{"fr", "Résilier mon abonnement"},
		{"en", "Cancel my subscription"},
	} {
		want, conf, err := ix.Link(ctx, c.locale, c.subject, "")
		if err != nil {
			t.Fatal(err)
		}
		if conf < site.DefaultTicketConfidence {
			t.Fatalf("Link(%s, %q) = %s %.2f: the case needs a subject that links", c.locale, c.subject, want, conf)
		}
		for _, s := range []string{c.subject + " - hello", c.subject + ", hi", c.subject + " - hola", c.subject + " gracias",
			c.subject + " - merci", c.subject + ", danke", c.subject + " - thanks"} {
			id, got, err := ix.Link(ctx, c.locale, s, "")
			if err != nil {
				t.Fatal(err)
			}
			if id != want || got < site.DefaultTicketConfidence {
				t.Errorf("Link(%s, %q) = %s %.2f, want %s as %q (%.2f)", c.locale, s, id, got, want, c.subject, conf)
			}
		}
	}
}
