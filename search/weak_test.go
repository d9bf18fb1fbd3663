package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestWeakResults: hits are called weak (related articles, not answers)
// when not even the best of them has half of what the query says, and
// only then.
func TestWeakResults(t *testing.T) {
	ix := buildBehaviour(t)
	for _, tt := range []struct {
		query, locale string
		weak          bool
		first         string // the first hit, when the query finds any
	}{
		{"cancel subscription", "en", false, "cancel-sub"},      // every word in a title
		{"caps lock", "en", false, "signin"},                    // every word, in the body only: half
		{"0x8004de8a", "en", false, "sync-error"},               // an error code, in a body
		{"where is", "en", false, "where-data"},                 // common words, a phrase of a title
		{"refund hamster zeppelin", "en", true, "refunds"},      // two words no article has
		{"promo code for my zeppelin mortgage", "en", true, ""}, // more words nowhere than words somewhere
		{"kiosk tablet zeppelin hamster marmalade", "en", true, "kiosk"},
		{"centres de données", "fr", false, "where-data"}, // in the locale
		{"zeppelin hamster", "en", false, ""},             // nothing at all: no hits, so not weak
	} {
		r := search(t, ix, tt.query, tt.locale)
		if r.Weak != tt.weak {
			t.Errorf("Search(%q).Weak = %v, want %v (hits %v)", tt.query, r.Weak, tt.weak, ids(r))
		}
		if tt.first != "" && (len(r.Hits) == 0 || r.Hits[0].ID != tt.first) {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, ids(r), tt.first)
		}
		if r.Weak && len(r.Hits) == 0 {
			t.Errorf("Search(%q) is weak without hits", tt.query)
		}
	}
	// Every page of a weak query says so; autocomplete never does.
	r, err := ix.Search(context.Background(), site.SearchRequest{Query: "refund hamster zeppelin", Locale: "en", Limit: 1, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) > 0 && !r.Weak {
		t.Errorf("second page of a weak query: Weak = false")
	}
	if r := suggest(t, ix, "refund hamster zep", "en"); r.Weak {
		t.Errorf("Suggest set Weak")
	}
}
