package gaps_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestCompoundReversedWhenApartMostTyped: a compound the failed set types
// joined, in two and the other way round ("bagageschade", "bagage schade",
// "schade bagage") is one question whichever spelling most visitors use:
// once "bagage schade" outnumbered "bagageschade", "schade bagage" left
// the gap and made one of its own.
func TestCompoundReversedWhenApartMostTyped(t *testing.T) {
	an := analyzer(t, "reisveilig", "")
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	var in []gaps.Record
	for i, q := range []string{"bagageschade", "bagage schade", "schade bagage", "bagagschade", "bagage schade"} {
		in = append(in, gaps.Record{Query: q, Locale: "nl", Source: site.SourceSite, Visitor: fmt.Sprint("v", i), Time: start.Add(time.Duration(i) * time.Minute)})
	}
	rep := gaps.Group(in, an, nil, gaps.Options{Now: start.Add(time.Hour), MinVisitors: 1})
	var got []string
	for _, g := range rep.Gaps {
		var vs []string
		for _, v := range g.Variants {
			vs = append(vs, v.Query)
		}
		got = append(got, fmt.Sprint(vs))
	}
	if len(rep.Gaps) != 1 {
		t.Errorf("want one gap, got %d: %v", len(rep.Gaps), got)
	}
}
