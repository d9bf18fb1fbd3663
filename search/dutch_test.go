package search

import (
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestDutchDoubledConsonants: a Dutch plural whose consonant doubles in
// the spelling ("koeltassen", "bussen", "bellen") meets its singular
// ("koeltas", "bus", "bel") in search and in the gap report, as "boxen"
// met "box"; the Snowball stemmer undoubles only kk, dd and tt.
func TestDutchDoubledConsonants(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "nl", Locales: []string{"nl"}},
		Hash:       "dutch-doubles",
		Categories: []*site.Category{{ID: "help", Locale: "nl", Title: "Hulp"}},
	}
	lib.Articles = []*site.Article{
		art("koeltassen", "nl", "help", "Koeltassen terugsturen", "Geef ze mee aan de bezorger.", nil,
			sec("", "", "Vouw de koeltassen op en geef ze bij de volgende levering mee.")),
		art("bel", "nl", "help", "De bezorger belt niet aan", "Wat te doen.", nil,
			sec("", "", "Zet je bel aan of laat een briefje achter.")),
		art("pauzeren", "nl", "help", "Je box pauzeren", "Sla leveringen over.", nil,
			sec("", "", "Je kunt je box vier weken pauzeren.")),
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, first string }{
		{"koeltas", "koeltassen"},
		{"koeltassen", "koeltassen"},
		{"bellen", "bel"},
	} {
		r := search(t, ix, tt.query, "nl")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, ids(r), tt.first)
		}
	}
	an := ix.Analyzer()
	for _, pair := range [][2]string{{"koeltas", "koeltassen"}, {"bus", "bussen"}, {"box", "boxen"}} {
		a, b := an.Analyze("nl", pair[0]).Terms, an.Analyze("nl", pair[1]).Terms
		if !slices.Equal(a, b) {
			t.Errorf("Analyze(%q) = %q, Analyze(%q) = %q: want one term", pair[0], a, pair[1], b)
		}
	}
}
