package web

import (
	"strconv"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/insights"
)

// chart is a chart of the admin page, drawn on the server as inline SVG
// (template "chart") with its figures as a table: bars for a daily count,
// an optional line for a daily share (0–100 % on the right axis) and
// optional marks on days (articles edited).
type chart struct {
	ID, Title string
	// Desc sums the chart up in words for screen readers.
	Desc string
	Bars []chartBar
	// Lines are the polylines of the share, one per run of days that have
	// it: a day with nothing to divide by breaks the line rather than be
	// bridged, and a day alone is a dot.
	Lines  []string
	Marks  []chartMark
	YMax   string // the top of the count axis
	XFirst string // first and last day, under the axis
	XLast  string
	// BarName and LineName name the series in the legend and the table.
	BarName, LineName string
	Table             [][]string // day, count, share, marks
}

type chartBar struct {
	X, Y, W, H string
	Label      string // the day and value, for a hover title
}

type chartMark struct {
	X     string
	Label string
}

// Chart geometry, in viewBox units.
const (
	chartW, chartH         = 640, 220
	chartLeft, chartRight  = 44, 44
	chartTop, chartBottom  = 12, 28
	chartPlotW, chartPlotH = chartW - chartLeft - chartRight, chartH - chartTop - chartBottom
)

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// pct writes a share as a percentage.
func pct(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
}

// newChart draws days of a summary: bars from bar (nil: none), named
// barName in the legend and the table ("Views") and counted in words with
// barOne for one and barName in lower case for more (site.CountOf: "1
// view", "4 views"), a line from line (a share; nil: none), marks on days
// (day → labels). whole is the period's figures: the words sum the share
// up as the period's own (the card's), not as an average of daily shares.
func newChart(id, title string, days []insights.DayFigures, whole insights.Figures, barName, barOne string, bar func(insights.Figures) int,
	lineName string, line func(insights.Figures) *float64, marks map[string][]string) chart {
	c := chart{ID: id, Title: title, BarName: barName, LineName: lineName}
	count := func(n int) string { return site.CountOf(n, barOne, strings.ToLower(barName)) }
	n := len(days)
	if n == 0 {
		return c
	}
	c.XFirst, c.XLast = days[0].Day, days[n-1].Day
	maxV := 0
	total := 0
	if bar != nil {
		for _, d := range days {
			maxV = max(maxV, bar(d.Figures))
			total += bar(d.Figures)
		}
	}
	top := niceMax(maxV)
	c.YMax = strconv.Itoa(top)
	slot := float64(chartPlotW) / float64(n)
	var pts []string
	flush := func() {
		if len(pts) == 1 {
			pts = append(pts, pts[0]) // a day alone: a dot
		}
		if len(pts) > 0 {
			c.Lines = append(c.Lines, strings.Join(pts, " "))
		}
		pts = nil
	}
	lineDays := 0
	for i, d := range days {
		x := float64(chartLeft) + slot*float64(i)
		row := []string{d.Day}
		if bar != nil {
			v := bar(d.Figures)
			h := float64(chartPlotH) * float64(v) / float64(top)
			c.Bars = append(c.Bars, chartBar{X: num(x + slot*0.15), Y: num(float64(chartTop+chartPlotH) - h), W: num(slot * 0.7), H: num(h),
				Label: d.Day + ": " + count(v)})
			row = append(row, strconv.Itoa(v))
		}
		if line != nil {
			v := line(d.Figures)
			row = append(row, pct(v))
			if v != nil {
				pts = append(pts, num(x+slot/2)+","+num(float64(chartTop)+float64(chartPlotH)*(1-*v)))
				lineDays++
			} else {
				flush()
			}
		}
		if m := marks[d.Day]; len(m) > 0 {
			c.Marks = append(c.Marks, chartMark{X: num(x + slot/2), Label: d.Day + ": " + strings.Join(m, ", ")})
			row = append(row, strings.Join(m, ", "))
		} else if marks != nil {
			row = append(row, "")
		}
		c.Table = append(c.Table, row)
	}
	flush()
	var desc []string
	if bar != nil {
		desc = append(desc, count(total)+" from "+c.XFirst+" to "+c.XLast+", at most "+site.Thousands(maxV)+" a day")
	}
	if line != nil {
		if v := line(whole); v != nil && lineDays > 0 {
			desc = append(desc, strings.ToLower(lineName)+" "+pct(v)+" over the period ("+site.CountOf(lineDays, "day had", "days had")+" any)")
		} else {
			desc = append(desc, "no "+strings.ToLower(lineName)+" yet")
		}
	}
	if len(c.Marks) > 0 {
		desc = append(desc, site.Count(len(c.Marks), "day")+" with article edits marked")
	}
	c.Desc = strings.Join(desc, "; ") + "."
	return c
}

// niceMax rounds a chart's top up to 1, 2 or 5 times a power of ten.
func niceMax(v int) int {
	if v <= 1 {
		return 1
	}
	p := 1
	for p*10 < v {
		p *= 10
	}
	for _, m := range []int{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}
