package gaps

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// tableReport is a report with one gap of each kind, one answered, one
// decided, one whose visitors found articles instead (and whose searches
// showed an article first), and a query long and
// broken over lines.
func tableReport() Report {
	answered := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	return Report{
		Searches: 120, Tickets: 14, Openings: 30,
		Gaps: []Gap{
			{ID: "a1b2c3", Kind: KindSearch, Locale: "en", Query: "cancel subscription", Visitors: 42, Last7: 20, Prev7: 10,
				NoResultsVisitors: 30, NoClickVisitors: 15,
				Variants:     []Variant{{Query: "cancel subscription", Searches: 50}, {Query: "how do i cancel", Searches: 9}},
				Sources:      map[string]int{"widget": 40, "site": 19},
				FoundInstead: []Found{{Article: "billing/cancel", Visitors: 12}, {Article: "billing/plans", Visitors: 3}},
				ShownFirst:   []Found{{Article: "billing/refunds", Visitors: 9}}},
			{ID: "d4e5f6", Kind: UnlinkedTicket, Locale: "fr", Query: "facture introuvable", Visitors: 14, Last7: 3, Prev7: 6,
				Status: StatusNewArticle, Variants: []Variant{{Query: "facture introuvable", Searches: 14}},
				Sources: map[string]int{"zendesk": 14}},
			{ID: "0719aa", Kind: NoHelp, Locale: "en", Key: "settings.billing", Query: "settings.billing", Visitors: 11,
				AnsweredAt: &answered, AnsweredBy: "billing/settings.md", Before: 11, After: 2, Sources: map[string]int{"widget": 30}},
			{ID: "ffee00", Kind: KindSearch, Locale: "en", Query: "line one\nline two\t" + strings.Repeat("very long ", 10), Visitors: 1,
				Status: StatusIgnored, Variants: []Variant{{Query: "x", Searches: 1}}},
		},
	}
}

func TestWriteTableGolden(t *testing.T) {
	var b bytes.Buffer
	WriteTable(&b, tableReport(), time.Date(2026, 10, 31, 8, 30, 0, 0, time.UTC))
	got := b.String()
	p := filepath.Join("testdata", "table.golden")
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", p, got, want)
	}
	// Each gap stays on one line of the table.
	if n := strings.Count(got, "\n"); n != 1+4+1 {
		t.Errorf("%d lines, want a header, 4 gaps and the totals:\n%s", n, got)
	}
}

// TestWriteTableTotals: the totals line counts in English, one gap from
// one failed search, thousands with their separator.
func TestWriteTableTotals(t *testing.T) {
	from := time.Date(2026, 10, 31, 8, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		rep  Report
		want string
	}{
		{Report{Gaps: []Gap{{ID: "093096782b7f", Kind: UnlinkedTicket, Locale: "en", Query: "Printer jammed", Visitors: 2, Sources: map[string]int{"zendesk": 2}}}, Tickets: 2},
			"1 gap from 0 failed searches, 2 unlinked tickets and 0 widget openings with no help since 2026-10-31 08:30\n"},
		{Report{Searches: 1, Tickets: 1, Openings: 1},
			"0 gaps from 1 failed search, 1 unlinked ticket and 1 widget opening with no help since 2026-10-31 08:30\n"},
		{Report{Searches: 12480, Tickets: 1200, Openings: 3},
			"0 gaps from 12,480 failed searches, 1,200 unlinked tickets and 3 widget openings with no help since 2026-10-31 08:30\n"},
		// A period with a last day (--until) says it.
		{Report{Searches: 1, Until: time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)},
			"0 gaps from 1 failed search, 0 unlinked tickets and 0 widget openings with no help since 2026-10-31 08:30, until 2026-11-14 included\n"},
	} {
		var b bytes.Buffer
		WriteTable(&b, c.rep, from)
		lines := strings.SplitAfter(b.String(), "\n")
		if got := lines[len(lines)-2]; got != c.want {
			t.Errorf("totals %q, want %q", got, c.want)
		}
	}
}

