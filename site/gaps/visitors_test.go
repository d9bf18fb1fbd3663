package gaps_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestReformulationCountsPeople: two gaps join when the visitors who went
// from one to the other are half of the smaller gap's, counted as people:
// a visitor who typed two of a gap's phrasings is one of its visitors,
// not two (summed per phrasing, "screen flashing" and "screen flashes"
// had five visitors instead of four, and the two who went there from
// "display blinks" were not half of them).
func TestReformulationCountsPeople(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	search := func(q, visitor string, minute int) {
		records = append(records, gaps.Record{Query: q, Locale: "en", Source: site.SourceSite, Visitor: visitor, Time: at.Add(time.Duration(minute) * time.Minute)})
	}
	for _, v := range []string{"v1", "v2"} {
		search("display blinks", v, 0)
		search("screen flashing", v, 1)
	}
	for _, v := range []string{"v5", "v6", "v7"} {
		search("display blinks", v, 0)
	}
	search("screen flashing", "v3", 0)
	search("screen flashes", "v3", 1)
	search("screen flashes", "v4", 0)
	// Others asked other things: among seven people, two asking both
	// of two common questions is what chance makes.
	for i, q := range []string{"gift card balance", "change language", "delete account", "export invoices",
		"parking spot", "lost luggage", "newsletter unsubscribe", "opening hours", "warranty claim", "refund status"} {
		search(q, fmt.Sprint("o", i), 0)
	}
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1})
	gapOf := gapOfVariant(rep)
	if gapOf["display blinks"] == "" || gapOf["display blinks"] != gapOf["screen flashing"] || gapOf["screen flashing"] != gapOf["screen flashes"] {
		t.Errorf("gaps %v, want one: two of the four people of the smaller gap came from the other", gapOf)
	}
}

// TestNearestArticle: an unlinked-ticket gap shows the article nearest to
// most of its tickets and, of those nearest to as many, the closest, with
// its confidence as the linker gives it (three decimals, not the noise of
// a float32 read as a float64).
func TestNearestArticle(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	for i, tk := range []struct {
		subject, nearest string
		score            float32
	}{
		{"thermostat clicking loudly", "troubleshooting/noise", 0.266},
		{"thermostat clicking at night", "troubleshooting/relay", 0.32},
	} {
		records = append(records, gaps.Record{Query: tk.subject, Locale: "en", Source: "zendesk", Kind: gaps.UnlinkedTicket,
			Visitor: fmt.Sprint("t", i), Nearest: tk.nearest, NearestScore: float64(tk.score), Time: at.Add(time.Duration(i) * time.Hour)})
	}
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1})
	if len(rep.Gaps) != 1 {
		t.Fatalf("%d gaps, want one: %+v", len(rep.Gaps), rep.Gaps)
	}
	if g := rep.Gaps[0]; g.Nearest != "troubleshooting/relay" || g.NearestScore != 0.32 {
		t.Errorf("nearest %s %v, want troubleshooting/relay 0.32", g.Nearest, g.NearestScore)
	}
}

// TestScreensAsArticlesFitThem: a screen with no help is one gap however
// the app spells its context key ("Checkout", " checkout ") or its path
// ("/orders/", "/orders"), as articles' contexts fit them; it keeps the ID
// of its first spelling as others join.
func TestScreensAsArticlesFitThem(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	open := func(context, path, visitor string, hour int) {
		records = append(records, gaps.Record{Kind: gaps.NoHelp, Locale: "en", Source: site.SourceWidget, Context: context, Path: path,
			Visitor: visitor, Time: at.Add(time.Duration(hour) * time.Hour)})
	}
	open("Checkout", "/cart", "v1", 0)
	open("/orders/", "", "v1", 0)
	opts := gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1}
	first := map[string]string{}
	for _, g := range gaps.Group(records, nil, nil, opts).Gaps {
		first[gaps.ScreenKey(g.Key)] = g.ID
	}
	open("checkout", "/cart", "v2", 1)
	open(" checkout ", "/cart", "v3", 2)
	open("", "/orders", "v2", 1)
	open("", "/orders/", "v4", 3)
	rep := gaps.Group(records, nil, nil, opts)
	if len(rep.Gaps) != 2 {
		t.Fatalf("%d gaps, want 2 (checkout, /orders): %+v", len(rep.Gaps), rep.Gaps)
	}
	for _, g := range rep.Gaps {
		if g.Visitors != 3 || g.ID != first[gaps.ScreenKey(g.Key)] {
			t.Errorf("screen %q: %d visitors, ID %s; want 3 visitors and the ID it had, %s", g.Key, g.Visitors, g.ID, first[gaps.ScreenKey(g.Key)])
		}
		// Its paths too: "/orders/" is "/orders".
		if _, ok := g.Paths["/orders/"]; ok || g.Key == "/orders/" && g.Paths["/orders"] != 2 {
			t.Errorf("screen %q: paths %v, want /orders once", g.Key, g.Paths)
		}
	}
}

// TestScreenNamedWithFewerCapitals: a screen's spellings typed as often
// name its gap as the entry points name it (README: "between spellings as
// common, the one with fewer capitals, as for a phrasing"), not after the
// one seen first: "Profile-Page" then "profile-page", once each, is
// "profile-page" on the dashboard and was "Profile-Page" in the gap (rv21h).
func TestScreenNamedWithFewerCapitals(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	records := []gaps.Record{
		{Kind: gaps.NoHelp, Locale: "en", Source: site.SourceWidget, Context: "Profile-Page", Path: "/x", Visitor: "v1", Time: at},
		{Kind: gaps.NoHelp, Locale: "en", Source: site.SourceWidget, Context: "profile-page", Path: "/x", Visitor: "v2", Time: at.Add(time.Hour)},
	}
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1})
	if len(rep.Gaps) != 1 {
		t.Fatalf("%d gaps, want 1: %+v", len(rep.Gaps), rep.Gaps)
	}
	if g := rep.Gaps[0]; g.Query != "profile-page" || gaps.MostTyped("", []gaps.Spelling{{Text: "Profile-Page", N: 1}, {Text: "profile-page", N: 1}}) != g.Query {
		t.Errorf("screen gap named %q, want %q as the entry point", g.Query, "profile-page")
	}
}
