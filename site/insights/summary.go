package insights

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/guichet/guichet/site/gaps"
)

// Figures are the headline figures of a period. Rates are nil when they
// have nothing to divide by.
type Figures struct {
	Searches         int `json:"searches"`
	NoResultSearches int `json:"no_result_searches"`
	NoClickSearches  int `json:"no_click_searches"`
	ClickedSearches  int `json:"clicked_searches"`
	Views            int `json:"views"`
	HelpfulVotes     int `json:"helpful_votes"`
	NotHelpfulVotes  int `json:"not_helpful_votes"`
	Contacts         int `json:"contacts"`
	WidgetOpens      int `json:"widget_opens"`
	// Tickets counts the tickets created in the period (helpdesk import
	// or API), linked to an article or not.
	Tickets           int `json:"tickets"`
	Visits            int `json:"visits"`
	SelfServiceVisits int `json:"self_service_visits"`
	DeflectedVisits   int `json:"deflected_visits"`
	// NoResultRate is NoResultSearches / Searches; ClickThroughRate
	// ClickedSearches / (Searches - NoResultSearches), the searches that
	// found something; HelpfulShare HelpfulVotes / all votes; Deflection
	// DeflectedVisits / SelfServiceVisits, nil when no contact was recorded
	// in the period (nothing to deflect).
	NoResultRate     *float64 `json:"no_result_rate"`
	ClickThroughRate *float64 `json:"click_through_rate"`
	HelpfulShare     *float64 `json:"helpful_share"`
	Deflection       *float64 `json:"deflection"`
}

// Recorded reports whether anything was recorded in the figures' period:
// a search, a reading, a vote, a contact, a widget opening, a ticket or a
// visit. A period with none (before Guichet recorded anything, or with no
// traffic at all) has nothing to compare with, rather than zeros.
func (f Figures) Recorded() bool {
	return f.Searches+f.Views+f.HelpfulVotes+f.NotHelpfulVotes+f.Contacts+f.WidgetOpens+f.Tickets+f.Visits > 0
}

// ratio is a/b, nil when b is 0.
func ratio(a, b int) *float64 {
	if b <= 0 {
		return nil
	}
	r := float64(a) / float64(b)
	return &r
}

func (f *Figures) addDay(d Day) {
	f.Searches += d.Searches
	f.NoResultSearches += d.NoResultSearches
	f.NoClickSearches += d.NoClickSearches
	f.ClickedSearches += d.ClickedSearches
	f.Views += d.Views
	f.HelpfulVotes += d.HelpfulVotes
	f.NotHelpfulVotes += d.NotHelpfulVotes
	f.Contacts += d.Contacts
	f.WidgetOpens += d.WidgetOpens
	f.Visits += d.Visits
	f.SelfServiceVisits += d.SelfServiceVisits
	f.DeflectedVisits += d.DeflectedVisits
}

// rates computes the rates from the counts; deflection only when
// contacted (see deflection).
func (f *Figures) rates(contacted bool) {
	f.NoResultRate = ratio(f.NoResultSearches, f.Searches)
	f.ClickThroughRate = ratio(f.ClickedSearches, f.Searches-f.NoResultSearches)
	f.HelpfulShare = ratio(f.HelpfulVotes, f.HelpfulVotes+f.NotHelpfulVotes)
	f.Deflection = deflection(f.DeflectedVisits, f.SelfServiceVisits, contacted)
}

// deflection is deflected ÷ selfService, nil when nobody contacted support
// in the period (and locale) it is read over: with no contact recorded
// there was nothing to deflect (no contact channel, or none measured),
// and "100 %" would claim every visit was kept from one. A day or an entry
// point with no contact of a period that had some is a true 100 %.
func deflection(deflected, selfService int, contacted bool) *float64 {
	if !contacted {
		return nil
	}
	return ratio(deflected, selfService)
}

// Figure describes one figure: its JSON name, its label and how to read
// it from Figures. Rate figures are shares from 0 to 1.
type Figure struct {
	Key, Label string
	Rate       bool
	Value      func(Figures) *float64
}

