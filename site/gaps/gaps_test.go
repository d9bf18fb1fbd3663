package gaps

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func rec(q, visitor string, results int, satisfied bool, ago time.Duration) Record {
	return Record{Query: q, Locale: "en", Source: "site", Visitor: visitor, Results: results, Satisfied: satisfied, Time: now.Add(-ago)}
}

// summary lists gaps as "kind: variant, variant (visitors)".
func summary(rep Report) []string {
	var out []string
	for _, g := range rep.Gaps {
		var vs []string
		for _, v := range g.Variants {
			vs = append(vs, v.Query)
		}
		sort.Strings(vs)
		out = append(out, fmt.Sprintf("%s: %s (%d)", g.Kind, strings.Join(vs, ", "), g.Visitors))
	}
	sort.Strings(out)
	return out
}

func TestGroupCountsPeople(t *testing.T) {
	in := []Record{
		rec("export pdf", "v1", 3, false, time.Hour),        // no click
		rec("export pdf", "v2", 0, false, 2*time.Hour),      // no results: the same gap
		rec("Export PDF!", "v3", 0, false, 10*24*time.Hour), // another spelling of the phrasing
		rec("cancel plan", "v1", 4, true, time.Hour),        // succeeded
		rec("lonely question", "v9", 0, false, time.Hour),
		rec("anonymous", "", 0, false, time.Hour), // no visitor hash: a person of its own
		rec("anonymous", "", 0, false, time.Hour),
	}
	for i := 0; i < 500; i++ { // one visitor hammering counts once
		in = append(in, rec("spam query", "bot", 0, false, time.Minute))
	}
	in = append(in, rec("spam query", "v4", 0, false, time.Minute))
	rep := Group(in, nil, nil, Options{Now: now, MinVisitors: 2, TopQueries: 3})
	want := []string{"search: anonymous (2)", "search: export pdf (3)", "search: spam query (2)"}
	if got := summary(rep); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("gaps %v, want %v", got, want)
	}
	for _, g := range rep.Gaps {
		switch g.Query {
		case "export pdf":
			if g.Searches != 3 || g.NoResults != 2 || g.NoClick != 1 || g.NoResultsVisitors != 2 || g.NoClickVisitors != 1 ||
				g.Last7 != 2 || g.Prev7 != 1 || g.Last30 != 3 || !g.FirstSeen.Equal(now.Add(-10*24*time.Hour)) {
				t.Errorf("export gap %+v", g)
			}
		case "spam query":
			if g.Searches != 501 || rep.Gaps[0].Query != "spam query" && rep.Gaps[0].Visitors < g.Visitors {
				t.Errorf("spam gap %+v", g)
			}
		}
	}
	if rep.Gaps[0].Query != "export pdf" {
		t.Errorf("ranking: first gap %q, want the one most people hit", rep.Gaps[0].Query)
	}
	if rep.Searches != 507 || len(rep.Queries) != 3 || rep.Queries[0].Query != "export pdf" || rep.Queries[0].Visitors != 3 || rep.Queries[0].Failed != 3 {
		t.Errorf("report totals %d, queries %+v", rep.Searches, rep.Queries)
	}
}

