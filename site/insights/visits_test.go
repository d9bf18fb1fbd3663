package insights

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestTallyVisits checks how activities become visits and deflection:
// what the dashboard's headline "deflection" figure is made of.
func TestTallyVisits(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }
	search := func(v string, min int) Activity {
		return Activity{Kind: KindSearch, Visitor: v, Time: at(min), Locale: "en", Source: site.SourceSite, Results: 3}
	}
	view := func(v string, min int, id string) Activity {
		return Activity{Kind: site.EventView, Visitor: v, Time: at(min), Locale: "en", Source: site.SourceSite, ArticleID: id}
	}
	contact := func(v string, min int) Activity {
		return Activity{Kind: site.EventContact, Visitor: v, Time: at(min), Locale: "en", Source: site.SourceSite}
	}
	for _, tt := range []struct {
		name                    string
		acts                    []Activity
		visits, self, deflected int
		contactsAfter           map[string]int // article → contacts after reading
	}{
		{name: "search then read, no contact: deflected",
			acts:   []Activity{search("a", 0), view("a", 1, "x")},
			visits: 1, self: 1, deflected: 1},
		{name: "read then contact: not deflected, the article counted",
			acts:   []Activity{view("a", 0, "x"), view("a", 2, "y"), contact("a", 5)},
			visits: 1, self: 1, contactsAfter: map[string]int{"x": 1, "y": 1}},
		{name: "article read after the contact is not counted",
			acts:   []Activity{view("a", 0, "x"), contact("a", 1), view("a", 2, "y"), contact("a", 3)},
			visits: 1, self: 1, contactsAfter: map[string]int{"x": 1}},
		{name: "the same article read twice counts one contact",
			acts:   []Activity{view("a", 0, "x"), view("a", 1, "x"), contact("a", 2)},
			visits: 1, self: 1, contactsAfter: map[string]int{"x": 1}},
		{name: "contact alone is a visit without self-service",
			acts:   []Activity{contact("a", 0)},
			visits: 1},
		{name: "exactly 30 minutes apart is one visit",
			acts:   []Activity{search("a", 0), contact("a", 30)},
			visits: 1, self: 1},
		{name: "31 minutes apart is two visits: the first deflected",
			acts:   []Activity{search("a", 0), contact("a", 31)},
			visits: 2, self: 1, deflected: 1},
		{name: "two visitors are two visits",
			acts:   []Activity{search("a", 0), search("b", 1)},
			visits: 2, self: 2, deflected: 2},
		{name: "activities without a visitor are each a visit",
			acts:   []Activity{search("", 0), contact("", 1)},
			visits: 2, self: 1, deflected: 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Tally(tt.acts)
			var visits, self, deflected int
			for _, d := range got.Days {
				visits += d.Visits
				self += d.SelfServiceVisits
				deflected += d.DeflectedVisits
			}
			if visits != tt.visits || self != tt.self || deflected != tt.deflected {
				t.Errorf("visits/self-service/deflected = %d/%d/%d, want %d/%d/%d", visits, self, deflected, tt.visits, tt.self, tt.deflected)
			}
			after := map[string]int{}
			for _, a := range got.Articles {
				if a.ContactsAfterReading > 0 {
					after[a.ArticleID] += a.ContactsAfterReading
				}
			}
			if len(after) != len(tt.contactsAfter) {
				t.Errorf("contacts after reading = %v, want %v", after, tt.contactsAfter)
			}
			for id, n := range tt.contactsAfter {
				if after[id] != n {
					t.Errorf("contacts after reading %s = %d, want %d", id, after[id], n)
				}
			}
		})
	}
}

// TestTallyMidnightSplitsVisit: a visit never spans two UTC days, each day
// counts the visit that started in it.
func TestTallyMidnightSplitsVisit(t *testing.T) {
	late := time.Date(2026, 11, 29, 23, 50, 0, 0, time.UTC)
	got := Tally([]Activity{
		{Kind: KindSearch, Visitor: "a", Time: late, Locale: "en", Source: site.SourceSite, Results: 1},
		{Kind: site.EventContact, Visitor: "a", Time: late.Add(15 * time.Minute), Locale: "en", Source: site.SourceSite},
	})
	if len(got.Days) != 2 {
		t.Fatalf("days = %+v, want two", got.Days)
	}
	first, second := got.Days[0], got.Days[1]
	if first.Day != "2026-11-29" || first.Visits != 1 || first.DeflectedVisits != 1 || first.Searches != 1 {
		t.Errorf("first day = %+v", first)
	}
	if second.Day != "2026-11-30" || second.Visits != 1 || second.Contacts != 1 || second.SelfServiceVisits != 0 {
		t.Errorf("second day = %+v", second)
	}
}

