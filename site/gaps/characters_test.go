package gaps_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestOneCharacterWordsJoinNothing: a single letter or digit two queries
// share ("7" in two products' names, "1" in two injection attempts, "x"
// as an attribute and as a link text) is no topic they share; what else
// they share still joins them.
func TestOneCharacterWordsJoinNothing(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	n := 0
	add := func(q string) {
		for range 2 {
			n++
			records = append(records, gaps.Record{Query: q, Locale: "en", Source: site.SourceSite, Visitor: fmt.Sprintf("v%d", n), Time: at.Add(time.Duration(n) * time.Hour)})
		}
	}
	for _, q := range []string{
		"windows 7 install", "iphone 7 battery",
		`" OR 1=1 --`, `<script>alert(1)</script>`,
		`=HYPERLINK("http://evil","x")`, `solar panel <img src=x>`,
		"plan b pricing", "plan c pricing",
	} {
		add(q)
	}
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(1000 * time.Hour), MinVisitors: 1})
	gapOf := map[string]string{}
	for _, g := range rep.Gaps {
		for _, v := range g.Variants {
			gapOf[v.Query] = g.ID
		}
	}
	for _, c := range []struct {
		a, b     string
		together bool
	}{
		{"windows 7 install", "iphone 7 battery", false},
		{`" OR 1=1 --`, `<script>alert(1)</script>`, false},
		{`=HYPERLINK("http://evil","x")`, `solar panel <img src=x>`, false},
		{"plan b pricing", "plan c pricing", true}, // "plan pricing" still
	} {
		if a, b := gapOf[c.a], gapOf[c.b]; a == "" || b == "" || (a == b) != c.together {
			t.Errorf("%q in gap %q and %q in gap %q, want together %v", c.a, a, c.b, b, c.together)
		}
	}
}