// TestReformulations: a phrasing only one visitor typed joins the gap that
// visitor reformulated from; two phrasings several people used need two
// visitors going between them.
func TestReformulations(t *testing.T) {
	in := []Record{
		// "bring my puppy" (one visitor) after "dog train": joins.
		rec("dog train", "a", 0, false, 10*time.Minute), rec("bring my puppy", "a", 0, false, 9*time.Minute),
		rec("dog train", "b", 0, false, time.Hour),
		// One visitor looked for two things: "wifi password" and
		// "sleeper cabin" are each used by others, so they stay apart.
		rec("wifi password", "c", 0, false, 20*time.Minute), rec("sleeper cabin", "c", 0, false, 19*time.Minute),
		rec("wifi password", "d", 0, false, time.Hour), rec("sleeper cabin", "e", 0, false, time.Hour),
		// Two visitors going from "refund ticket" to "money back": joined.
		rec("refund ticket", "f", 0, false, 30*time.Minute), rec("money back", "f", 0, false, 29*time.Minute),
		rec("refund ticket", "g", 0, false, 30*time.Minute), rec("money back", "g", 0, false, 28*time.Minute),
		rec("refund ticket", "h", 0, false, time.Hour), rec("money back", "i", 0, false, time.Hour),
		// More than 30 minutes apart: another visit.
		rec("luggage rack", "j", 0, false, 3*time.Hour), rec("bike space", "j", 0, false, time.Hour),
	}
	want := []string{
		"search: bike space (1)", "search: bring my puppy, dog train (2)", "search: luggage rack (1)",
		"search: money back, refund ticket (4)", "search: sleeper cabin (2)", "search: wifi password (2)",
	}
	if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps\n%v\nwant\n%v", got, want)
	}
}

// otherQuestions are failed searches of other visitors, each its own
// question, that make a test's help center more than its few visitors.
var otherQuestions = []string{"gift card balance", "change language", "delete account", "export invoices",
	"parking spot", "lost luggage", "newsletter unsubscribe", "opening hours", "warranty claim", "refund status"}

// TestReformulationsDoNotChain: two visitors who each went from a
// different part of a group to another phrasing do not join it: each
// went between two groups only once. "jar deposit" and "loyalty
// program" join (two visitors went between them); "delivery abroad",
// reached once from each, stays a gap of its own (it joined, and a
// draft for the promo-code gap listed four topics; a newcomer, rv19a).
func TestReformulationsDoNotChain(t *testing.T) {
	var in []Record
	visit := func(visitor string, queries ...string) {
		for i, q := range queries {
			in = append(in, rec(q, visitor, 0, false, time.Duration(30-i)*time.Minute))
		}
	}
	visit("v1", "jar deposit")
	visit("v2", "jar deposit")
	visit("v3", "jar deposit", "loyalty program")
	visit("v4", "jar deposit", "loyalty program")
	visit("v5", "loyalty program")
	visit("v6", "delivery abroad")
	visit("v7", "delivery abroad")
	visit("v8", "jar deposit", "delivery abroad")
	visit("v9", "loyalty program", "delivery abroad")
	// Others asked other things (a help center has more than nine
	// visitors: among nine, two asking both of two common questions
	// is what chance makes).
	for i, q := range otherQuestions {
		visit(fmt.Sprint("o", i), q)
	}
	want := []string{"search: delivery abroad (4)", "search: jar deposit, loyalty program (7)"}
	if got := summary(Group(in, nil, nil, Options{Now: now, MinVisitors: 2})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps\n%v\nwant\n%v", got, want)
	}
}

// TestScreensWithoutHelp: widget openings with no article group by screen:
// the context key, else the path with identifiers folded; never merged
// with searches or with each other by words.
func TestScreensWithoutHelp(t *testing.T) {
	open := func(ctx, path, visitor string) Record {
		return Record{Kind: NoHelp, Locale: "en", Source: "widget", Context: ctx, Path: path, Visitor: visitor, Time: now.Add(-time.Hour)}
	}
	in := []Record{
		open("", "/orders/8412/edit", "v1"),
		open("", "/orders/99/edit", "v2"),
		open("", "/orders/3f9a2c1b-77aa-4e5b-9c1d-0a1b2c3d4e5f/edit", "v3"),
		open("checkout", "/shop/cart", "v1"),
		open("checkout", "/shop/cart/2", "v2"),
		open("", "/settings/billing", "v1"),
		open("", "/settings/billing", "v2"),
		open("", "/settings", "v3"), // not merged into /settings/billing
		open("", "/settings", "v4"),
		rec("settings billing", "v1", 0, false, time.Hour), // a search: its own kind
		rec("settings billing", "v2", 0, false, time.Hour),
	}
	rep := Group(in, nil, nil, Options{Now: now})
	got := map[string]Gap{}
	for _, g := range rep.Gaps {
		got[g.Kind+" "+g.Key] = g
	}
	for key, visitors := range map[string]int{
		"no_help /orders/*/edit": 3, "no_help checkout": 2, "no_help /settings/billing": 2, "no_help /settings": 2, "search billing settings": 2,
	} {
		if g, ok := got[key]; !ok || g.Visitors != visitors {
			t.Errorf("%s: %+v, want %d visitors (all: %v)", key, g, visitors, summary(rep))
		}
	}
	if len(got) != 5 || rep.Openings != 9 {
		t.Errorf("gaps %v, openings %d", summary(rep), rep.Openings)
	}
	if g := got["no_help checkout"]; g.Paths["/shop/cart"] != 1 || g.Paths["/shop/cart/*"] != 1 || g.Contexts["checkout"] != 2 {
		t.Errorf("where the checkout screen was seen: %v %v", g.Paths, g.Contexts)
	}
}