func count(f func(Figures) int) func(Figures) *float64 {
	return func(x Figures) *float64 { v := float64(f(x)); return &v }
}

// FigureList is every figure, in the order the dashboard shows them and
// the CSV columns go.
var FigureList = []Figure{
	{"searches", "Searches", false, count(func(f Figures) int { return f.Searches })},
	{"no_result_searches", "Searches with no result", false, count(func(f Figures) int { return f.NoResultSearches })},
	{"no_click_searches", "Searches with results nobody took", false, count(func(f Figures) int { return f.NoClickSearches })},
	{"clicked_searches", "Searches that found an answer", false, count(func(f Figures) int { return f.ClickedSearches })},
	{"no_result_rate", "No-result rate", true, func(f Figures) *float64 { return f.NoResultRate }},
	{"click_through_rate", "Click-through rate", true, func(f Figures) *float64 { return f.ClickThroughRate }},
	{"views", "Article views", false, count(func(f Figures) int { return f.Views })},
	{"helpful_votes", "Helpful votes", false, count(func(f Figures) int { return f.HelpfulVotes })},
	{"not_helpful_votes", "Not helpful votes", false, count(func(f Figures) int { return f.NotHelpfulVotes })},
	{"helpful_share", "Helpful share", true, func(f Figures) *float64 { return f.HelpfulShare }},
	{"contacts", "Contacts", false, count(func(f Figures) int { return f.Contacts })},
	{"widget_opens", "Widget opens", false, count(func(f Figures) int { return f.WidgetOpens })},
	{"tickets", "Tickets", false, count(func(f Figures) int { return f.Tickets })},
	{"visits", "Visits", false, count(func(f Figures) int { return f.Visits })},
	{"self_service_visits", "Self-service visits", false, count(func(f Figures) int { return f.SelfServiceVisits })},
	{"deflected_visits", "Deflected visits", false, count(func(f Figures) int { return f.DeflectedVisits })},
	{"deflection", "Deflection", true, func(f Figures) *float64 { return f.Deflection }},
}

// Point is one day of a series; Value is null (nil) for a rate with
// nothing to divide by that day.
type Point struct {
	Day   string   `json:"day"`
	Value *float64 `json:"value"`
}

// EntryPoint is the deflection of the visits that started at one entry
// point: the site, or one screen of the widget.
type EntryPoint struct {
	Source            string   `json:"source"`
	Screen            string   `json:"screen"`
	Visits            int      `json:"visits"`
	SelfServiceVisits int      `json:"self_service_visits"`
	DeflectedVisits   int      `json:"deflected_visits"`
	Deflection        *float64 `json:"deflection"`
}

// Summary is the figures of a period, those of the period before, one
// daily series per figure and the deflection per entry point.
type Summary struct {
	Since  string `json:"since"`
	Until  string `json:"until,omitempty"`
	From   string `json:"from"` // first day counted
	To     string `json:"to"`   // last day counted
	Locale string `json:"locale"`
	Figures
	Previous    Figures            `json:"previous"`
	Series      map[string][]Point `json:"series"`
	EntryPoints []EntryPoint       `json:"entry_points"`
	// Days are the daily figures, oldest first (the series by day).
	Days []DayFigures `json:"-"`
}

// DayFigures are the figures of one day.
type DayFigures struct {
	Day string
	Figures
}

// Service computes the dashboard's figures from a Store.
type Service struct {
	Store Store
}

