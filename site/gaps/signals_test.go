package gaps_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/textnorm"
)

// TestGroupingSignals measures what any grouping built on the failed
// queries' own words and visits can reach on the test sets: for each pair
// of queries of one topic, whether they share an analysed term (after the
// writers' synonyms; even a common word such as "train" counts), whether
// one visitor typed both in a visit, or whether a chain of such links
// inside the topic joins them. Pairs joined by no chain share no signal at
// all: no word-and-visit method can group them without also merging
// topics, so their share bounds the recall such a method can reach. With
// -v it lists the topics' unlinked parts.
func TestGroupingSignals(t *testing.T) {
	// The pairs of one topic and those chains of signals join, as
	// BENCHMARKS.md reports them: a change to a test set or to the
	// analysis must be reported there too.
	want := map[string][2]int{"railway-app": {416, 394}, "bank-app": {280, 239}, "grocery-app": {429, 334}, "coworking-app": {788, 740}, "payroll-app": {1385, 1284}}
	for _, set := range []string{"railway-app", "bank-app", "grocery-app", "coworking-app", "payroll-app"} {
		ts := loadTestSet(t, set)
		an := analyzer(t, set, set)
		queries := make([]string, 0, len(ts.topic))
		for q := range ts.topic {
			queries = append(queries, q)
		}
		sort.Strings(queries)
		pos := map[string]int{}
		terms := make([]map[string]bool, len(queries))
		// The keys the grouping reads: analysed, synonyms folded, typos
		// and compounds fixed among the failed set.
		key := map[string]string{}
		for _, g := range gaps.Group(ts.records, an, nil, gaps.Options{}).Gaps {
			for _, v := range g.Variants {
				key[textnorm.Key(v.Query)] = v.Key
			}
		}
		for i, q := range queries {
			pos[q] = i
			terms[i] = map[string]bool{}
			for _, t := range strings.Fields(key[q]) {
				if !strings.HasPrefix(t, "=") {
					terms[i][t] = true
				}
			}
		}
		visit := map[[2]int]bool{}
		byVisitor := map[string][]int{}
		for _, r := range ts.records {
			byVisitor[r.Visitor] = append(byVisitor[r.Visitor], pos[textnorm.Key(r.Query)])
		}
		reformulated := 0 // visitors who typed two phrasings of one topic
		for _, list := range byVisitor {
			for k, a := range list {
				if k > 0 && a != list[0] && ts.topic[queries[a]] == ts.topic[queries[list[0]]] {
					reformulated++
					break
				}
			}
			for _, a := range list {
				for _, b := range list {
					visit[[2]int{a, b}] = true
				}
			}
		}
		shares := func(a, b int) bool {
			for t := range terms[a] {
				if terms[b][t] {
					return true
				}
			}
			return false
		}
		// Within each topic, the parts linked by shared terms or visits.
		root := make([]int, len(queries))
		for i := range root {
			root[i] = i
		}
		find := func(i int) int {
			for root[i] != i {
				i = root[i]
			}
			return i
		}
		pairs, word, session, none := 0, 0, 0, 0
		crossWord := 0 // pairs of different topics sharing a term
		for a := range queries {
			for b := a + 1; b < len(queries); b++ {
				s, v := shares(a, b), visit[[2]int{a, b}]
				if ts.topic[queries[a]] != ts.topic[queries[b]] {
					if s {
						crossWord++
					}
					continue
				}
				pairs++
				switch {
				case s:
					word++
				case v:
					session++
				}
				if s || v {
					root[find(a)] = find(b)
				}
			}
		}
		joinable, noneInContent := 0, 0
		// Whether a query has a word the content uses (in fewer than a
		// third of its articles): what relatedness learnt from the
		// content could link.
		inContent := func(i int) bool {
			for t := range terms[i] {
				if sp := an.Spread("en", t); sp > 0 && sp < 1.0/3 {
					return true
				}
			}
			return false
		}
		parts := map[string]map[int][]string{}
		for a := range queries {
			for b := a + 1; b < len(queries); b++ {
				if ts.topic[queries[a]] != ts.topic[queries[b]] {
					continue
				}
				if find(a) == find(b) {
					joinable++
				} else if !shares(a, b) && !visit[[2]int{a, b}] {
					none++
					if inContent(a) && inContent(b) {
						noneInContent++
					}
				}
			}
			tp := ts.topic[queries[a]]
			if parts[tp] == nil {
				parts[tp] = map[int][]string{}
			}
			parts[tp][find(a)] = append(parts[tp][find(a)], queries[a])
		}
		// What the site returned: the first three articles (no results for
		// a query the content has no word of). Two failed queries whose
		// results overlap: same topic or not?
		ix := index(t, set, set)
		hits := make([]map[string]bool, len(queries))
		for i, q := range queries {
			res, err := ix.Search(context.Background(), site.SearchRequest{Query: q, Locale: "en", Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			hits[i] = map[string]bool{}
			for _, h := range res.Hits {
				hits[i][h.ID] = true
			}
		}
		overlapSame, overlapOther, withResults := 0, 0, 0
		for a := range queries {
			if len(hits[a]) > 0 {
				withResults++
			}
			for b := a + 1; b < len(queries); b++ {
				shared := 0
				for h := range hits[a] {
					if hits[b][h] {
						shared++
					}
				}
				if shared == 0 || shared*3 < 2*max(len(hits[a]), len(hits[b])) {
					continue
				}
				if ts.topic[queries[a]] == ts.topic[queries[b]] {
					overlapSame++
				} else {
					overlapOther++
				}
			}
		}
		t.Logf("%s: %d visitors, %d of them typed two phrasings of one topic in their visit", set, len(byVisitor), reformulated)
		t.Logf("%s: %d of %d queries find articles; pairs whose results overlap by two thirds: %d of one topic, %d of different topics", set, withResults, len(queries), overlapSame, overlapOther)
		t.Logf("%s: of the %d pairs of one topic with neither, %d have on both sides a word the content uses (in under a third of its articles)", set, none, noneInContent)
		t.Logf("%s: %d pairs of one topic: %d share a term, %d more typed in one visit, %d neither; chains of these join %d: recall ceiling %.3f; %d pairs of different topics share a term",
			set, pairs, word, session, none, joinable, float64(joinable)/float64(pairs), crossWord)
		if got := [2]int{pairs, joinable}; got != want[set] {
			t.Errorf("%s: %d pairs of one topic, %d joined by chains of signals; BENCHMARKS.md says %d and %d", set, pairs, joinable, want[set][0], want[set][1])
		}
		if testing.Verbose() {
			var topics []string
			for tp := range parts {
				topics = append(topics, tp)
			}
			sort.Strings(topics)
			for _, tp := range topics {
				if len(parts[tp]) == 1 {
					continue
				}
				var ps []string
				for _, p := range parts[tp] {
					ps = append(ps, "["+strings.Join(p, " | ")+"]")
				}
				sort.Strings(ps)
				fmt.Printf("  %s: %s\n", tp, strings.Join(ps, " "))
			}
		}
	}
}