func TestScreen(t *testing.T) {
	for _, c := range []struct{ ctx, path, want string }{
		{"checkout", "/x/1", "checkout"},
		{"", "/orders/8412", "/orders/*"},
		{"", "/invoices/inv_8412/pdf", "/invoices/*/pdf"},
		{"", "/v2/step3/2fa", "/v2/step3/2fa"},
		{"", "/reports/2024-05-01", "/reports/*"},
		{"", "/p/a3f9c1", "/p/*"},
		{"", "/solar/panels/[number]/details", "/solar/panels/*/details"},
		{"", "/meters/E[number]/status", "/meters/*/status"},
		{"", "/call/[phone]", "/call/*"},
		{"", "/", "/"},
		{"", "//", "/"},
		{"", "/orders/77/edit/", "/orders/*/edit"},
		{"", "/moving/", "/moving"},
		// Stored before paths were cleaned (left21a).
		{"", "/contracts/55/sign/../../admin", "/contracts/admin"},
		{"", "//contracts//55/sign", "/contracts/*/sign"},
		{"", "", ""},
	} {
		if got := Screen(c.ctx, c.path); got != c.want {
			t.Errorf("Screen(%q, %q) = %q, want %q", c.ctx, c.path, got, c.want)
		}
	}
}

// TestTypoFixes: a rarer spelling joins a more frequent one of the failed
// set; short words, numbers and words the content uses are taken as
// typed, and a word the content uses is a spelling others may join.
func TestTypoFixes(t *testing.T) {
	freq := map[string]int{"refund": 9, "refnd": 1, "compensation": 4, "compensaton": 1, "compnsaton": 1,
		"card": 5, "cart": 1, "error": 3, "erorr": 1, "0x8004de8a": 3, "0x8004de8b": 1, "property": 1, "propery": 1,
		"change": 6, "charge": 2, "chargee": 1}
	fixes := typoFixes(freq, func(w string) bool { return w == "charge" })
	want := map[string]string{"refnd": "refund", "compensaton": "compensation", "compnsaton": "compensation", "erorr": "error", "propery": "property",
		"chargee": "charge"}
	if fmt.Sprint(fixes) != fmt.Sprint(want) {
		t.Errorf("fixes %v, want %v", fixes, want)
	}
}

// TestTypoFixesCrowded: past manyWords distinct words (a flood of random
// words), a word typed once still joins a frequent spelling one edit away,
// but no longer draws others to itself, nor joins two edits away.
func TestTypoFixesCrowded(t *testing.T) {
	freq := map[string]int{"refund": 9, "refnd": 1, "compensation": 4, "compnsaton": 1, "zebrafish": 1, "zebrafsh": 1}
	for i := 0; len(freq) <= manyWords; i++ {
		freq[fmt.Sprintf("q%dx", i)] = 1 // numbers are taken as typed
	}
	fixes := typoFixes(freq, func(string) bool { return false })
	if fixes["refnd"] != "refund" {
		t.Errorf("refnd -> %q, want refund", fixes["refnd"])
	}
	if f, ok := fixes["compnsaton"]; ok {
		t.Errorf("compnsaton -> %q, want no two-edit fix when crowded", f)
	}
	if f, ok := fixes["zebrafsh"]; ok {
		t.Errorf("zebrafsh -> %q: a word typed once is not a spelling when crowded", f)
	}
}