func TestWriteFormats(t *testing.T) {
	rep := tableReport()
	from := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	var table, text bytes.Buffer
	if err := Write(&table, rep, from, "table"); err != nil {
		t.Fatal(err)
	}
	if err := Write(&text, rep, from, "text"); err != nil || text.String() != table.String() {
		t.Errorf("text differs from table: %v", err)
	}
	var js bytes.Buffer
	if err := Write(&js, rep, from, "json"); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || len(back.Gaps) != 4 || back.Searches != 120 ||
		back.Gaps[2].AnsweredBy != "billing/settings.md" {
		t.Errorf("json: %v %+v", err, back)
	}
	var c bytes.Buffer
	if err := Write(&c, rep, from, "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&c).ReadAll()
	if err != nil || len(rows) != 5 {
		t.Errorf("csv: %d rows, %v; want a header and 4 gaps", len(rows), err)
	}
	var none bytes.Buffer
	if err := Write(&none, rep, from, "xml"); err == nil || !strings.Contains(err.Error(), `--format "xml": want table, csv, json`) || none.Len() != 0 {
		t.Errorf("unknown format: %v, wrote %q", err, none.String())
	}
	for _, f := range []string{"table", "text", "csv", "json"} {
		if err := CheckFormat(f); err != nil {
			t.Errorf("CheckFormat(%s): %v", f, err)
		}
	}
	// In any case, as the insights API reads its format (format=CSV):
	// GUICHET_FORMAT=JSON or --format CSV was refused (rv22a).
	for _, f := range []string{"CSV", "Json", "TABLE", " csv "} {
		var b bytes.Buffer
		if err := CheckFormat(f); err != nil {
			t.Errorf("CheckFormat(%q): %v", f, err)
		}
		if err := Write(&b, rep, from, f); err != nil || b.Len() == 0 {
			t.Errorf("Write(%q): %v, wrote %d bytes", f, err, b.Len())
		}
	}
	if err := CheckFormat(""); err == nil {
		t.Error("an empty format is accepted")
	}
}

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]string{
		"new-article": StatusNewArticle, "new_article": StatusNewArticle, " product-fix ": StatusProductFix,
		"ignored": StatusIgnored, "undecided": "", "fixed": StatusFixed, "New_Article": StatusNewArticle, "IGNORED": StatusIgnored, "Undecided": "",
	} {
		if got, err := ParseStatus(in); err != nil || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "answered", "Answered", "ignore", "fix"} {
		if _, err := ParseStatus(bad); err == nil || !strings.Contains(err.Error(), "new-article, product-fix, fixed, ignored or undecided") {
			t.Errorf("ParseStatus(%q): %v", bad, err)
		}
	}
}

func TestWantsArticle(t *testing.T) {
	at := time.Now()
	for _, c := range []struct {
		g    Gap
		want bool
	}{
		{Gap{}, true},
		{Gap{Status: StatusNewArticle}, true},
		{Gap{Status: StatusIgnored}, false},
		{Gap{Status: StatusProductFix}, false},
		{Gap{AnsweredAt: &at}, false},
		{Gap{Status: StatusNewArticle, AnsweredAt: &at}, false},
	} {
		if got := c.g.WantsArticle(); got != c.want {
			t.Errorf("%+v: WantsArticle = %v, want %v", c.g, got, c.want)
		}
	}
}

// TestAnsweredVisitorsShown: an answered gap says how many visitors came
// before and since in JSON and CSV, "since" 0 included (the answer
// works); an open gap says neither (no answer, no before and after).
func TestAnsweredVisitorsShown(t *testing.T) {
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	answered := Gap{ID: "a1", Kind: KindSearch, Query: "dark mode", AnsweredAt: &at, AnsweredBy: "display/dark.md", Before: 3, After: 0}
	open := Gap{ID: "b2", Kind: KindSearch, Query: "bluetooth"}
	for _, tc := range []struct {
		g          Gap
		want, none []string
	}{
		{answered, []string{`"visitors_before_answer":3`, `"visitors_after_answer":0`, `"answered_by":"display/dark.md"`}, nil},
		{open, nil, []string{"visitors_before_answer", "visitors_after_answer", "answered_at"}},
	} {
		b, err := json.Marshal(tc.g)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !bytes.Contains(b, []byte(w)) {
				t.Errorf("%s: JSON lacks %s: %s", tc.g.ID, w, b)
			}
		}
		for _, w := range tc.none {
			if bytes.Contains(b, []byte(w)) {
				t.Errorf("%s: JSON has %s: %s", tc.g.ID, w, b)
			}
		}
		if bytes.Count(b, []byte(`"visitors_after_answer"`)) > 1 {
			t.Errorf("%s: a field twice: %s", tc.g.ID, b)
		}
	}
	var c bytes.Buffer
	if err := WriteCSV(&c, []Gap{answered, open}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&c).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("csv: %v %q", err, rows)
	}
	col := func(name string) int { return slices.Index(rows[0], name) }
	b, a := col("visitors_before_answer"), col("visitors_after_answer")
	if b < 0 || a < 0 {
		t.Fatalf("csv header %q", rows[0])
	}
	if rows[1][b] != "3" || rows[1][a] != "0" || rows[2][b] != "" || rows[2][a] != "" {
		t.Errorf("csv before/after: answered %q %q, open %q %q; want 3 0 and empty", rows[1][b], rows[1][a], rows[2][b], rows[2][a])
	}
}