// TestTallyEntryPoints: widget activity is counted under its screen, a
// visit under the entry point where it started, votes split by answer.
func TestTallyEntryPoints(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	acts := []Activity{
		{Kind: KindOpen, Visitor: "w", Time: t0, Locale: "fr", Source: site.SourceWidget, Context: "checkout"},
		{Kind: KindSearch, Visitor: "w", Time: t0.Add(time.Minute), Locale: "fr", Source: site.SourceWidget, Context: "checkout", Results: 0},
		{Kind: site.EventVote, Visitor: "w", Time: t0.Add(2 * time.Minute), Locale: "fr", Source: site.SourceSite, ArticleID: "x", Helpful: false},
		{Kind: site.EventVote, Visitor: "z", Time: t0, Locale: "fr", Source: site.SourceSite, ArticleID: "x", Helpful: true},
	}
	got := Tally(acts)
	var widget, siteDay *Day
	for i := range got.Days {
		d := &got.Days[i]
		switch d.Source {
		case site.SourceWidget:
			widget = d
		case site.SourceSite:
			siteDay = d
		}
	}
	if widget == nil || siteDay == nil {
		t.Fatalf("days = %+v, want one widget and one site row", got.Days)
	}
	if widget.Screen == "" || widget.WidgetOpens != 1 || widget.NoResultSearches != 1 || widget.Visits != 1 || widget.DeflectedVisits != 1 {
		t.Errorf("widget row = %+v", *widget)
	}
	if siteDay.HelpfulVotes != 1 || siteDay.NotHelpfulVotes != 1 || siteDay.Visits != 1 {
		t.Errorf("site row = %+v", *siteDay)
	}
	if len(got.Articles) != 1 || got.Articles[0].Helpful != 1 || got.Articles[0].NotHelpful != 1 || got.Articles[0].Locale != "fr" {
		t.Errorf("articles = %+v", got.Articles)
	}
}

// TestTallyEntrySameMillisecond: a widget opening and its search recorded
// in the same millisecond, read search first, enter by the widget's screen.
func TestTallyEntrySameMillisecond(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	acts := []Activity{
		{Kind: KindSearch, Visitor: "w", Time: t0, Locale: "en", Source: site.SourceWidget, Results: 2, Satisfied: true},
		{Kind: KindOpen, Visitor: "w", Time: t0, Locale: "en", Source: site.SourceWidget, Context: "checkout"},
	}
	got := Tally(acts)
	visits := map[string]int{}
	for _, d := range got.Days {
		visits[d.Source+" "+d.Screen] += d.Visits
	}
	if visits["widget checkout"] != 1 || len(visits) != 1 && visits["widget "] != 0 {
		t.Errorf("visits by entry point %v, want one by the widget on checkout", visits)
	}
}

func TestTallySearchOutcomes(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	var acts []Activity
	for i, s := range []struct {
		results   int
		satisfied bool
	}{{0, false}, {0, true}, {5, true}, {5, false}, {1, false}} {
		acts = append(acts, Activity{Kind: KindSearch, Visitor: string(rune('a' + i)), Time: t0, Locale: "en", Source: site.SourceSite, Results: s.results, Satisfied: s.satisfied})
	}
	got := Tally(acts)
	if len(got.Days) != 1 {
		t.Fatalf("days = %+v", got.Days)
	}
	d := got.Days[0]
	// {0, true}: only related articles, one of them opened: an answer
	// found, as the gap report reads it (gaps.Record.Failure).
	if d.Searches != 5 || d.NoResultSearches != 1 || d.ClickedSearches != 2 || d.NoClickSearches != 2 {
		t.Errorf("searches %d = %d no result + %d clicked + %d no click, want 5 = 1+2+2", d.Searches, d.NoResultSearches, d.ClickedSearches, d.NoClickSearches)
	}
}

