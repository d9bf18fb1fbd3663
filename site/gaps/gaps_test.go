package gaps

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site/textnorm"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func search(q, visitor string, results int, clicked bool, ago time.Duration) Search {
	return Search{Query: q, Locale: "en", Source: "site", Visitor: visitor, Results: results, Clicked: clicked, Time: now.Add(-ago)}
}

func TestGroup(t *testing.T) {
	in := []Search{
		search("bike on train", "v1", 0, false, time.Hour),
		search("Train bike!", "v2", 0, false, 2*time.Hour),
		search("take my bikes", "v3", 0, false, 10*24*time.Hour),
		search("cancel plan", "v1", 4, true, time.Hour),      // succeeded
		search("export pdf", "v1", 3, false, time.Hour),      // no click
		search("export pdf", "v2", 3, false, 2*time.Hour),    // no click
		search("export pdf", "v2", 0, false, 3*time.Hour),    // a different kind
		search("lonely question", "v9", 0, false, time.Hour), // one visitor only
	}
	for i := 0; i < 500; i++ { // one visitor hammering counts once
		in = append(in, search("spam query", "bot", 0, false, time.Minute))
	}
	in = append(in, search("spam query", "v4", 0, false, time.Minute))
	got := Group(in, Options{Now: now, Terms: simpleTerms})
	byKey := map[string]Gap{}
	for _, g := range got {
		byKey[g.Kind+" "+g.Key] = g
	}
	bike, ok := byKey["no_results bike train"]
	if !ok {
		t.Fatalf("no bike/train gap in %+v", keys(got))
	}
	if bike.Visitors != 3 || bike.Searches != 3 || len(bike.Variants) != 3 || bike.Last7 != 2 || bike.Prev7 != 1 || bike.Last30 != 3 {
		t.Errorf("bike gap %+v", bike)
	}
	if bike.Sources["site"] != 3 || !bike.FirstSeen.Equal(now.Add(-10*24*time.Hour)) || !bike.LastSeen.Equal(now.Add(-time.Hour)) {
		t.Errorf("bike gap sources/dates %+v", bike)
	}
	if g, ok := byKey["no_click export pdf"]; !ok || g.Visitors != 2 || g.Query != "export pdf" {
		t.Errorf("no-click gap %+v (all: %v)", g, keys(got))
	}
	if _, ok := byKey["no_results export pdf"]; ok {
		t.Error("a gap of one visitor was listed")
	}
	if _, ok := byKey["no_results lonely question"]; ok {
		t.Error("a gap of one visitor was listed")
	}
	if g := byKey["no_results query spam"]; g.Visitors != 2 || g.Searches != 501 {
		t.Errorf("spam gap %+v", g)
	}
	if got[0].Key != "bike train" {
		t.Errorf("ranking: first gap %q, want the one most people hit", got[0].Key)
	}
	if _, ok := byKey["no_results cancel plan"]; ok {
		t.Error("a successful search became a gap")
	}
}

// simpleTerms stands in for the search analyzer: stop words out, plurals
// folded.
func simpleTerms(_, text string) []string {
	stop := map[string]bool{"on": true, "my": true, "the": true, "a": true}
	text = strings.ReplaceAll(text, "trian", "train") // the real analyzer fixes typos against the content
	var out []string
	for _, w := range strings.Fields(textnorm.Key(text)) {
		if !stop[w] {
			out = append(out, strings.TrimSuffix(w, "s"))
		}
	}
	sort.Strings(out)
	return out
}

func keys(gs []Gap) []string {
	var out []string
	for _, g := range gs {
		out = append(out, fmt.Sprintf("%s %s (%d)", g.Kind, g.Key, g.Visitors))
	}
	return out
}

func BenchmarkGroup100k(b *testing.B) {
	words := []string{"refund", "invoice", "bike", "train", "export", "pdf", "login", "password", "calendar", "sync", "team", "invite", "delete", "account", "sms", "reminder"}
	var in []Search
	for i := 0; i < 100000; i++ {
		q := words[i%len(words)] + " " + words[(i/7)%len(words)] + fmt.Sprintf(" w%d", i%300)
		in = append(in, search(q, fmt.Sprintf("v%d", i%5000), i%3, false, time.Duration(i)*time.Minute))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Group(in, Options{Now: now})
	}
}

func TestDecisions(t *testing.T) {
	in := []Search{
		search("export pdf", "v1", 0, false, 3*24*time.Hour),
		search("export pdf", "v2", 0, false, 2*24*time.Hour),
		search("export pdf", "v3", 0, false, time.Hour),
		search("spam words", "v1", 0, false, time.Hour),
		search("spam words", "v2", 0, false, time.Hour),
	}
	answered := now.Add(-36 * time.Hour)
	dec := map[string]Triage{
		ID(NoResults, "en", "export pdf"): {Status: StatusAnswered, AnsweredAt: &answered},
		ID(NoResults, "en", "spam word"):  {Status: StatusIgnored, Note: "bots"},
	}
	got := Group(in, Options{Now: now, Terms: simpleTerms, Decisions: dec})
	if len(got) != 1 {
		t.Fatalf("gaps %v: want the ignored one left out", keys(got))
	}
	if g := got[0]; g.Status != StatusAnswered || g.Before != 2 || g.After != 1 || g.ID != ID(NoResults, "en", "export pdf") {
		t.Errorf("answered gap %+v", g)
	}
	if got := Group(in, Options{Now: now, Terms: simpleTerms, Decisions: dec, KeepIgnored: true}); len(got) != 2 {
		t.Errorf("KeepIgnored: %v", keys(got))
	}
}

// TestScreensWithoutHelp: widget openings with no article group by screen:
// the context key, else the path with identifiers folded; never merged
// with searches or with each other by words.
func TestScreensWithoutHelp(t *testing.T) {
	open := func(ctx, path, visitor string) Search {
		return Search{Kind: NoHelp, Locale: "en", Source: "widget", Context: ctx, Path: path, Visitor: visitor, Time: now.Add(-time.Hour)}
	}
	in := []Search{
		open("", "/orders/8412/edit", "v1"),
		open("", "/orders/99/edit", "v2"),
		open("", "/orders/3f9a2c1b-77aa-4e5b-9c1d-0a1b2c3d4e5f/edit", "v3"),
		open("checkout", "/shop/cart", "v1"),
		open("checkout", "/shop/cart/2", "v2"),
		open("", "/settings/billing", "v1"),
		open("", "/settings/billing", "v2"),
		open("", "/settings", "v3"), // not merged into /settings/billing
		open("", "/settings", "v4"),
		search("settings billing", "v1", 0, false, time.Hour), // a search: its own kind
		search("settings billing", "v2", 0, false, time.Hour),
	}
	list := Group(in, Options{Now: now, Terms: simpleTerms})
	got := map[string]Gap{}
	for _, g := range list {
		got[g.Kind+" "+g.Key] = g
	}
	for key, visitors := range map[string]int{
		"no_help /orders/*/edit": 3, "no_help checkout": 2, "no_help /settings/billing": 2, "no_help /settings": 2, "no_results billing setting": 2,
	} {
		if g, ok := got[key]; !ok || g.Visitors != visitors {
			t.Errorf("%s: %+v, want %d visitors (all: %v)", key, g, visitors, keys(list))
		}
	}
	if len(got) != 5 {
		t.Errorf("gaps %v", keys(list))
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
		{"", "/", "/"},
		{"", "", ""},
	} {
		if got := Screen(c.ctx, c.path); got != c.want {
			t.Errorf("Screen(%q, %q) = %q, want %q", c.ctx, c.path, got, c.want)
		}
	}
}
