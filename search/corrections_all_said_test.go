package search

import (
	"strings"
	"testing"
)

// TestEveryCorrectionIsSaid: when the results were found through the
// corrections of several words (typo tolerance, no correction having
// passed correct's checks), the page says every one of them, not only
// the first result's: "refnud opneing" listed the opening hours first
// and the refund articles after, and said only "Showing results for
// refnud opening"; "refnud hours", whose first result has "hours" as
// typed, said nothing of the refund articles found through "refund".
func TestEveryCorrectionIsSaid(t *testing.T) {
	lib := helpLibrary("allsaid",
		art("refund", "en", "help", "Refund a client", "Money back.", nil, sec("", "", "Choose Full refund.")),
		art("invoice", "en", "help", "Send an invoice", "Bills.", nil, sec("", "", "Open the invoice and send it.")),
		art("both", "en", "help", "Refund an invoice", "Credit notes.", nil, sec("", "", "A refund of an invoice makes a credit note.")),
		art("hours", "en", "help", "Opening hours", "When we answer.", nil, sec("", "", "We answer from nine to five.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, dym string }{
		{"refnud opneing", "refund opening"},
		{"refnud hours", "refund hours"},
		{"refnud invocie hours", "refund invoice hours"},
		{"refnud invocie", "refund invoice"},
		{"refund hours", ""},
	} {
		r := search(t, ix, tt.q, "en")
		if r.DidYouMean != tt.dym {
			t.Errorf("%q: showing results for %q, want %q", tt.q, r.DidYouMean, tt.dym)
		}
		if r.DidYouMean != "" {
			continue
		}
		for _, h := range r.Hits {
			if strings.Contains(string(h.Snippet), `class="correction"`) {
				t.Errorf("%q: %s found through a correction, unsaid: %s", tt.q, h.Title, h.Snippet)
			}
		}
	}
}
