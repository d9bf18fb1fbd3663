package web

import (
	"io"
	"net/http"

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
	minVisitors, err := intParam(q, "min_visitors", 2, 1, 1000000)
	if err != nil {
		return err
	}
	opts := gaps.Options{Since: p.From, Until: p.To, Locale: p.Locale, MinVisitors: minVisitors, KeepIgnored: all}
	report, err := s.opts.Insights.Report(c.Request().Context(), opts)
	if err != nil {
		return err
	}
	if format == "csv" {
		return writeCSV(c, "gaps.csv", func(w io.Writer) error { return gaps.WriteCSV(w, report.Gaps) })
	}
	return c.JSON(http.StatusOK, report)
}