// TestCompounds: a word the failed set spells joined and in two is one.
func TestCompounds(t *testing.T) {
	in := []Record{
		rec("wifi", "a", 0, false, time.Hour), rec("wifi password", "b", 0, false, time.Hour),
		rec("wi-fi not working", "c", 0, false, time.Hour),
		rec("season ticket", "d", 0, false, time.Hour), rec("season ticket renewal", "e", 0, false, time.Hour),
		rec("seasonticket", "f", 0, false, time.Hour),
	}
	want := []string{"search: season ticket, season ticket renewal, seasonticket (3)", "search: wi-fi not working, wifi, wifi password (3)"}
	if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps %v, want %v", got, want)
	}
}

// TestCompoundCodes: a code's letters and number typed apart or with a
// hyphen are the code typed joined ("W-4", "w 4", "w4"); another number
// is another code.
func TestCompoundCodes(t *testing.T) {
	in := []Record{
		rec("W-4", "a", 0, false, time.Hour), rec("w4", "b", 0, false, time.Hour),
		rec("w 4", "c", 0, false, time.Hour), rec("w2", "d", 0, false, time.Hour),
	}
	want := []string{"search: W-4, w4 (3)", "search: w2 (1)"}
	if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps %v, want %v", got, want)
	}
}

// TestWriteCSV: text a spreadsheet would run as a formula is defused.
func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	g := Gap{ID: "x", Kind: KindSearch, Query: "=cmd|' /c calc'!A0", Variants: []Variant{{Query: "@SUM(1)", Searches: 2}}, Note: "+1"}
	if err := WriteCSV(&b, []Gap{g}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`'=cmd|' /c calc'!A0`, `'@SUM(1) (2)`, `,'+1,`} {
		if !strings.Contains(out, want) {
			t.Errorf("csv lacks %q:\n%s", want, out)
		}
	}
}

// TestReformulationsAcrossLocales: a visitor who searched in one language,
// then in another, links two phrasings of different locales; gaps are per
// locale, so that visit joins nothing, and the report does not fail
// (it indexed the other locale's phrasings with this one's numbers, out of
// range: a panic that ended the server at the next publication).
func TestReformulationsAcrossLocales(t *testing.T) {
	de := func(q, visitor string, ago time.Duration) Record {
		r := rec(q, visitor, 0, false, ago)
		r.Locale = "de"
		return r
	}
	in := []Record{
		de("rechnung fehlt", "u", 20*time.Minute), // first read: the lowest phrasing number
		rec("alpha", "a", 0, false, 10*time.Minute), rec("beta", "b", 0, false, 10*time.Minute),
		rec("gamma", "c", 0, false, 10*time.Minute), rec("delta", "d", 0, false, 10*time.Minute),
		rec("zulu", "v", 0, false, 9*time.Minute), de("rechnung fehlt", "v", 8*time.Minute),
		de("rechnung fehlt", "w", 8*time.Minute), rec("zulu", "w", 0, false, 7*time.Minute),
		de("rechnung fehlt", "x", 6*time.Minute), rec("zulu", "x", 0, false, 5*time.Minute),
	}
	want := []string{
		"search: alpha (1)", "search: beta (1)", "search: delta (1)", "search: gamma (1)",
		"search: rechnung fehlt (4)", "search: zulu (3)",
	}
	if got := summary(Group(in, nil, nil, Options{Now: now})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps\n%v\nwant\n%v", got, want)
	}
}

