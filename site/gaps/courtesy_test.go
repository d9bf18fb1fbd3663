package gaps_test

import (
	"testing"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestGreetingsGroupNothing: the greeting a failed search opens with ("bom
// dia,", "boa tarde,", "good morning,") says nothing of what is missing,
// as search and autocomplete read it (textnorm.TrimCourtesy): queries that
// share only their greeting are different gaps, and each joins the gap of
// its topic typed without one. "bom dia, erro E-15" and "bom dia,
// estorno" were one gap, named by their greeting, apart from "erro E-15"
// and "estorno".
func TestGreetingsGroupNothing(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	ty := typists{at: at}
	ty.add("estorno", 3)
	ty.add("bom dia, estorno", 2)
	ty.add("erro E-15", 3)
	ty.add("bom dia, erro E-15", 2)
	ty.add("cupom de desconto", 3)
	ty.add("boa tarde, cupom de desconto", 2)
	ty.add("boa tarde, erro E-15", 2)
	ty.add("good morning, pay with bitcoin", 2)
	ty.add("good morning, export to pdf", 2)
	ty.add("bom dia", 2)
	ty.add("olá, bom dia", 2)
	rep := gaps.Group(ty.records, nil, nil, gaps.Options{Now: at.Add(30 * 24 * time.Hour)})
	gapOf := gapOfVariant(rep)
	for _, pair := range [][2]string{
		{"bom dia, estorno", "bom dia, erro E-15"},
		{"boa tarde, cupom de desconto", "boa tarde, erro E-15"},
		{"good morning, pay with bitcoin", "good morning, export to pdf"},
	} {
		if gapOf[pair[0]] == gapOf[pair[1]] {
			t.Errorf("%q and %q in one gap: they share only a greeting", pair[0], pair[1])
		}
	}
	for _, pair := range [][2]string{
		{"bom dia, estorno", "estorno"},
		{"bom dia, erro E-15", "erro E-15"},
		{"boa tarde, erro E-15", "erro E-15"},
		{"boa tarde, cupom de desconto", "cupom de desconto"},
	} {
		if gapOf[pair[0]] == "" || gapOf[pair[0]] != gapOf[pair[1]] {
			t.Errorf("%q and %q apart, want one gap", pair[0], pair[1])
		}
	}
	// A search of greetings only ("bom dia", "olá, bom dia") asks nothing:
	// no gap, though it counts among the searches (rv19d).
	for _, q := range []string{"bom dia", "olá, bom dia"} {
		if id := gapOf[q]; id != "" {
			t.Errorf("%q is in gap %s, want none", q, id)
		}
	}
	searched := false
	for _, qc := range gaps.Group(ty.records, nil, nil, gaps.Options{Now: at.Add(30 * 24 * time.Hour), TopQueries: 50}).Queries {
		searched = searched || qc.Query == "bom dia" && qc.Searches == 2 && qc.Failed == 0
	}
	if !searched {
		t.Errorf("\"bom dia\" not among the searches with 2 searches and none failed")
	}
	if t.Failed() {
		for _, g := range rep.Gaps {
			var qs []string
			for _, v := range g.Variants {
				qs = append(qs, v.Query)
			}
			t.Logf("%s %q", g.ID, qs)
		}
	}
}

// TestGreetingSearchCountsAmongNoResults: a search of greetings alone that
// found nothing is no gap, but it found nothing: the top searches' "No
// results" counts it, as the dashboard's no-result rate does. "hello"
// searched twice with nothing found showed "No results 0" beside a
// no-result rate that counted both (newcomer rv26a).
func TestGreetingSearchCountsAmongNoResults(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	ty := typists{at: at}
	ty.add("hello", 2)
	ty.add("helmet rental", 2)
	rep := gaps.Group(ty.records, nil, nil, gaps.Options{Now: at.Add(24 * time.Hour), TopQueries: 10})
	found := map[string]gaps.QueryCount{}
	for _, qc := range rep.Queries {
		found[qc.Query] = qc
	}
	for q, want := range map[string][2]int{"hello": {2, 0}, "helmet rental": {2, 2}} {
		qc, ok := found[q]
		if !ok {
			t.Errorf("%q not among the top searches", q)
			continue
		}
		if qc.NoResults != want[0] || qc.Failed != want[1] {
			t.Errorf("%q: %d searches with no results, %d visitors it failed; want %d and %d", q, qc.NoResults, qc.Failed, want[0], want[1])
		}
	}
}