func TestPeriodLocaleAndDays(t *testing.T) {
	now := time.Date(2026, 11, 30, 23, 59, 0, 0, time.FixedZone("x", -5*3600)) // already Dec 1 in UTC
	p, err := ParsePeriod(" 7d ", "", " pt-BR ", []string{"en", "pt-BR"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if p.Locale != "pt-BR" || p.Last() != "2026-12-01" || p.First() != "2026-11-25" {
		t.Errorf("period = %s..%s locale %q, want 2026-11-25..2026-12-01 pt-BR", p.First(), p.Last(), p.Locale)
	}
	if got := p.dayList(); len(got) != 7 || got[0] != "2026-11-25" || got[6] != "2026-12-01" {
		t.Errorf("dayList = %v", got)
	}
	if prev := p.Previous(); prev.First() != "2026-11-18" || prev.Last() != "2026-11-24" {
		t.Errorf("previous = %s..%s", prev.First(), prev.Last())
	}
	for _, tt := range []struct{ since, until, locale, field string }{
		{"3661d", "", "", "since"},
		{"2016-01-01", "2026-11-30", "", "at most"},
		{"7d", "", strings.Repeat("x", 36), "locale"},
		{"-3d", "", "", "since"},
		{"7d", "", "de", "locale"},
		{"7d", "", "en,pt", "locale"},
	} {
		if _, err := ParsePeriod(tt.since, tt.until, tt.locale, []string{"en", "pt-BR"}, now); err == nil || site.ErrorCode(err) != site.EINVALID || !strings.Contains(err.Error(), tt.field) {
			t.Errorf("ParsePeriod(%q, %q, %q) error = %v, want EINVALID naming %s", tt.since, tt.until, tt.locale, err, tt.field)
		}
	}
}

// TestPeriodLocaleRead: a period's locale is read as every API reads a
// locale parameter (i18n.Resolve): in any case, with "-" or "_", and a
// region the site lacks is the version its readers expect, so the
// insights of an Italian site filter on it_IT as its search API does.
func TestPeriodLocaleRead(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	site := []string{"en", "it", "pt-BR", "es-419"}
	for _, tt := range []struct{ asked, want string }{
		{"it", "it"}, {"IT", "it"}, {"it_IT", "it"}, {"it-it", "it"},
		{"pt_br", "pt-BR"}, {"pt-PT", "pt-BR"}, {"es-MX", "es-419"}, {"en-GB", "en"}, {"", ""},
	} {
		p, err := ParsePeriod("7d", "", tt.asked, site, now)
		if err != nil || p.Locale != tt.want {
			t.Errorf("ParsePeriod(locale %q) = %q, %v, want %q", tt.asked, p.Locale, err, tt.want)
		}
	}
	for _, asked := range []string{"de", "de-DE", "xx", "en, it", "<b>"} {
		_, err := ParsePeriod("7d", "", asked, site, now)
		if err == nil || !strings.Contains(err.Error(), "locale") || !strings.Contains(err.Error(), "en, it, pt-BR, es-419") {
			t.Errorf("ParsePeriod(locale %q) error = %v, want one naming locale and the site's", asked, err)
		}
	}
}

// TestCSVFormulaCells: text a visitor wrote (a comment, an article title)
// must not run as a spreadsheet formula when support opens the export.
func TestCSVFormulaCells(t *testing.T) {
	var buf bytes.Buffer
	last := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	err := WriteCommentsCSV(&buf, []Comment{
		{ArticleID: "a", Locale: "en", Comment: `=HYPERLINK("http://evil","x")`, Count: 2, Last: last},
		{ArticleID: "b", Locale: "en", Comment: "plain, with comma\nand newline", Count: 1, Last: last},
		{ArticleID: "c", Locale: "en", Comment: "-1+1", Count: 1, Last: last},
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("export is not valid CSV: %v", err)
	}
	want := [][]string{
		{"article_id", "locale", "comment", "votes", "last"},
		{"a", "en", `'=HYPERLINK("http://evil","x")`, "2", "2026-11-30T08:00:00Z"},
		{"b", "en", "plain, with comma\nand newline", "1", "2026-11-30T08:00:00Z"},
		{"c", "en", "'-1+1", "1", "2026-11-30T08:00:00Z"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows = %q", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}

func TestArticlesCSVRates(t *testing.T) {
	share := 2.0 / 3
	var buf bytes.Buffer
	err := WriteArticlesCSV(&buf, []Article{
		{ID: "billing/refund", Locale: "en", Title: "@Refunds", URL: "/en/billing/refund", Views: 10, Helpful: 2, NotHelpful: 1, HelpfulShare: &share,
			Updated: time.Date(2026, 11, 2, 23, 0, 0, 0, time.FixedZone("x", -3*3600))},
		{ID: "new", Locale: "en", Title: "New"},
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("rows = %q", rows)
	}
	if got := rows[1]; got[2] != "'@Refunds" || got[5] != "2026-11-03" || got[9] != "0.6667" {
		t.Errorf("row = %q, want title '@Refunds, updated 2026-11-03 (UTC), helpful_share 0.6667", got)
	}
	if got := rows[2]; got[5] != "" || got[9] != "" {
		t.Errorf("article without votes or date = %q, want empty updated and helpful_share", got)
	}
}

// TestFigureFormat: the dashboard shows rates as percentages with one
// decimal and counts as integers; CSV keeps rates from 0 to 1; an
// undefined rate (no searches) is blank, never 0% or NaN.
func TestFigureFormat(t *testing.T) {
	rateFig, countFig := Figure{Key: "deflection", Rate: true}, Figure{Key: "views"}
	f := func(v float64) *float64 { return &v }
	for _, tt := range []struct {
		fig       Figure
		v         *float64
		shown, in string
	}{
		{rateFig, f(2.0 / 3), "66.7%", "0.6667"},
		{rateFig, f(1), "100.0%", "1.0000"},
		{rateFig, f(0), "0.0%", "0.0000"},
		{rateFig, nil, "", ""},
		{countFig, f(1234), "1234", "1234"},
		{countFig, nil, "", ""},
	} {
		if got := tt.fig.Format(tt.v); got != tt.shown {
			t.Errorf("%s Format = %q, want %q", tt.fig.Key, got, tt.shown)
		}
		if got := tt.fig.rawValue(tt.v); got != tt.in {
			t.Errorf("%s rawValue = %q, want %q", tt.fig.Key, got, tt.in)
		}
	}
	// Every rate of the real list is undefined on a day without activity.
	var empty Figures
	empty.addDay(Day{Day: "2026-11-30", Locale: "en", Source: "site"})
	empty.rates(true)
	for _, fig := range FigureList {
		if v := fig.Value(empty); fig.Rate && v != nil {
			t.Errorf("%s on an empty day = %v, want undefined", fig.Key, *v)
		} else if !fig.Rate && (v == nil || *v != 0) {
			t.Errorf("%s on an empty day = %v, want 0", fig.Key, v)
		}
	}
}

// TestRatesOfFailedSearches: when every search found nothing, the
// no-result rate is 100% and the click-through rate is undefined (no
// result was offered), not 0%.
func TestRatesOfFailedSearches(t *testing.T) {
	var f Figures
	f.addDay(Day{Searches: 3, NoResultSearches: 3, Visits: 3, SelfServiceVisits: 3, DeflectedVisits: 2})
	f.addDay(Day{Searches: 1, NoResultSearches: 1, Contacts: 1, Visits: 1, SelfServiceVisits: 1})
	f.rates(f.Contacts > 0)
	if f.NoResultRate == nil || *f.NoResultRate != 1 {
		t.Errorf("no-result rate = %v, want 1", f.NoResultRate)
	}
	if f.ClickThroughRate != nil {
		t.Errorf("click-through rate = %v, want undefined", *f.ClickThroughRate)
	}
	if f.Deflection == nil || *f.Deflection != 0.5 {
		t.Errorf("deflection = %v, want 2 of 4 self-service visits", f.Deflection)
	}
	if f.HelpfulShare != nil {
		t.Errorf("helpful share without votes = %v, want undefined", *f.HelpfulShare)
	}
}
