package gaps_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestEmptySourceLabelled: old rows that recorded no source are counted
// under "unknown" in the table, the CSV and the JSON, not under an empty
// label that the table showed as ":4".
func TestEmptySourceLabelled(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	for i := range 4 {
		records = append(records, gaps.Record{Query: "cancel my plan", Locale: "en", Visitor: fmt.Sprint("old", i), Time: at.Add(time.Duration(i) * time.Hour)})
	}
	records = append(records, gaps.Record{Query: "cancel my plan", Locale: "en", Source: site.SourceSite, Visitor: "new", Time: at.Add(5 * time.Hour)})
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1})
	for _, format := range []string{"table", "csv", "json"} {
		var b bytes.Buffer
		if err := gaps.Write(&b, rep, at, format); err != nil {
			t.Fatal(err)
		}
		want := "unknown:4"
		if format == "json" {
			want = `"unknown": 4`
		}
		if out := b.String(); !strings.Contains(out, want) || strings.Contains(out, " :4") || strings.Contains(out, `"": 4`) {
			t.Errorf("%s: want %q, got\n%s", format, want, out)
		}
	}
}
