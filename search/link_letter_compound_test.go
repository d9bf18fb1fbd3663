package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLinkLetterCompound: a ticket whose whole subject is a hyphenated
// term of a letter and a word ("E-ticket", "e-mail") links the article
// that writes it, as search finds it. The letter was left out as a single
// letter and "ticket", a word every ticket says, with it: "E-ticket" was
// linked at confidence 0. With or without a synonyms.yaml group for it,
// hyphenated or typed apart.
func TestLinkLetterCompound(t *testing.T) {
	for _, syn := range []bool{false, true} {
		lib := &site.Library{
			Config: site.Config{DefaultLocale: "en", Locales: []string{"en"}},
			Hash:   "linkletter",
			Articles: []*site.Article{
				art("eticket", "en", "account", "Print your e-ticket", "A PDF.", nil, sec("", "", "Open the e-ticket and print it.")),
				art("email", "en", "account", "Change your e-mail address", "For receipts.", nil, sec("", "", "Type the new address in the settings.")),
				art("refund", "en", "pay", "Refund a ticket", "Money back.", nil, sec("", "", "Choose Full refund for the ticket.")),
				art("hours", "en", "account", "Opening hours", "When we answer.", nil, sec("", "", "We answer from nine to five.")),
				art("mail", "en", "account", "Mail a cheque", "By post.", nil, sec("", "", "Send the cheque by mail to our office.")),
			},
		}
		if syn {
			lib.Synonyms = map[string][][]string{"en": {{"e-ticket", "mobile ticket"}}}
			lib.Hash += "-syn"
		}
		ix := buildLib(t, lib, "")
		for _, tt := range []struct{ subject, id string }{
			{"E-ticket", "eticket"},
			{"e-ticket", "eticket"},
			{"E-tickets", "eticket"},
			{"e-mail", "email"},
			{"E-ticket?", "eticket"},
			{"e ticket", "eticket"},
			{"Where is my e-ticket", "eticket"},
		} {
			id, c, err := ix.Link(context.Background(), "en", tt.subject, "")
			if err != nil {
				t.Fatal(err)
			}
			if id != tt.id || c < site.DefaultTicketConfidence {
				t.Errorf("synonyms %v: %q links %s at %.2f, want %s at %.2f or more", syn, tt.subject, id, c, tt.id, site.DefaultTicketConfidence)
			}
		}
	}
}
