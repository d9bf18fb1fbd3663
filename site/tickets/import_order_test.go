package tickets_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guichet/guichet/site/tickets"
)

// TestImportReportsInLineOrder: the rows an import skips are reported in
// the file's order, whether the reader refused them (an empty or bad date)
// or the batch did (no ID, no subject): a missing ID was reported after
// the reader's errors of its whole batch ("bad2.csv:4" after lines 5 to 7:
// a newcomer, left21a), here within a batch and across batches of 1,000.
func TestImportReportsInLineOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"guichet.yaml":   {Data: []byte("locales: [en]\n")},
		"orders/late.md": {Data: []byte("---\ntitle: My order is late\n---\nTrack the courier on the map.\n")},
	}
	l, _, _ := linkerOf(t, fsys)
	in := &tickets.Ingester{Store: &sharedStore{}, Linker: l, Cleaner: tickets.Cleaner{DefaultLocale: "en", Locales: []string{"en"}}}
	imported := func(csv string) (lines []int, reasons []string) {
		t.Helper()
		rd, err := tickets.NewReader(strings.NewReader(csv), tickets.FormatCSV, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = tickets.Import(context.Background(), rd, in, func(r tickets.Result) {
			lines = append(lines, r.Line)
			reasons = append(reasons, fmt.Sprintf("%d: %s", r.Line, r.Reason))
		})
		if err != nil {
			t.Fatal(err)
		}
		return lines, reasons
	}
	_, reasons := imported("id,subject,created_at\n" +
		"1,Order late,2026-11-01\n" +
		"2,Order late,\n" +
		",Order late,2026-11-01\n" +
		"4,Order late,yesterday\n" +
		"5,,2026-11-01\n" +
		"6,Order late,2026-11-02\n")
	want := []string{`3: created_at (column "created_at") is empty`, "4: external_id is required",
		`5: created_at (column "created_at"): "yesterday" is not a date`, "6: subject or body is required"}
	if len(reasons) != len(want) {
		t.Fatalf("reported %q, want %q", reasons, want)
	}
	for i := range want {
		if !strings.HasPrefix(reasons[i], want[i]) {
			t.Errorf("report %d: %q, want %q", i, reasons[i], want[i])
		}
	}
	// 2,500 rows: every 7th has no date, every 300th no ID.
	var b strings.Builder
	b.WriteString("id,subject,created_at\n")
	skipped := 0
	for i := 1; i <= 2500; i++ {
		id, date := fmt.Sprint(i), "2026-11-01"
		if i%7 == 0 {
			date = ""
		}
		if i%300 == 0 {
			id = ""
		}
		if i%7 == 0 || i%300 == 0 {
			skipped++
		}
		fmt.Fprintf(&b, "%s,Order late,%s\n", id, date)
	}
	lines, _ := imported(b.String())
	if len(lines) != skipped || !slices.IsSorted(lines) {
		t.Errorf("%d rows reported (want %d), in line order: %v", len(lines), skipped, slices.IsSorted(lines))
	}
}
