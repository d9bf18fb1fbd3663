package gaps_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// gapSummary lists a report's gaps as "locale kind query: visitors".
func gapSummary(rep gaps.Report) []string {
	var out []string
	for _, g := range rep.Gaps {
		out = append(out, fmt.Sprintf("%s %s %s: %d", g.Locale, g.Kind, strings.ToLower(g.Query), g.Visitors))
	}
	sort.Strings(out)
	return out
}

// TestGroupEdgeCases: spellings that differ only in case, accents or
// punctuation are one gap, in every script the normalisation folds;
// locales never mix; searches a visitor was satisfied by are no gap; the
// period, the locale filter and the visitor threshold count as documented.
func TestGroupEdgeCases(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	var recs []gaps.Record
	add := func(visitor, locale, query string, ago time.Duration) {
		recs = append(recs, gaps.Record{Query: query, Locale: locale, Source: site.SourceSite, Visitor: visitor, Time: now.Add(-ago)})
	}
	add("v1", "en", "Cancel Subscription", time.Hour)
	add("v2", "en", "cancel subscription!", 2*time.Hour)
	add("v3", "en", "  cancel   subscription ", 3*time.Hour)
	add("v4", "fr", "annulé abonnement", time.Hour)
	add("v5", "fr", "ANNULE ABONNEMENT", time.Hour)
	add("v6", "el", "ΚΩΔΙΚΟΣ ΠΡΟΣΒΑΣΗΣ", time.Hour) // Greek capitals, no accents
	add("v7", "el", "κωδικός πρόσβασης", time.Hour)
	add("v8", "en", "annulé abonnement", time.Hour) // same words, another locale
	add("v9", "en", "export calendar", 40*24*time.Hour)
	// A search that found what the visitor took is no gap.
	recs = append(recs, gaps.Record{Query: "reset password", Locale: "en", Source: site.SourceSite, Visitor: "v1",
		Results: 3, Satisfied: true, Time: now.Add(-time.Hour)})

	rep := gaps.Group(recs, nil, nil, gaps.Options{Now: now})
	want := []string{
		"el search κωδικός πρόσβασης: 2",
		"en search annulé abonnement: 1",
		"en search cancel subscription: 3",
		"en search export calendar: 1",
		"fr search annulé abonnement: 2",
	}
	got := gapSummary(rep)
	if len(got) != len(want) {
		t.Fatalf("gaps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		// The representative spelling is one the visitors typed; compare
		// it folded.
		if !sameGap(got[i], want[i]) {
			t.Errorf("gap %d = %q, want %q", i, got[i], want[i])
		}
	}
	for _, g := range rep.Gaps {
		if strings.Contains(strings.ToLower(g.Query), "reset password") {
			t.Errorf("a satisfied search is a gap: %+v", g)
		}
	}

	// The period counts only recent records, but keeps every gap's ID.
	recent := gaps.Group(recs, nil, nil, gaps.Options{Now: now, Since: now.Add(-7 * 24 * time.Hour)})
	for _, g := range recent.Gaps {
		if strings.Contains(g.Query, "export calendar") {
			t.Errorf("a gap from before the period is listed: %+v", g)
		}
	}
	ids := map[string]string{}
	for _, g := range rep.Gaps {
		ids[g.Locale+g.Kind+strings.ToLower(g.Query)] = g.ID
	}
	for _, g := range recent.Gaps {
		if id := ids[g.Locale+g.Kind+strings.ToLower(g.Query)]; id != "" && id != g.ID {
			t.Errorf("gap %q changed ID with the period: %s → %s", g.Query, id, g.ID)
		}
	}

	// One locale, and a threshold of visitors.
	fr := gaps.Group(recs, nil, nil, gaps.Options{Now: now, Locale: "fr"})
	if got := gapSummary(fr); len(got) != 1 || !strings.HasPrefix(got[0], "fr ") {
		t.Errorf("locale fr: %q", got)
	}
	two := gaps.Group(recs, nil, nil, gaps.Options{Now: now, MinVisitors: 3})
	if got := gapSummary(two); len(got) != 1 || !sameGap(got[0], "en search cancel subscription: 3") {
		t.Errorf("at least 3 visitors: %q", got)
	}

	// Nothing in, nothing out.
	if empty := gaps.Group(nil, nil, nil, gaps.Options{Now: now}); len(empty.Gaps) != 0 || empty.Searches != 0 {
		t.Errorf("no records: %+v", empty)
	}
}

// sameGap compares two summaries with their queries folded, since the
// representative spelling may be any the visitors typed.
func sameGap(got, want string) bool {
	fold := func(s string) string {
		return strings.NewReplacer("é", "e", "ό", "ο", "ς", "σ").Replace(strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "!", "")), " ")))
	}
	return fold(got) == fold(want)
}