// TestKindWords: each kind of gap is named in people's words, as the
// README names it, in messages.
func TestKindWords(t *testing.T) {
	for _, c := range []struct{ kind, want string }{
		{KindSearch, "a gap of failed searches"},
		{UnlinkedTicket, "a gap of unlinked tickets"},
		{NoHelp, "a gap of screens with no help"},
		{"other", `a gap of kind "other"`},
	} {
		if got := kindWords(c.kind); got != c.want {
			t.Errorf("kindWords(%q) = %q, want %q", c.kind, got, c.want)
		}
	}
}

// TestTrendOutsideThePeriod: the trend columns count the days they name
// whatever the period listed: a 7-day report still says how many people
// hit the gap the 7 days before (PREV 7D was always 0, every gap "new")
// and in the last 30 days; a past custom period's trend ends with it
// (its 7D counted the 7 days before today, 0 for a period a month ago).
func TestTrendOutsideThePeriod(t *testing.T) {
	day := 24 * time.Hour
	in := []Record{
		rec("wine pairing", "a", 0, false, time.Hour),
		rec("wine pairing", "b", 0, false, 2*day),
		rec("wine pairing", "c", 0, false, 10*day),
		rec("wine pairing", "d", 0, false, 20*day),
		rec("wine pairing", "e", 0, false, 40*day),
		rec("wine pairing", "f", 0, false, 45*day),
	}
	for _, c := range []struct {
		name         string
		since, until time.Time
		visitors     int
		last7, prev7 int
		last30       int
	}{
		{"7 days", now.Add(-7 * day), time.Time{}, 2, 2, 1, 4},
		{"30 days", now.Add(-30 * day), time.Time{}, 4, 2, 1, 4},
		{"90 days", now.Add(-90 * day), time.Time{}, 6, 2, 1, 4},
		{"a past week", now.Add(-46 * day), now.Add(-39 * day), 2, 2, 0, 2},
		{"until 5 days ago", now.Add(-30 * day), now.Add(-5 * day), 2, 1, 0, 2},
	} {
		rep := Group(in, nil, nil, Options{Now: now, Since: c.since, Until: c.until, MinVisitors: 1})
		if len(rep.Gaps) != 1 {
			t.Fatalf("%s: %v", c.name, summary(rep))
		}
		g := rep.Gaps[0]
		if g.Visitors != c.visitors || g.Last7 != c.last7 || g.Prev7 != c.prev7 || g.Last30 != c.last30 {
			t.Errorf("%s: visitors %d, 7d %d, prev 7d %d, 30d %d; want %d, %d, %d, %d", c.name,
				g.Visitors, g.Last7, g.Prev7, g.Last30, c.visitors, c.last7, c.prev7, c.last30)
		}
	}
}

// TestFewVisitorsTwoQuestions: on a new help center, two of its five
// visitors each asked both of its two common questions in one visit;
// that is what chance makes of so few people, not evidence that the two
// are one, and "dark mode" and "student discount" were one gap (a
// newcomer, rv21a). The same two steps among many visitors join.
func TestFewVisitorsTwoQuestions(t *testing.T) {
	var in []Record
	visit := func(visitor string, queries ...string) {
		for i, q := range queries {
			in = append(in, rec(q, visitor, 0, false, time.Duration(30-i)*time.Minute))
		}
	}
	visit("a", "dark mode", "student discount")
	visit("b", "dark mode")
	visit("c", "night mode", "student discount")
	visit("d", "student discount")
	visit("e", "darkmode")
	want := []string{"search: dark mode, darkmode, night mode (4)", "search: student discount (3)"}
	if got := summary(Group(in, nil, nil, Options{Now: now, MinVisitors: 2})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gaps\n%v\nwant\n%v", got, want)
	}
	for i, q := range otherQuestions {
		visit(fmt.Sprint("o", i), q)
	}
	want = []string{"search: dark mode, darkmode, night mode, student discount (5)"}
	if got := summary(Group(in, nil, nil, Options{Now: now, MinVisitors: 2})); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("with ten more visitors, gaps\n%v\nwant\n%v", got, want)
	}
}
