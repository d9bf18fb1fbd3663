package search

import (
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestSuggestJoinsTheWordBeingTyped: two words typed apart that the
// content writes as one ("sun ledger" for "SunLedger", German "einspeise
// vergütung" for "Einspeisevergütung") suggest what search finds for
// them, the last one still being typed, as a hyphenated compound being
// typed does; a stop word is never joined to the next word.
func TestSuggestJoinsTheWordBeingTyped(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "en", Locales: []string{"en", "de"}},
		Hash:       "joined-typing",
		Categories: []*site.Category{{ID: "help", Locale: "en", Title: "Help"}, {ID: "help", Locale: "de", Title: "Hilfe"}},
	}
	lib.Articles = []*site.Article{
		art("install", "en", "help", "Install the SunLedger app", "Phones and browsers.", nil,
			sec("", "", "Open the store and install it.")),
		art("battery", "en", "help", "Monitor the home battery", "State of charge.", nil,
			sec("", "", "The battery card shows the charge.")),
		art("frontdesk", "en", "help", "The frontdesk tablet", "Check-in.", nil,
			sec("", "", "Guests check in on it.")),
		art("tariff", "de", "help", "Wie wird meine Einspeisevergütung berechnet?", "Pro kWh.", nil,
			sec("", "", "Ihr Netzbetreiber zahlt pro eingespeister kWh.")),
		art("yield", "de", "help", "Warum ist mein Solarertrag niedrig?", "Schatten und Schnee.", nil,
			sec("", "", "Bäume und Schnee senken den Wert.")),
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, locale, want string }{
		{"sun ledger", "en", "install"},
		{"sun ledg", "en", "install"},
		{"sunledg", "en", "install"},
		{"einspeise vergütung", "de", "tariff"},
		{"einspeise verg", "de", "tariff"},
		{"solar ertrag", "de", "yield"},
		{"front desk tabl", "en", "frontdesk"}, // the pair typed whole stays joined
	} {
		if r := suggest(t, ix, tt.query, tt.locale); len(r.Hits) == 0 || r.Hits[0].ID != tt.want {
			t.Errorf("Suggest(%q, %s) = %v, want %s first", tt.query, tt.locale, ids(r), tt.want)
		}
		if r := search(t, ix, tt.query, tt.locale); !slices.Contains([]string{"sun ledg", "einspeise verg", "front desk tabl"}, tt.query) && (len(r.Hits) == 0 || r.Hits[0].ID != tt.want) {
			t.Errorf("Search(%q, %s) = %v, want %s first", tt.query, tt.locale, ids(r), tt.want)
		}
	}
	// "the b" is "the" and a word starting with b, never "theb…".
	if r := suggest(t, ix, "the b", "en"); len(r.Hits) == 0 || r.Hits[0].ID != "battery" {
		t.Errorf("Suggest(the b) = %v, want battery", ids(r))
	}
}
