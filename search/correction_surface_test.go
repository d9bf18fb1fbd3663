package search_test

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestCorrectionWrittenByTheArticleThatHasIt: a corrected word is shown as
// the article that made the correction plausible writes it, not as the
// first result does. On the sample content "refund pasword" ranks refund
// articles first and the password article third; the first does not write
// "password", so the word stayed as typed: "Showing results for refund
// pasword. Search instead for refund pasword", a correction the page
// announced without showing it.
func TestCorrectionWrittenByTheArticleThatHasIt(t *testing.T) {
	ix, _ := sampleIndex(t)
	for q, want := range map[string]string{
		"refund pasword": "refund password",
		"refnud pasword": "refund password",
	} {
		r, err := ix.Search(context.Background(), site.SearchRequest{Query: q, Locale: "en", Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if r.DidYouMean != want {
			t.Errorf("%q: did_you_mean %q, want %q", q, r.DidYouMean, want)
		}
	}
}
