package gaps_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestCodesApart: failed searches naming different error codes are
// different problems, however alike their other words, and whoever typed
// one after the other; the same code typed two ways ("401k", "401(k)")
// and versions or years are no such evidence.
func TestCodesApart(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	n := 0
	add := func(q string, visitors int) {
		for range visitors {
			n++
			records = append(records, gaps.Record{Query: q, Locale: "en", Source: site.SourceSite, Visitor: fmt.Sprintf("v%d", n), Time: at.Add(time.Duration(n) * time.Hour)})
		}
	}
	add("install fails with 0x80070005", 3)
	add("install fails with 0x80070643", 3)
	add("install fails", 2)
	add("error 1603 during install", 2)
	add("401k contributions", 2)
	add("401(k) contributions", 2)
	add("crash in v2.3 after update", 2)
	add("crash in v2.4 after update", 2)
	// Stored redacted: the placeholder is no word they share.
	add("KB[number] patch", 2)
	add("error [number] update", 2)
	// One visitor, one code after the other: two problems still.
	records = append(records,
		gaps.Record{Query: "0x800f081f", Locale: "en", Visitor: "w", Time: at},
		gaps.Record{Query: "0x800f0922", Locale: "en", Visitor: "w", Time: at.Add(time.Minute)},
		// Hexadecimal codes whose digits are the same: their letters differ.
		gaps.Record{Query: "0x800f081a", Locale: "en", Visitor: "x", Time: at},
		gaps.Record{Query: "0x800b081b", Locale: "en", Visitor: "x", Time: at.Add(time.Minute)})
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(30 * 24 * time.Hour)})
	gapOf := map[string]string{}
	for _, g := range rep.Gaps {
		for _, v := range g.Variants {
			gapOf[v.Query] = g.ID
		}
	}
	together := func(a, b string) bool { return gapOf[a] != "" && gapOf[a] == gapOf[b] }
	for _, pair := range [][2]string{
		{"install fails with 0x80070005", "install fails with 0x80070643"},
		{"install fails with 0x80070005", "error 1603 during install"},
		{"0x800f081f", "0x800f0922"},
		{"0x800f081a", "0x800b081b"},
		{"KB[number] patch", "error [number] update"},
	} {
		if together(pair[0], pair[1]) {
			t.Errorf("%q and %q in one gap: two error codes, two problems", pair[0], pair[1])
		}
	}
	for _, pair := range [][2]string{
		{"401k contributions", "401(k) contributions"},
		{"crash in v2.3 after update", "crash in v2.4 after update"},
	} {
		if !together(pair[0], pair[1]) {
			t.Errorf("%q and %q apart, want one gap", pair[0], pair[1])
		}
	}
	if t.Failed() {
		for _, g := range rep.Gaps {
			var qs []string
			for _, v := range g.Variants {
				qs = append(qs, v.Query)
			}
			slices.Sort(qs)
			t.Logf("%s %q", g.ID, qs)
		}
	}
}
