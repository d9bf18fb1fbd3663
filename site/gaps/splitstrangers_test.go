package gaps_test

import (
	"context"
	"maps"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestSplitGapTakesNoOtherGap: "night mode" was moved out of the dark
// mode's gap (the words grouped them); then an article with the keywords
// "night mode" and "darkmode" was published, and the words no longer
// group "night mode" with "dark mode". The one visitor who typed "night
// mode", then "student discount", must not make the gap the split made
// the student discount's: the report listed the split's ID with the
// student discount's three visitors, the student discount's own gap was
// gone, and "gaps mark" on the split's ID decided on the student discount
// (a newcomer's finding). The gap made by the split holds "night mode"
// (and a phrasing one person typed after it); the student discount's gap
// keeps its ID, whether or not the team had decided on the split's gap
// before the article.
func TestSplitGapTakesNoOtherGap(t *testing.T) {
	for _, tc := range []struct {
		name         string
		decide, more bool
	}{
		{"undecided", false, false},
		{"decided before the article", true, false},
		{"two people's steps, and a phrasing one person typed after it", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServiceSite(t)
			s.publish(nightContent, false)
			ctx := context.Background()
			s.search("dark mode", "a", 60*time.Minute)
			s.search("dark mode", "b", 59*time.Minute)
			s.search("night mode", "c", 58*time.Minute)
			s.search("student discount", "c", 57*time.Minute)
			s.search("student discount", "d", 56*time.Minute)
			s.search("student discount", "e", 55*time.Minute)
			s.search("darkmode", "f", 54*time.Minute)
			if tc.more {
				// Two more visitors go from "night mode" to the student
				// discount, more than one person's step.
				s.search("night mode", "k", 53*time.Minute)
				s.search("student discount", "k", 52*time.Minute)
				s.search("student discount", "h", 51*time.Minute)
				s.search("student discount", "i", 50*time.Minute)
			}
			rep := s.report(gaps.Options{})
			dark, _ := gapOf(rep, "dark mode")
			student, _ := gapOf(rep, "student discount")
			if night, _ := gapOf(rep, "night mode"); night.ID != dark.ID || student.ID == dark.ID {
				t.Fatalf("before: the words should put \"night mode\" with \"dark mode\" (%s, %s), apart from \"student discount\" (%s)", night.ID, dark.ID, student.ID)
			}
			moved, err := s.svc.Split(ctx, dark.ID, "night mode")
			if err != nil {
				t.Fatal(err)
			}
			if tc.decide {
				if _, err := s.svc.Decide(ctx, moved.ID, gaps.StatusNewArticle, ""); err != nil {
					t.Fatal(err)
				}
			}
			want := map[string][]string{dark.ID: {"dark mode", "darkmode"}, moved.ID: {"night mode"}, student.ID: {"student discount"}}
			if tc.more {
				// Typed since the split, by one person, after "night mode".
				s.search("night mode", "g", 30*time.Minute)
				s.search("eye strain", "g", 29*time.Minute)
				want[moved.ID] = []string{"eye strain", "night mode"}
			}
			published := maps.Clone(nightContent)
			published["lessons/dark-mode.md"] = &fstest.MapFile{Data: []byte("---\ntitle: How do I turn on dark mode?\nkeywords: [night mode, darkmode]\n---\nOpen Profile > Settings > Appearance and choose Dark mode (night mode).\n")}
			s.publish(published, false)
			rep = s.report(gaps.Options{})
			got := map[string][]string{}
			visitors := map[string]int{}
			for _, g := range rep.Gaps {
				for _, v := range g.Variants {
					got[g.ID] = append(got[g.ID], v.Query)
				}
				slices.Sort(got[g.ID])
				visitors[g.ID] = g.Visitors
			}
			for id, qs := range want {
				if !slices.Equal(got[id], qs) {
					t.Errorf("after the article: gap %s holds %q, want %q (all: %v)", id, got[id], qs, got)
				}
			}
			if visitors[student.ID] != student.Visitors {
				t.Errorf("the student discount's gap %s: %d visitors, want %d", student.ID, visitors[student.ID], student.Visitors)
			}
			ignored, err := s.svc.Decide(ctx, moved.ID, gaps.StatusIgnored, "")
			if err != nil {
				t.Fatal(err)
			}
			if ignored.ID != moved.ID || slices.ContainsFunc(ignored.Variants, func(v gaps.Variant) bool { return v.Query == "student discount" }) {
				t.Errorf("marking %s, the gap \"night mode\" was moved out as, decided on %s %+v", moved.ID, ignored.ID, ignored.Variants)
			}
			if g, ok := gapOf(s.report(gaps.Options{}), "student discount"); !ok || g.ID != student.ID || g.Visitors != student.Visitors {
				t.Errorf("once %s is ignored, \"student discount\": listed %v in %s with %d visitors, want %s with %d", moved.ID, ok, g.ID, g.Visitors, student.ID, student.Visitors)
			}
		})
	}
}

var nightContent = fstest.MapFS{
	"guichet.yaml":       {Data: []byte("title: Falala Help Center\ndefault_locale: en\n")},
	"lessons/streaks.md": {Data: []byte("---\ntitle: Keep your streak\n---\nYour streak counts the days in a row on which you finished at least one lesson. Finish a lesson before midnight in your time zone to keep it.\n")},
	"account/refunds.md": {Data: []byte("---\ntitle: Get a refund\n---\nAsk for a refund within 14 days of your purchase in Profile > Subscription.\n")},
}
