package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLinkPhraseSynonym: a ticket subject that writes an entry of several
// words of a synonyms.yaml group links as the group's other entries do,
// and an article has such an entry only where it writes its words in a
// row, as search reads it. "Print my mobile ticket" linked the e-ticket
// article at 0.58 where "Print my e-ticket" linked it at 1, "Mobile
// ticket" linked "Change your mobile number", "Phone app" the article
// writing "phone" and "app" apart rather than the one on the mobile app.
func TestLinkPhraseSynonym(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Synonyms: map[string][][]string{"en": {
			{"mobile app", "phone app", "ios app"},
			{"e-ticket", "mobile ticket"},
		}},
		Hash: "linkphrase",
		Articles: []*site.Article{
			art("eticket", "en", "account", "Print your e-ticket", "A PDF.", nil, sec("", "", "Open the e-ticket and print it.")),
			art("offline", "en", "apps", "Use the mobile app offline", "Without a network.", nil, sec("", "", "It keeps a copy of your bookings.")),
			art("number", "en", "account", "Change your mobile number", "For texts.", nil, sec("", "", "Type a new mobile number in the settings.")),
			art("alerts", "en", "apps", "Phone alerts in the app", "Check the settings.", nil, sec("", "", "Check the phone settings first. Then open the app and turn alerts on.")),
			art("hours", "en", "account", "Opening hours", "When we answer.", nil, sec("", "", "We answer from nine to five.")),
			art("refund", "en", "pay", "Refund a ticket", "Money back.", nil, sec("", "", "Choose Full refund for the ticket.")),
		},
	}
	ix := buildLib(t, lib, "")
	link := func(subject string) (string, float64) {
		id, c, err := ix.Link(context.Background(), "en", subject, "")
		if err != nil {
			t.Fatal(err)
		}
		return id, c
	}
	for _, pair := range [][2]string{
		{"Print my mobile ticket", "Print my e-ticket"},
		{"Phone app offline", "Mobile app offline"},
		{"iOS app offline", "Mobile app offline"},
		{"Phone app", "Mobile app"},
	} {
		gotID, got := link(pair[0])
		wantID, want := link(pair[1])
		if gotID != wantID || got != want || want < 0.6 {
			t.Errorf("%q links %s at %.2f; want %s at %.2f, as %q", pair[0], gotID, got, wantID, want, pair[1])
		}
	}
	for _, tt := range []struct{ subject, id string }{
		{"Mobile ticket", "eticket"},
		{"Mobile number", "number"},
		{"Phone alerts", "alerts"},
	} {
		if id, c := link(tt.subject); id != tt.id || c < 0.6 {
			t.Errorf("%q links %s at %.2f, want %s", tt.subject, id, c, tt.id)
		}
	}
}
