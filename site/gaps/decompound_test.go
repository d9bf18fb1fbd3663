package gaps_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestCompoundsReadAsTheirParts: German writes as one word what English
// writes as two, so "Kletterschuhe mieten" and "Schuhe leihen" (rent
// climbing shoes, rent shoes) shared no word and were two gaps, as were
// "Geburtstagsfeier" and "Geburtstag feiern" (a linking "s"); a compound
// whose parts are words of the failed set or of the content is read as
// its parts. Words that are no compounds stay whole ("Mitgliedschaft",
// whose "schaft" is no word here).
func TestCompoundsReadAsTheirParts(t *testing.T) {
	an := analyzer(t, "kletter-app", "")
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	var in []gaps.Record
	for i, q := range []string{
		"Kletterschuhe mieten", "Schuhe leihen", "Schuhe leihen",
		"Geburtstagsfeier", "Geburtstag feiern", "Geburtstag feiern",
		"Mitgliedschaft pausieren", "Mitgliedschaft pausieren",
	} {
		in = append(in, gaps.Record{Query: q, Locale: "de", Source: site.SourceSite, Visitor: fmt.Sprint("v", i), Time: start.Add(time.Duration(i) * time.Hour)})
	}
	rep := gaps.Group(in, an, nil, gaps.Options{Now: start.Add(24 * time.Hour), MinVisitors: 1})
	gapOf := map[string]string{}
	for _, g := range rep.Gaps {
		for _, v := range g.Variants {
			gapOf[v.Query] = g.ID
		}
	}
	same := func(a, b string) bool { return gapOf[a] != "" && gapOf[a] == gapOf[b] }
	for _, p := range [][2]string{
		{"Kletterschuhe mieten", "Schuhe leihen"}, {"Geburtstagsfeier", "Geburtstag feiern"},
	} {
		if !same(p[0], p[1]) {
			t.Errorf("%q and %q are two gaps: %v", p[0], p[1], gapOf)
		}
	}
	for _, q := range []string{"Schuhe leihen", "Geburtstag feiern"} {
		if same(q, "Mitgliedschaft pausieren") {
			t.Errorf("%q joined the membership gap: %v", q, gapOf)
		}
	}
}
