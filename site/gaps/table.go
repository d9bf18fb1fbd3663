package gaps

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/guichet/guichet/site"
)

// WriteTable writes the report as the table `guichet gaps` prints: a gap
// per line with its counts, kind, decision and phrasings, then the totals
// of the period since from.
func WriteTable(w io.Writer, rep Report, from time.Time) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVISITORS\t7D\tPREV 7D\tKIND\tLOCALE\tSTATUS\tQUERY\tVARIANTS\tSOURCES")
	for _, g := range rep.Gaps {
		kind := g.Kind
		if g.Kind == KindSearch {
			kind = fmt.Sprintf("search (%d no results, %d no click)", g.NoResultsVisitors, g.NoClickVisitors)
		}
		status := g.Status
		if status == "" {
			status = "undecided"
		}
		if g.AnsweredAt != nil {
			status += fmt.Sprintf(", answered %s by %s (before %d, after %d)", g.AnsweredAt.Format("2006-01-02"), g.AnsweredBy, g.Before, g.After)
		}
		if len(g.FoundInstead) > 0 {
			status += "; found instead: " + FoundList(g.FoundInstead)
		}
		if len(g.ShownFirst) > 0 {
			status += "; shown first: " + FoundList(g.ShownFirst)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", g.ID, g.Visitors, g.Last7, g.Prev7, kind, g.Locale,
			status, oneLine(g.Query), oneLine(VariantList(g.Variants)), CountList(g.Sources))
	}
	tw.Flush()
	period := "since " + from.Format("2006-01-02 15:04")
	if !rep.Until.IsZero() {
		period += ", until " + rep.Until.Add(-time.Nanosecond).Format("2006-01-02") + " included"
	}
	fmt.Fprintf(w, "%s from %s, %s and %s with no help %s\n", site.Count(len(rep.Gaps), "gap"),
		site.CountOf(rep.Searches, "failed search", "failed searches"), site.Count(rep.Tickets, "unlinked ticket"),
		site.Count(rep.Openings, "widget opening"), period)
}

// oneLine keeps a table cell on one line and reasonably short.
func oneLine(s string) string {
	return site.Shorten(site.CleanText(s), 60)
}

// Formats lists the formats Write writes.
var Formats = []string{"table", "csv", "json"}

// Write writes the report of the period since from in format: "table"
// (or "text", WriteTable), "csv" (WriteCSV, the gaps alone) or "json" (the
// whole report, indented), in any case and with spaces around it, as the
// insights API reads its format. Another format is an error naming the
// formats.
func Write(w io.Writer, rep Report, from time.Time, format string) error {
	switch readFormat(format) {
	case "table", "text":
		WriteTable(w, rep, from)
		return nil
	case "csv":
		return WriteCSV(w, rep.Gaps)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return CheckFormat(format)
}

// CheckFormat returns nil for a format Write writes, else an error naming
// the flag and the formats.
func CheckFormat(format string) error {
	if f := readFormat(format); f == "text" || slices.Contains(Formats, f) {
		return nil
	}
	return fmt.Errorf("--format %q: want %s", format, strings.Join(Formats, ", "))
}

// readFormat is a format as typed (--format CSV, GUICHET_FORMAT=json ),
// read as Write and CheckFormat name it.
func readFormat(format string) string { return strings.ToLower(strings.TrimSpace(format)) }
