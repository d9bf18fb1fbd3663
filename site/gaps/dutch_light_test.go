package gaps

import (
	"fmt"
	"testing"
	"time"
)

// TestDutchLightWords: Dutch words that say something is wrong, or since
// when, rather than what ("kapot", "werkt niet meer", "sinds") weigh
// little, as German "kaputt" and "geht nicht mehr" do: Dutch had no such
// words, so "app werkt niet" and "slot werkt niet" were one gap (a
// newcomer, rv21d).
func TestDutchLightWords(t *testing.T) {
	nl := func(q, visitor string) Record {
		r := rec(q, visitor, 0, false, time.Hour)
		r.Locale = "nl"
		return r
	}
	in := []Record{
		nl("bel kapot", "a"), nl("bel kapot", "b"),
		nl("zadel kapot", "c"), nl("zadel kapot", "d"),
		nl("accu laadt niet meer sinds update", "e"), nl("factuur ontbreekt sinds augustus", "f"),
		nl("app werkt niet meer", "g"), nl("slot werkt niet meer", "h"),
	}
	want := []string{
		"search: accu laadt niet meer sinds update (1)", "search: app werkt niet meer (1)",
		"search: bel kapot (2)", "search: factuur ontbreekt sinds augustus (1)",
		"search: slot werkt niet meer (1)", "search: zadel kapot (2)",
	}
	if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps\n%v\nwant\n%v", got, want)
	}
}
