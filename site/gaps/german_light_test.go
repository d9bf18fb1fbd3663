package gaps

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestGermanLightWords: German words that say something is wrong, or
// since when, rather than what ("kaputt", "geht nicht mehr", "seit")
// weigh little, as "broken", "not working" and "anymore" do in English:
// they joined unrelated German questions into one gap.
func TestGermanLightWords(t *testing.T) {
	de := func(q, visitor string) Record {
		r := rec(q, visitor, 0, false, time.Hour)
		r.Locale = "de"
		return r
	}
	in := []Record{
		de("klingel kaputt", "a"), de("klingel kaputt", "b"),
		de("sattel kaputt", "c"), de("sattel kaputt", "d"),
		de("akku lädt nicht mehr seit update", "e"), de("rechnung fehlt seit august", "f"),
		de("app geht nicht mehr", "g"), de("licht geht nicht mehr", "h"),
	}
	want := []string{
		"search: akku lädt nicht mehr seit update (1)", "search: app geht nicht mehr (1)",
		"search: klingel kaputt (2)", "search: licht geht nicht mehr (1)",
		"search: rechnung fehlt seit august (1)", "search: sattel kaputt (2)",
	}
	if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps\n%v\nwant\n%v", got, want)
	}
	// Spanish, Italian and Portuguese too: the complaint words ticket
	// linking reads past (i18n.ComplaintWords) are the gap report's light
	// words ("no funciona", "non funziona più", "ainda não funciona").
	loc := func(locale, q, visitor string) Record {
		r := rec(q, visitor, 0, false, time.Hour)
		r.Locale = locale
		return r
	}
	for _, c := range []struct{ locale, a, b string }{
		{"es", "tarjeta regalo no funciona", "notificaciones no funciona"},
		{"it", "buono regalo non funziona", "notifiche non funziona"},
		{"pt", "vale presente nao funciona", "notificacoes nao funciona"},
	} {
		in = []Record{loc(c.locale, c.a, "a"), loc(c.locale, c.a, "b"), loc(c.locale, c.b, "c"), loc(c.locale, c.b, "d")}
		want = []string{"search: " + c.b + " (2)", "search: " + c.a + " (2)"}
		slices.Sort(want)
		if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: gaps\n%v\nwant\n%v", c.locale, got, want)
		}
	}
	// "since" and "depuis" likewise.
	in = []Record{
		rec("battery drains since update", "e", 0, false, time.Hour), rec("invoice missing since august", "f", 0, false, time.Hour),
	}
	want = []string{"search: battery drains since update (1)", "search: invoice missing since august (1)"}
	if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps\n%v\nwant\n%v", got, want)
	}
}

// TestCompoundPartsApart: a compound the failed set also types in two, in
// either order ("unfallversicherung", "unfall versicherung", "versicherung
// unfall"), is one question: joining the pair into the compound made two
// gaps of it, "unfall versicherung" sharing no word with "versicherung
// unfall".
func TestCompoundPartsApart(t *testing.T) {
	de := func(q, visitor string) Record {
		r := rec(q, visitor, 0, false, time.Hour)
		r.Locale = "de"
		return r
	}
	in := []Record{de("versicherung unfall", "a"), de("unfall versicherung", "b"), de("unfallversicherung", "c")}
	want := []string{"search: unfall versicherung, unfallversicherung, versicherung unfall (3)"}
	if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps\n%v\nwant\n%v", got, want)
	}
	in = []Record{rec("ticket season", "a", 0, false, time.Hour), rec("season ticket", "b", 0, false, time.Hour), rec("seasonticket", "c", 0, false, time.Hour)}
	want = []string{"search: season ticket, seasonticket, ticket season (3)"}
	if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps\n%v\nwant\n%v", got, want)
	}
}

// TestCompoundOfThreeTypedApart: a compound of three words typed apart
// ("huur auto verzekering") is the compound the failed set types joined
// ("huurautoverzekering"), through the pair it also types joined
// ("huurauto"): it joined "huur auto" alone and went to the gap of
// another question on "huurauto" (a newcomer, rv20g). Since compounds
// are read as their parts (decompounds), "eigen risico huurauto" shares
// "huur" and "auto" with them and joins too, as "excess rental car" joins
// "rental car insurance" in English: the test holds that the compound's
// spellings are one gap.
func TestCompoundOfThreeTypedApart(t *testing.T) {
	nl := func(q, visitor string) Record {
		r := rec(q, visitor, 0, false, time.Hour)
		r.Locale = "nl"
		return r
	}
	in := []Record{
		nl("huurautoverzekering", "a"), nl("huurautoverzekering", "f"), nl("huurauto verzekering", "b"), nl("eigen risico huurauto", "c"),
		nl("huur auto verzekering", "d"), nl("huurauto eigen risico", "e"), nl("eigen risico huurauto", "g"),
	}
	rep := Group(in, nil, nil, Options{Now: now})
	gapOf := map[string]string{}
	for _, g := range rep.Gaps {
		for _, v := range g.Variants {
			gapOf[v.Query] = g.ID
		}
	}
	if a, b, c := gapOf["huurautoverzekering"], gapOf["huurauto verzekering"], gapOf["huur auto verzekering"]; a == "" || a != b || a != c {
		t.Errorf("the compound's spellings are not one gap: %v", summary(rep))
	}
}
