package gaps

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// CSVHeader names the columns WriteCSV writes: the JSON's figures, people
// as well as searches (no_results_visitors and no_click_visitors are what
// the table and the admin page show), new columns at the end.
var CSVHeader = []string{"id", "kind", "locale", "query", "visitors", "searches", "no_results", "no_click",
	"visitors_7d", "visitors_prev_7d", "visitors_30d", "first_seen", "last_seen", "status", "note",
	"answered_at", "answered_by", "visitors_before_answer", "visitors_after_answer",
	"nearest_article", "nearest_score", "variants", "sources", "contexts", "paths", "merged",
	"no_results_visitors", "no_click_visitors", "waiting", "found_instead", "shown_first"}

// WriteCSV writes gaps as CSV for a spreadsheet, one per row under
// CSVHeader. Text visitors typed that a spreadsheet would run as a formula
// (starting with =, +, -, @) is written with a leading apostrophe.
func WriteCSV(w io.Writer, list []Gap) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	for _, g := range list {
		answered, before, after := "", "", "" // empty while open
		if g.AnsweredAt != nil {
			answered, before, after = g.AnsweredAt.Format(time.RFC3339), strconv.Itoa(g.Before), strconv.Itoa(g.After)
		}
		score := ""
		if g.Nearest != "" {
			score = strconv.FormatFloat(g.NearestScore, 'f', 3, 64)
		}
		cw.Write([]string{g.ID, g.Kind, g.Locale, Cell(g.Query), strconv.Itoa(g.Visitors), strconv.Itoa(g.Searches),
			strconv.Itoa(g.NoResults), strconv.Itoa(g.NoClick),
			strconv.Itoa(g.Last7), strconv.Itoa(g.Prev7), strconv.Itoa(g.Last30),
			g.FirstSeen.Format(time.RFC3339), g.LastSeen.Format(time.RFC3339), g.Status, Cell(g.Note),
			answered, g.AnsweredBy, before, after,
			g.Nearest, score, Cell(VariantList(g.Variants)), Cell(CountList(g.Sources)), Cell(CountList(g.Contexts)), Cell(CountList(g.Paths)),
			strings.Join(g.Merged, " "),
			strconv.Itoa(g.NoResultsVisitors), strconv.Itoa(g.NoClickVisitors), strconv.Itoa(g.Waiting),
			Cell(FoundList(g.FoundInstead)), Cell(FoundList(g.ShownFirst))})
	}
	cw.Flush()
	return cw.Error()
}

// Cell keeps a spreadsheet from reading visitors' text as a formula.
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// VariantList writes variants as "query (searches); …".
func VariantList(vs []Variant) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf("%s (%d)", v.Query, v.Searches)
	}
	return strings.Join(parts, "; ")
}

// FoundList writes the articles found instead (or shown first) as
// "article:n article:n", the most visitors first.
func FoundList(fs []Found) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%s:%d", f.Article, f.Visitors)
	}
	return strings.Join(parts, " ")
}

// CountList writes counts as "key:n key:n", keys sorted.
func CountList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s:%d", k, m[k])
	}
	return strings.Join(parts, " ")
}
