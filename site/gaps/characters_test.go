package gaps_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestOneCharacterWordsJoinNothing: a single letter or digit two queries
// share ("7" in two products' names, "1" in two injection attempts, "x"
// as an attribute and as a link text) is no topic they share; what else
// they share still joins them.
func TestOneCharacterWordsJoinNothing(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	ty := typists{at: at}
	for _, q := range []string{
		"windows 7 install", "iphone 7 battery",
		`" OR 1=1 --`, `<script>alert(1)</script>`,
		`=HYPERLINK("http://evil","x")`, `solar panel <img src=x>`,
		"plan b pricing", "plan c pricing",
	} {
		ty.add(q, 2)
	}
	rep := gaps.Group(ty.records, nil, nil, gaps.Options{Now: at.Add(1000 * time.Hour), MinVisitors: 1})
	gapOf := gapOfVariant(rep)
	for _, c := range []struct {
		a, b     string
		together bool
	}{
		{"windows 7 install", "iphone 7 battery", false},
		{`" OR 1=1 --`, `<script>alert(1)</script>`, false},
		{`=HYPERLINK("http://evil","x")`, `solar panel <img src=x>`, false},
		{"plan b pricing", "plan c pricing", true}, // "plan pricing" still
	} {
		if a, b := gapOf[c.a], gapOf[c.b]; a == "" || b == "" || (a == b) != c.together {
			t.Errorf("%q in gap %q and %q in gap %q, want together %v", c.a, a, c.b, b, c.together)
		}
	}
}

// TestExploringIsNoReformulation: someone who types many unrelated
// questions in one visit (exploring the help center, or testing it) is
// not rephrasing one question: their failed searches in a row join
// nothing by that alone. A visitor who rephrases one question a few times
// still joins its phrasings, words in common or not.
func TestExploringIsNoReformulation(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	search := func(q, visitor string, minute int) {
		records = append(records, gaps.Record{Query: q, Locale: "en", Source: site.SourceSite, Visitor: visitor, Time: at.Add(time.Duration(minute) * time.Minute)})
	}
	tour := []string{"error E42 on display", "ev charger not detected", "solar panel cleaning", "refund for a double payment",
		"switch my tariff", "move house", "thermostat offline", "battery warranty"}
	for i, q := range tour {
		search(q, "tester", i)
	}
	rephrased := []string{"i have been scammed", "fraudulent payment", "suspicious transaction"}
	for i, q := range rephrased {
		search(q, "customer", 100+i)
	}
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1})
	gapOf := gapOfVariant(rep)
	seen := map[string]string{}
	for _, q := range tour {
		if other, ok := seen[gapOf[q]]; ok {
			t.Errorf("%q joined %q: one visitor typed them in a row among %d unrelated questions", q, other, len(tour))
		}
		seen[gapOf[q]] = q
	}
	if a, b, c := gapOf[rephrased[0]], gapOf[rephrased[1]], gapOf[rephrased[2]]; a == "" || a != b || b != c {
		t.Errorf("one visitor's three phrasings of one question in gaps %q, %q, %q, want one", a, b, c)
	}
}

// TestSpellingShown: of two spellings of one phrasing typed as often, the
// report shows the one with fewer capitals after the first letter, then
// the one with its accents; it showed the first in byte order, so the
// unaccented and the upper-case spellings won, and "E 104" over "E-104";
// and the one without exclamation marks ("Schlüssel verloren!" named the
// gap and the title of its draft).
func TestSpellingShown(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	for i, q := range []string{"vacunación antirrábica", "vacunacion antirrabica", "grooming prices", "GROOMING PRICES", "Reclamación al seguro", "reclamacion al seguro", "E 104", "E-104", "schlüssel verloren", "Schlüssel verloren!"} {
		records = append(records, gaps.Record{Query: q, Locale: "es", Source: site.SourceSite, Visitor: fmt.Sprint("v", i), Time: at.Add(time.Duration(i) * time.Hour)})
	}
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1})
	var shown []string
	for _, g := range rep.Gaps {
		for _, v := range g.Variants {
			shown = append(shown, v.Query)
		}
	}
	slices.Sort(shown)
	if want := []string{"E-104", "Reclamación al seguro", "grooming prices", "schlüssel verloren", "vacunación antirrábica"}; !slices.Equal(shown, want) {
		t.Errorf("spellings shown %q, want %q", shown, want)
	}
}

// TestPhrasingShown: of a gap's phrasings searched by as many people as
// often, the gap is named after the one seen first, as its ID is; it was
// named after the first in byte order, so a typo joined to its word
// ("casqe", "abonement") named the gap and the draft gaps stub wrote.
func TestPhrasingShown(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	for i, q := range []string{"casque", "casqe", "abonnement", "abonement"} {
		records = append(records, gaps.Record{Query: q, Locale: "fr", Source: site.SourceSite, Visitor: fmt.Sprint("v", i), Time: at.Add(time.Duration(i) * time.Hour)})
	}
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1})
	var shown []string
	for _, g := range rep.Gaps {
		shown = append(shown, g.Query)
	}
	slices.Sort(shown)
	if want := []string{"abonnement", "casque"}; !slices.Equal(shown, want) {
		t.Errorf("gaps named %q, want %q", shown, want)
	}
}

// TestGapNamedByMeaning: a gap is named after the meaning most people
// typed, however they spelt it: "bike storage" and "bike storages", one
// person each, name the gap before "bike storage room", seen first and
// typed by one; the gap was named after a phrasing one person typed while
// two had typed another in the plural and the singular (rv19a).
func TestGapNamedByMeaning(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	for i, q := range []string{"bike storage room", "bike storages", "bike storage"} {
		records = append(records, gaps.Record{Query: q, Locale: "en", Source: site.SourceSite, Visitor: fmt.Sprint("v", i), Time: at.Add(time.Duration(i) * time.Hour)})
	}
	rep := gaps.Group(records, analyzer(t, "railway-app", ""), nil, gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1})
	if len(rep.Gaps) != 1 {
		t.Fatalf("%d gaps, want 1: %+v", len(rep.Gaps), rep.Gaps)
	}
	g := rep.Gaps[0]
	var order []string
	for _, v := range g.Variants {
		order = append(order, v.Query)
	}
	if want := []string{"bike storages", "bike storage", "bike storage room"}; g.Query != "bike storages" || !slices.Equal(order, want) {
		t.Errorf("gap named %q, phrasings %q; want %q, %q", g.Query, order, want[0], want)
	}
}
