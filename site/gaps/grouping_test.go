package gaps_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/testrun"
	"github.com/guichet/guichet/site/textnorm"
)

// testSet is a file of failed searches labelled with their topic.
type testSet struct {
	records []gaps.Record
	topic   map[string]string // normalised query → topic
	locale  string            // from a "# locale: fr" line, else "en"
}

// loadTestSet reads testdata/NAME.tsv: visitor, day, minute, topic, query;
// a comment line "# locale: fr" sets the searches' locale (else "en").
func loadTestSet(t testing.TB, name string) testSet {
	t.Helper()
	f, err := os.Open("testdata/" + name + ".tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ts := testSet{topic: map[string]string{}, locale: "en"}
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if loc, ok := strings.CutPrefix(text, "# locale:"); ok {
			ts.locale = strings.TrimSpace(loc)
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		col := strings.Split(text, "\t")
		if len(col) != 5 {
			t.Fatalf("%s.tsv:%d: want 5 columns, have %d", name, line, len(col))
		}
		day, err1 := strconv.Atoi(col[1])
		minute, err2 := strconv.Atoi(col[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s.tsv:%d: bad day or minute", name, line)
		}
		visitor, topic, q := col[0], col[3], col[4]
		// Visitors come at different hours of their day.
		hour := 0
		for _, r := range visitor {
			hour = (hour*31 + int(r)) % 20
		}
		norm := textnorm.Key(q)
		if old, ok := ts.topic[norm]; ok && old != topic {
			t.Fatalf("%s.tsv:%d: %q is in topics %s and %s", name, line, q, old, topic)
		}
		ts.topic[norm] = topic
		ts.records = append(ts.records, gaps.Record{
			Query: q, Locale: ts.locale, Source: site.SourceSite, Visitor: visitor,
			Time: start.Add(time.Duration(day)*24*time.Hour + time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute),
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return ts
}

// analyzer returns the search analyzer of testdata/NAME-content, with the
// synonyms of testdata/SYNONYMS.synonyms.yaml, or none.
func analyzer(t testing.TB, name, synonyms string) gaps.Analyzer {
	t.Helper()
	return index(t, name, synonyms).Analyzer()
}

// index returns the search index of testdata/NAME-content, with the
// synonyms of testdata/SYNONYMS.synonyms.yaml, or none.
func index(t testing.TB, name, synonyms string) *search.Index {
	t.Helper()
	dir := "testdata/" + name + "-content"
	lib, err := content.Load(context.Background(), os.DirFS(dir), content.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if lib.HasErrors() {
		t.Fatalf("%s: %v", dir, lib.Problems)
	}
	lib.Synonyms = nil
	if synonyms != "" {
		data, err := os.ReadFile("testdata/" + synonyms + ".synonyms.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(data, &lib.Synonyms); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := search.Build(context.Background(), site.NewView(lib, time.Now(), false), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// pairwise measures a grouping against the topics: of the pairs of
// distinct queries put in one gap, the share that belong to one topic
// (precision), and of the pairs of one topic, the share put in one gap
// (recall).
func pairwise(ts testSet, rep gaps.Report) (precision, recall float64, gapOf map[string]string) {
	gapOf = map[string]string{}
	for _, g := range rep.Gaps {
		for _, v := range g.Variants {
			gapOf[textnorm.Key(v.Query)] = g.ID
		}
	}
	var queries []string
	for q := range ts.topic {
		queries = append(queries, q)
	}
	sort.Strings(queries)
	tp, fp, fn := 0, 0, 0
	for i, a := range queries {
		for _, b := range queries[i+1:] {
			same := gapOf[a] != "" && gapOf[a] == gapOf[b]
			topic := ts.topic[a] == ts.topic[b]
			switch {
			case same && topic:
				tp++
			case same:
				fp++
			case topic:
				fn++
			}
		}
	}
	return float64(tp) / float64(max(1, tp+fp)), float64(tp) / float64(max(1, tp+fn)), gapOf
}

// TestGroupingByMeaning measures the grouping on failed searches written
// for four other products, each with its help center's content, with and
// without the synonyms its writers keep: a train-ticket app (the set the
// rules were developed on), a mobile bank (held out for issue 13, then
// looked at while the two-topic rule of issue 13b was developed), and an
// online grocery app (written for issue 13b before any of its tuning, and
// measured once, at the end), a coworking-space app (written on
// 2026-11-30 by someone who read neither the rules nor the other sets, and
// measured once), and a payroll and time-tracking app (written the same
// way a session later, measured once, after an attempt at other grouping
// rules had failed on the four others: see BENCHMARKS.md, 13d), and two
// sets in other languages, a French health-insurance mutual and a German
// chain of climbing gyms (written on 2026-12-02 the same way, measured
// once, then looked at: the first French and German sets). The figures are in BENCHMARKS.md; the floors
// below keep them from sliding back. They are under the goal of precision
// 0.95 and recall 0.85: TestGroupingSignals measures what grouping by
// words and visits can reach on these sets at all.
func TestGroupingByMeaning(t *testing.T) {
	testrun.SerialLater(t) // sets of a few hundred items: one worker, nothing concurrent
	for _, c := range []struct {
		set, synonyms     string
		precision, recall float64 // floors
	}{
		{"railway-app", "", 0.94, 0.53},
		{"railway-app", "railway-app", 0.95, 0.75},
		{"bank-app", "", 0.83, 0.42},
		{"bank-app", "bank-app", 0.85, 0.58},
		{"grocery-app", "", 0.79, 0.41},
		{"grocery-app", "grocery-app", 0.83, 0.44},
		{"coworking-app", "", 0.70, 0.60},
		{"coworking-app", "coworking-app", 0.70, 0.68},
		{"payroll-app", "", 0.67, 0.31},
		{"payroll-app", "payroll-app", 0.75, 0.33},
		{"mutuelle-app", "", 0.74, 0.40},
		{"mutuelle-app", "mutuelle-app", 0.66, 0.42},
		{"kletter-app", "", 0.65, 0.30},
		{"kletter-app", "kletter-app", 0.84, 0.35},
	} {
		ts := loadTestSet(t, c.set)
		an := analyzer(t, c.set, c.synonyms)
		rep := gaps.Group(ts.records, an, nil, gaps.Options{})
		p, r, gapOf := pairwise(ts, rep)
		t.Logf("%s, synonyms %q: %d queries, %d topics, %d gaps: precision %.3f, recall %.3f", c.set, c.synonyms, len(ts.topic), topics(ts), len(rep.Gaps), p, r)
		// What one would use instead: one gap per normalised query (a
		// search analytics tool), or per set of analysed terms (Guichet's
		// former report).
		exact := baseline(ts, func(q string) string { return textnorm.Key(q) })
		stems := baseline(ts, func(q string) string { return gaps.MeaningKey(an, ts.locale, q) })
		t.Logf("  instead: one gap per normalised query %s; per set of analysed terms %s", exact, stems)
		if p < c.precision || r < c.recall {
			t.Errorf("%s, synonyms %q: precision %.3f (floor %.2f), recall %.3f (floor %.2f)", c.set, c.synonyms, p, c.precision, r, c.recall)
		}
		if testing.Verbose() {
			byGap := map[string][]string{}
			for q, id := range gapOf {
				byGap[id] = append(byGap[id], ts.topic[q]+": "+q)
			}
			var ids []string
			for id := range byGap {
				ids = append(ids, id)
			}
			sort.Slice(ids, func(i, j int) bool {
				return len(byGap[ids[i]]) > len(byGap[ids[j]]) || len(byGap[ids[i]]) == len(byGap[ids[j]]) && ids[i] < ids[j]
			})
			for _, id := range ids {
				sort.Strings(byGap[id])
				fmt.Printf("  %s %v\n", id, byGap[id])
			}
		}
	}
}

// TestGroupingIgnoresRecordOrder: the same records give the same gaps,
// with the same IDs, whatever order a store reads them in.
func TestGroupingIgnoresRecordOrder(t *testing.T) {
	ts := loadTestSet(t, "railway-app")
	an := analyzer(t, "railway-app", "railway-app")
	want := gapsOf(gaps.Group(ts.records, an, nil, gaps.Options{}))
	shuffled := append([]gaps.Record(nil), ts.records...)
	rand.New(rand.NewPCG(7, 7)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	slices.Reverse(ts.records)
	for _, records := range [][]gaps.Record{ts.records, shuffled} {
		if got := gapsOf(gaps.Group(records, an, nil, gaps.Options{})); !slices.Equal(got, want) {
			t.Fatalf("another order of the records gives other gaps:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// gapsOf lists each gap as its ID and its phrasings, sorted.
func gapsOf(rep gaps.Report) []string {
	var out []string
	for _, g := range rep.Gaps {
		var vs []string
		for _, v := range g.Variants {
			vs = append(vs, v.Query)
		}
		sort.Strings(vs)
		out = append(out, g.ID+": "+strings.Join(vs, ", "))
	}
	sort.Strings(out)
	return out
}

func topics(ts testSet) int {
	seen := map[string]bool{}
	for _, t := range ts.topic {
		seen[t] = true
	}
	return len(seen)
}

// baseline measures grouping by a key, as pairwise precision and recall.
func baseline(ts testSet, key func(string) string) string {
	var queries []string
	for q := range ts.topic {
		queries = append(queries, q)
	}
	tp, fp, fn := 0, 0, 0
	for i, a := range queries {
		for _, b := range queries[i+1:] {
			same, topic := key(a) == key(b), ts.topic[a] == ts.topic[b]
			switch {
			case same && topic:
				tp++
			case same:
				fp++
			case topic:
				fn++
			}
		}
	}
	if tp+fp == 0 {
		return "(no two queries together: recall 0)"
	}
	return fmt.Sprintf("precision %.3f, recall %.3f", float64(tp)/float64(tp+fp), float64(tp)/float64(max(1, tp+fn)))
}