// Summary computes the figures of p and of the period before.
func (s Service) Summary(ctx context.Context, p Period) (Summary, error) {
	prev := p.Previous()
	days, err := s.Store.DayTotals(ctx, prev.From, p.To)
	if err != nil {
		return Summary{}, fmt.Errorf("insights summary: %w", err)
	}
	tickets, err := s.Store.TicketsByDay(ctx, prev.From, p.To)
	if err != nil {
		return Summary{}, fmt.Errorf("insights summary: %w", err)
	}
	sum := Summary{Since: p.Since, Until: p.Until, From: p.First(), To: p.Last(), Locale: p.Locale, Series: map[string][]Point{}}
	first := p.First()
	byDay := map[string]*Figures{}
	for _, d := range p.dayList() {
		byDay[d] = &Figures{}
	}
	entries := map[[2]string]*EntryPoint{}
	spelt := map[[2]string][]gaps.Spelling{} // each entry point's screen as typed, by visits
	for _, d := range days {
		if p.Locale != "" && d.Locale != p.Locale {
			continue
		}
		if d.Day < first {
			sum.Previous.addDay(d)
			continue
		}
		sum.Figures.addDay(d)
		if f := byDay[d.Day]; f != nil {
			f.addDay(d)
		}
		if d.Visits > 0 {
			screen := gaps.ReadScreen(d.Screen)              // "/caf%C3%A9", rolled up before, is "/café"
			k := [2]string{d.Source, gaps.ScreenKey(screen)} // "Checkout" is "checkout"
			e := entries[k]
			if e == nil {
				e = &EntryPoint{Source: d.Source, Screen: screen}
				entries[k] = e
			}
			e.Visits += d.Visits
			e.SelfServiceVisits += d.SelfServiceVisits
			e.DeflectedVisits += d.DeflectedVisits
			spelt[k] = addSpelling(spelt[k], screen, d.Visits)
		}
	}
	for _, t := range tickets {
		if p.Locale != "" && t.Locale != p.Locale {
			continue
		}
		if t.Day < first {
			sum.Previous.Tickets += t.Tickets
			continue
		}
		sum.Tickets += t.Tickets
		if f := byDay[t.Day]; f != nil {
			f.Tickets += t.Tickets
		}
	}
	contacted := sum.Contacts > 0
	sum.Figures.rates(contacted)
	sum.Previous.rates(sum.Previous.Contacts > 0)
	for _, d := range p.dayList() {
		f := byDay[d]
		f.rates(contacted)
		sum.Days = append(sum.Days, DayFigures{d, *f})
	}
	for _, fig := range FigureList {
		pts := make([]Point, len(sum.Days))
		for i, d := range sum.Days {
			pts[i] = Point{d.Day, fig.Value(d.Figures)}
		}
		sum.Series[fig.Key] = pts
	}
	for k, e := range entries {
		// Shown as most visits typed it, as the gaps show a screen.
		e.Screen = gaps.MostTyped(e.Screen, spelt[k])
		e.Deflection = deflection(e.DeflectedVisits, e.SelfServiceVisits, contacted)
		sum.EntryPoints = append(sum.EntryPoints, *e)
	}
	sort.Slice(sum.EntryPoints, func(i, j int) bool {
		a, b := sum.EntryPoints[i], sum.EntryPoints[j]
		if a.Visits != b.Visits {
			return a.Visits > b.Visits
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Screen < b.Screen
	})
	if sum.EntryPoints == nil {
		sum.EntryPoints = []EntryPoint{}
	}
	return sum, nil
}

// addSpelling counts n more of text among spellings.
func addSpelling(spellings []gaps.Spelling, text string, n int) []gaps.Spelling {
	for i := range spellings {
		if spellings[i].Text == text {
			spellings[i].N += n
			return spellings
		}
	}
	return append(spellings, gaps.Spelling{Text: text, N: n})
}

// Format writes a figure's value as the dashboard and CSV show it: a count,
// or a rate as a percentage with one decimal; "" when undefined.
func (fig Figure) Format(v *float64) string {
	if v == nil {
		return ""
	}
	if fig.Rate {
		return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
	}
	return strconv.FormatFloat(*v, 'f', 0, 64)
}

// rawValue is a value for CSV and JSON consumers: counts as integers,
// rates from 0 to 1 with four decimals.
func (fig Figure) rawValue(v *float64) string {
	if v == nil {
		return ""
	}
	if fig.Rate {
		return strconv.FormatFloat(*v, 'f', 4, 64)
	}
	return strconv.FormatFloat(*v, 'f', 0, 64)
}
