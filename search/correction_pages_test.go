package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestCorrectionSameOnEveryPage: "Showing results for" is the query as
// read, the same on every page of its results. The corrections said were
// read from the results up to the page's last, so a second page could name
// more corrected words than the first ("refnud invocie hours" read
// "refund invocie hours" on page 1 and "refund invoice hours" on page 2).
func TestCorrectionSameOnEveryPage(t *testing.T) {
	lib := helpLibrary("pagesaid",
		art("refund", "en", "help", "Refund a client", "Money back.", nil, sec("", "", "Choose Full refund.")),
		art("invoice", "en", "help", "Send an invoice", "Bills.", nil, sec("", "", "Open the invoice and send it.")),
		art("both", "en", "help", "Refund an invoice", "Credit notes.", nil, sec("", "", "A refund of an invoice makes a credit note.")),
		art("hours", "en", "help", "Opening hours", "When we answer.", nil, sec("", "", "We answer from nine to five.")),
	)
	ix := buildLib(t, lib, "")
	for _, q := range []string{"refnud opneing", "refnud hours", "refnud invocie hours", "refnud invocie"} {
		var first string
		for page := 0; page < 4; page++ {
			r, err := ix.Search(context.Background(), site.SearchRequest{Query: q, Locale: "en", Limit: 1, Offset: page})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%q page %d: %q %v", q, page+1, r.DidYouMean, ids(r))
			if len(r.Hits) == 0 {
				break
			}
			if page == 0 {
				first = r.DidYouMean
			} else if r.DidYouMean != first {
				t.Errorf("%q: page %d says showing results for %q, page 1 %q", q, page+1, r.DidYouMean, first)
			}
		}
	}
}
