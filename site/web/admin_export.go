package web

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/insights"
)

// adminExport serves GET /admin/export/FILE.csv: one section of the
// dashboard, for the period and locale of the page (the same query
// string), to a signed-in session.
func (s *Server) adminExport(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if s.opts.Insights == nil || s.opts.Auth == nil {
		return site.Errorf(site.ENOTFOUND, "the admin page is not available")
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	sess, err := s.session(c)
	if err != nil {
		return err
	}
	if sess == "" {
		return errUnauthorized
	}
	file := c.Param("file")
	switch file {
	case "summary.csv", "entry-points.csv", "todo.csv", "articles.csv", "comments.csv", "reasons.csv", "gaps.csv", "top-searches.csv", "tickets.csv":
	default:
		return site.Errorf(site.ENOTFOUND, "no export %q: summary, entry-points, todo, articles, comments, reasons, gaps, top-searches or tickets .csv", file)
	}
	p, err := s.adminPeriod(c, st)
	if err != nil {
		return err
	}
	d, err := s.dashboard(c.Request().Context(), st, p, showIgnored(c))
	if err != nil {
		return err
	}
	return writeCSV(c, file, func(w io.Writer) error {
		switch file {
		case "summary.csv":
			return insights.WriteSummaryCSV(w, d.summary)
		case "entry-points.csv":
			return insights.WriteEntryPointsCSV(w, d.summary.EntryPoints)
		case "todo.csv":
			return insights.WriteToDoCSV(w, d.todo)
		case "articles.csv":
			return insights.WriteArticlesCSV(w, d.articles)
		case "comments.csv":
			return insights.WriteCommentsCSV(w, d.feedback.Comments)
		case "reasons.csv":
			return insights.WriteReasonsCSV(w, d.feedback.Reasons)
		case "gaps.csv":
			return gaps.WriteCSV(w, d.report.Gaps)
		case "top-searches.csv":
			return writeTopSearches(w, d.report.Queries)
		}
		rows, _ := ticketRows(st, 0, p)
		if err := sinceUpdate(c.Request().Context(), s.opts.Insights, st, rows); err != nil {
			return err
		}
		return writeTicketRows(w, rows)
	})
}

// writeTopSearches writes the most searched queries.
func writeTopSearches(w io.Writer, list []gaps.QueryCount) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"query", "locale", "visitors", "searches", "no_results", "failed_visitors", "gap_id"})
	for _, q := range list {
		cw.Write([]string{gaps.Cell(q.Query), q.Locale, strconv.Itoa(q.Visitors), strconv.Itoa(q.Searches), strconv.Itoa(q.NoResults), strconv.Itoa(q.Failed), q.GapID})
	}
	cw.Flush()
	return cw.Error()
}

// writeTicketRows writes the tickets per article.
func writeTicketRows(w io.Writer, rows []adminTickets) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"article_id", "locale", "title", "source", "tickets_in_period", "tickets_7d", "tickets_30d", "tickets_90d", "tickets_prev_30d", "updated", "before_update_30d", "since_update", "days_since_update"})
	for _, r := range rows {
		updated := ""
		if !r.Updated.IsZero() {
			updated = r.Updated.UTC().Format("2006-01-02")
		}
		cw.Write([]string{r.ArticleID, r.Locale, gaps.Cell(r.Title), r.Source, strconv.Itoa(r.InPeriod), strconv.Itoa(r.Last7), strconv.Itoa(r.Last30), strconv.Itoa(r.Last90),
			strconv.Itoa(r.Prev30), updated, strconv.Itoa(r.Before), strconv.Itoa(r.After), strconv.Itoa(r.AfterDays)})
	}
	cw.Flush()
	return cw.Error()
}
