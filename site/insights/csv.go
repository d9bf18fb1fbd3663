package insights

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// writeCSV writes a header and rows, every cell of text kept from being
// read as a formula (gaps.Cell).
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.Write(header)
	for _, r := range rows {
		for i := range r {
			r[i] = gaps.Cell(r[i])
		}
		cw.Write(r)
	}
	cw.Flush()
	return cw.Error()
}

// WriteSummaryCSV writes one row per day of the summary, one column per
// figure (FigureList): counts as integers, rates from 0 to 1.
func WriteSummaryCSV(w io.Writer, s Summary) error {
	header := []string{"day"}
	for _, f := range FigureList {
		header = append(header, f.Key)
	}
	var rows [][]string
	for _, d := range s.Days {
		row := []string{d.Day}
		for _, f := range FigureList {
			row = append(row, f.rawValue(f.Value(d.Figures)))
		}
		rows = append(rows, row)
	}
	return writeCSV(w, header, rows)
}

// WriteEntryPointsCSV writes the deflection per entry point.
func WriteEntryPointsCSV(w io.Writer, list []EntryPoint) error {
	rows := make([][]string, 0, len(list))
	for _, e := range list {
		rows = append(rows, []string{e.Source, e.Screen, strconv.Itoa(e.Visits), strconv.Itoa(e.SelfServiceVisits),
			strconv.Itoa(e.DeflectedVisits), rate(e.Deflection)})
	}
	return writeCSV(w, []string{"source", "screen", "visits", "self_service_visits", "deflected_visits", "deflection"}, rows)
}

// WriteArticlesCSV writes one row per article.
func WriteArticlesCSV(w io.Writer, list []Article) error {
	rows := make([][]string, 0, len(list))
	for _, a := range list {
		updated := ""
		if !a.Updated.IsZero() {
			updated = a.Updated.UTC().Format(time.DateOnly)
		}
		rows = append(rows, []string{a.ID, a.Locale, a.Title, a.URL, a.Source, updated, strconv.Itoa(a.Views),
			strconv.Itoa(a.Helpful), strconv.Itoa(a.NotHelpful), rate(a.HelpfulShare), strconv.Itoa(a.Tickets), strconv.Itoa(a.ContactsAfterReading), strconv.Itoa(a.Readers)})
	}
	return writeCSV(w, []string{"id", "locale", "title", "url", "source", "updated", "views", "helpful", "not_helpful",
		"helpful_share", "tickets", "contacts_after_reading", "readers"}, rows)
}

// WriteToDoCSV writes the to-do list, best first.
func WriteToDoCSV(w io.Writer, list []Task) error {
	rows := make([][]string, 0, len(list))
	for i, t := range list {
		rows = append(rows, []string{strconv.Itoa(i + 1), t.Kind, strconv.Itoa(t.People), t.Title, t.Why, t.Action, t.Target, t.GapID, t.ArticleID, t.Locale})
	}
	return writeCSV(w, []string{"rank", "kind", "people", "title", "why", "action", "target", "gap_id", "article_id", "locale"}, rows)
}

// WriteCommentsCSV writes the grouped comments of "not helpful" votes.
func WriteCommentsCSV(w io.Writer, list []Comment) error {
	rows := make([][]string, 0, len(list))
	for _, c := range list {
		rows = append(rows, []string{c.ArticleID, c.Locale, c.Comment, strconv.Itoa(c.Count), c.Last.UTC().Format(time.RFC3339)})
	}
	return writeCSV(w, []string{"article_id", "locale", "comment", "votes", "last"}, rows)
}

// WriteReasonsCSV writes the reasons "not helpful" voters gave, per
// article, with how many gave each (Feedback.Reasons).
func WriteReasonsCSV(w io.Writer, list []Reason) error {
	rows := make([][]string, 0, len(list))
	for _, r := range list {
		rows = append(rows, []string{r.ArticleID, r.Locale, r.Reason, strconv.Itoa(r.Count)})
	}
	return writeCSV(w, []string{"article_id", "locale", "reason", "votes"}, rows)
}

// rate writes a share from 0 to 1 with four decimals, "" when undefined.
func rate(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', 4, 64)
}
