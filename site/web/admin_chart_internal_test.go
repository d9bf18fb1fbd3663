package web

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site/insights"
)

// TestChartShareIsThePeriods: the words under a chart give the period's
// share, the card's (18 of 66 searches found nothing: 27.3%), not an
// average of the daily shares (one day 9 of 10, another 9 of 56, averaging
// 53.0%); and the line breaks on a day with nothing to divide by instead of
// drawing a value there.
func TestChartShareIsThePeriods(t *testing.T) {
	r := func(a, b int) *float64 { v := float64(a) / float64(b); return &v }
	days := []insights.DayFigures{
		{Day: "2026-11-01", Figures: insights.Figures{Searches: 10, NoResultSearches: 9, NoResultRate: r(9, 10)}},
		{Day: "2026-11-02"},
		{Day: "2026-11-03", Figures: insights.Figures{Searches: 56, NoResultSearches: 9, NoResultRate: r(9, 56)}},
	}
	whole := insights.Figures{Searches: 66, NoResultSearches: 18, NoResultRate: r(18, 66)}
	c := newChart("searches", "Searches", days, whole, "Searches", "search",
		func(f insights.Figures) int { return f.Searches },
		"No-result rate", func(f insights.Figures) *float64 { return f.NoResultRate }, nil)
	if !strings.Contains(c.Desc, "no-result rate 27.3% over the period") {
		t.Errorf("desc %q, want the period's no-result rate, 27.3%%", c.Desc)
	}
	if len(c.Lines) != 2 {
		t.Errorf("lines %q, want two (the empty day breaks the line)", c.Lines)
	}
}
