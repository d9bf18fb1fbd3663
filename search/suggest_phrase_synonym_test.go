package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestSuggestPhraseSynonymWordsApartRankBelow: autocomplete reads a
// synonyms.yaml entry of several words as the search does (see
// TestPhraseSynonymWordsApartRankBelow): an article has it only where its
// words are written together. "ios app" suggested "Phone alerts in the
// app" above "Use the mobile app offline", through the entry "phone app"
// whose words the first writes apart.
func TestSuggestPhraseSynonymWordsApartRankBelow(t *testing.T) {
	lib := &site.Library{
		Config:   site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Synonyms: map[string][][]string{"en": {{"mobile app", "phone app", "ios app"}}},
		Hash:     "suggestphraseapart",
		Articles: []*site.Article{
			art("alerts", "en", "apps", "Phone alerts in the app", "Check the settings.", nil, sec("", "", "Check the phone settings first. Then open the app and turn alerts on. The app shows alerts.")),
			art("offline", "en", "apps", "Use the mobile app offline", "Without a network.", nil, sec("", "", "It keeps a copy of your bookings.")),
			art("number", "en", "account", "Change your mobile number", "For texts.", nil, sec("", "", "Type a new mobile number in the settings.")),
			art("hours", "en", "account", "Opening hours", "When we answer.", nil, sec("", "", "We answer from nine to five.")),
		},
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"ios app", "offline"},
		{"ios app ", "offline"},
		{"mobile app", "offline"},
		{"phone alerts", "alerts"}, // its own words, apart or not
		{"phone app", "alerts"},    // the words typed, written apart, are still the words typed
	} {
		r, err := ix.Suggest(context.Background(), site.SearchRequest{Query: tt.q, Limit: 8})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.q, got, tt.first)
		}
	}
}
