package web

import (
	"io"
	"net/http"
	"strconv"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/labstack/echo/v4"
)

// apiGaps answers GET /api/v1/insights/gaps (bearer token, scope admin),
// for the period the other insights endpoints and the admin page read
// (insightsRequest: since, until and locale through insights.ParsePeriod),
// so since=30d lists the gaps the dashboard shows for its 30 days.
func (s *Server) apiGaps(c echo.Context) error {
	_, p, format, err := s.insightsRequest(c)
	if err != nil {
		return err
	}
	q := c.QueryParams()
	all, err := boolParam(q, "all")
	if err != nil {
		return err
	}
	opts := gaps.Options{Since: p.From, Until: p.To, Locale: p.Locale, MinVisitors: 2, KeepIgnored: all}
	if v := q.Get("min_visitors"); v != "" {
		if opts.MinVisitors, err = strconv.Atoi(v); err != nil || opts.MinVisitors < 1 || opts.MinVisitors > 1000000 {
			return site.Errorf(site.EINVALID, "min_visitors must be a positive number")
		}
	}
	report, err := s.opts.Insights.Report(c.Request().Context(), opts)
	if err != nil {
		return err
	}
	if format == "csv" {
		return writeCSV(c, "gaps.csv", func(w io.Writer) error { return gaps.WriteCSV(w, report.Gaps) })
	}
	return c.JSON(http.StatusOK, report)
}
