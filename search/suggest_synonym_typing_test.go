package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestSuggestSynonymWhileTyping: autocomplete reaches a synonyms.yaml
// entry of several words while its last word is being typed, as it does
// once it is typed whole: "ios ap" suggests what "ios app" does, the
// article on the mobile app, where no article writes "ios" (it suggested
// nothing until the "p" was typed). A prefix that begins no entry's last
// word reaches nothing new.
func TestSuggestSynonymWhileTyping(t *testing.T) {
	lib := &site.Library{
		Config:   site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Synonyms: map[string][][]string{"en": {{"mobile app", "phone app", "ios app"}, {"e-ticket", "mobile ticket"}}},
		Hash:     "suggestsyntyping",
		Articles: []*site.Article{
			art("alerts", "en", "apps", "Phone alerts in the app", "Check the settings.", nil, sec("", "", "Check the phone settings first. Then open the app and turn alerts on.")),
			art("offline", "en", "apps", "Use the mobile app offline", "Without a network.", nil, sec("", "", "It keeps a copy of your bookings.")),
			art("eticket", "en", "account", "Print your e-ticket", "A PDF.", nil, sec("", "", "Open the e-ticket and print it.")),
			art("number", "en", "account", "Change your mobile number", "For texts.", nil, sec("", "", "Type a new mobile number in the settings.")),
			art("hours", "en", "account", "Opening hours", "When we answer.", nil, sec("", "", "We answer from nine to five.")),
		},
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"ios app", "offline"},
		{"ios ap", "offline"},
		{"mobile tick", "eticket"},
		{"mobile ticke", "eticket"},
		{"ios x", ""},
	} {
		r, err := ix.Suggest(context.Background(), site.SearchRequest{Query: tt.q, Limit: 8})
		if err != nil {
			t.Fatal(err)
		}
		got := ids(r)
		if tt.first == "" && len(got) > 0 || tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
			t.Errorf("Suggest(%q) = %v, want %q first", tt.q, got, tt.first)
		}
	}
}
