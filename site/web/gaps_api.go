package web

import (
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/labstack/echo/v4"
)

// apiGaps answers GET /api/v1/insights/gaps (bearer token, scope admin).
func (s *Server) apiGaps(c echo.Context) error {
	if s.opts.Insights == nil || s.opts.Auth == nil {
		return site.Errorf(site.ENOTFOUND, "insights are not available")
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	if err := s.requireToken(c, adminScope); err != nil {
		return err
	}
	q := c.QueryParams()
	since, err := parseSince(q.Get("since"), s.opts.Now())
	if err != nil {
		return err
	}
	opts := gaps.Options{Since: since, Locale: q.Get("locale"), MinVisitors: 2, KeepIgnored: q.Get("all") == "true"}
	if u := q.Get("until"); u != "" {
		day, err := time.Parse(time.DateOnly, u)
		if err != nil {
			return site.Errorf(site.EINVALID, "until: %q is not a day like 2026-11-30 (the last day counted)", u)
		}
		opts.Until = day.Add(24 * time.Hour)
	}
	if v := q.Get("min_visitors"); v != "" {
		if opts.MinVisitors, err = strconv.Atoi(v); err != nil || opts.MinVisitors < 1 || opts.MinVisitors > 1000000 {
			return site.Errorf(site.EINVALID, "min_visitors must be a positive number")
		}
	}
	format := q.Get("format")
	if format != "" && format != "json" && format != "csv" {
		return site.Errorf(site.EINVALID, "format must be json or csv")
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
