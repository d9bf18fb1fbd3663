package web

import (
	"io"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/insights"
)

// insightsRequest admits a request to the insights API (bearer token,
// scope admin) and reads its period (since, until, locale) and format.
func (s *Server) insightsRequest(c echo.Context) (*state, insights.Period, string, error) {
	if s.opts.Insights == nil || s.opts.Auth == nil {
		return nil, insights.Period{}, "", site.Errorf(site.ENOTFOUND, "insights are not available")
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	if err := s.requireToken(c, adminScope); err != nil {
		return nil, insights.Period{}, "", err
	}
	st, err := s.current()
	if err != nil {
		return nil, insights.Period{}, "", err
	}
	q := c.QueryParams()
	format := strings.ToLower(strings.TrimSpace(q.Get("format")))
	if format != "" && format != "json" && format != "csv" {
		return nil, insights.Period{}, "", site.Errorf(site.EINVALID, "format must be json or csv")
	}
	p, err := s.period(st, q.Get("since"), q.Get("until"), q.Get("locale"))
	return st, p, format, err
}

// writeCSV answers a CSV file named name.
func writeCSV(c echo.Context, name string, write func(io.Writer) error) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	c.Response().WriteHeader(http.StatusOK)
	return write(c.Response())
}

// apiSummary answers GET /api/v1/insights/summary: the headline figures
// of the period, those of the period before, one daily series per figure
// and the deflection per entry point; format=csv gives one row per day.
func (s *Server) apiSummary(c echo.Context) error {
	_, p, format, err := s.insightsRequest(c)
	if err != nil {
		return err
	}
	sum, err := s.opts.Insights.Summary(c.Request().Context(), p)
	if err != nil {
		return err
	}
	if format == "csv" {
		return writeCSV(c, "summary.csv", func(w io.Writer) error { return insights.WriteSummaryCSV(w, sum) })
	}
	return c.JSON(http.StatusOK, sum)
}

// apiArticles answers GET /api/v1/insights/articles: each article's
// figures over the period, most read first.
func (s *Server) apiArticles(c echo.Context) error {
	_, p, format, err := s.insightsRequest(c)
	if err != nil {
		return err
	}
	list, err := s.opts.Insights.Articles(c.Request().Context(), p)
	if err != nil {
		return err
	}
	if format == "csv" {
		return writeCSV(c, "articles.csv", func(w io.Writer) error { return insights.WriteArticlesCSV(w, list) })
	}
	return c.JSON(http.StatusOK, map[string]any{"since": p.Since, "until": p.Until, "from": p.First(), "to": p.Last(), "locale": p.Locale, "articles": list})
}

// apiToDo answers GET /api/v1/insights/todo: the ranked to-do list of the
// period (the admin page's).
func (s *Server) apiToDo(c echo.Context) error {
	st, p, format, err := s.insightsRequest(c)
	if err != nil {
		return err
	}
	d, err := s.dashboard(c.Request().Context(), st, p, false)
	if err != nil {
		return err
	}
	if format == "csv" {
		return writeCSV(c, "todo.csv", func(w io.Writer) error { return insights.WriteToDoCSV(w, d.todo) })
	}
	todo := d.todo
	if todo == nil {
		todo = []insights.Task{}
	}
	return c.JSON(http.StatusOK, map[string]any{"since": p.Since, "until": p.Until, "from": p.First(), "to": p.Last(), "locale": p.Locale, "tasks": todo})
}
