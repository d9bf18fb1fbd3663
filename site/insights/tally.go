package insights

import (
	"sort"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// VisitGap ends a visit: a visitor's activities less than 30 minutes
// apart are one visit (the window in which a reading satisfies a search,
// too). A visitor is a daily-rotated hash, so a visit never spans two UTC
// days.
const VisitGap = 30 * time.Minute

// Kinds of Activity besides the event types of package site.
const (
	KindSearch = site.EventSearch
	KindOpen   = site.EventOpen
)

// Activity is one thing a visitor did, as a store reads it from its raw
// rows: a search (KindSearch), a click, vote, view or contact (the site
// event types), or an opening of the widget (KindOpen).
type Activity struct {
	Kind      string
	Visitor   string
	Time      time.Time
	Locale    string
	Source    string
	Context   string // the widget's context key
	Path      string // the widget's host path
	ArticleID string
	// Results and Satisfied describe a search; Helpful a vote.
	Results   int
	Satisfied bool
	Helpful   bool
}

// screen is where an activity entered: the widget's screen, "" elsewhere.
func (a Activity) screen() string {
	if a.Source != site.SourceWidget {
		return ""
	}
	return gaps.Screen(a.Context, a.Path)
}

// selfService says whether the activity is a visitor helping themselves:
// a search, a result opened, a reading or a vote.
func (a Activity) selfService() bool {
	switch a.Kind {
	case KindSearch, site.EventClick, site.EventView, site.EventVote:
		return true
	}
	return false
}

// Tally computes the daily totals of activities sorted by visitor, then
// time (the order stores read them in). It is the one computation of every
// daily figure: the stores call it on the raw rows of a day, both to
// answer for days not rolled up yet and to roll them up.
func Tally(acts []Activity) Totals {
	type dayKey struct{ day, locale, source, screen string }
	type artKey struct{ day, id, locale string }
	days := map[dayKey]*Day{}
	arts := map[artKey]*ArticleDay{}
	dayOf := func(a Activity, locale, source, screen string) *Day {
		k := dayKey{a.Time.UTC().Format(time.DateOnly), locale, source, screen}
		d := days[k]
		if d == nil {
			d = &Day{Day: k.day, Locale: locale, Source: source, Screen: screen}
			days[k] = d
		}
		return d
	}
	readers := map[artKey]map[string]bool{} // the visitors who viewed each
	artOf := func(a Activity, id string) *ArticleDay {
		k := artKey{a.Time.UTC().Format(time.DateOnly), id, a.Locale}
		d := arts[k]
		if d == nil {
			d = &ArticleDay{Day: k.day, ArticleID: id, Locale: a.Locale}
			arts[k] = d
		}
		return d
	}
	// visit closes over one visit: acts[from:to].
	visit := func(v []Activity) {
		first := v[0]
		// The widget's opening is where a visit entered, before
		// anything recorded in the same millisecond (its search, read in
		// either order).
		for _, a := range v[1:] {
			if !a.Time.Equal(first.Time) {
				break
			}
			if a.Kind == KindOpen && first.Kind != KindOpen {
				first = a
			}
		}
		d := dayOf(first, first.Locale, first.Source, first.screen())
		d.Visits++
		self, contacted := false, false
		type reading struct{ id, locale string }
		read := map[reading]bool{}
		// The readings before the first contact, each of an article in
		// the locale it was read in (a visit that entered in French and
		// read the English version counts for the English one).
		var after []Activity
		for _, a := range v {
			self = self || a.selfService()
			switch a.Kind {
			case site.EventView:
				if r := (reading{a.ArticleID, a.Locale}); !contacted && !read[r] {
					read[r] = true
					after = append(after, a)
				}
			case site.EventContact:
				if !contacted {
					contacted = true
					for _, r := range after {
						artOf(r, r.ArticleID).ContactsAfterReading++
					}
				}
			}
		}
		if self {
			d.SelfServiceVisits++
			if !contacted {
				d.DeflectedVisits++
			}
		}
	}
	start := 0
	for i, a := range acts {
		d := dayOf(a, a.Locale, a.Source, a.screen())
		switch a.Kind {
		case KindSearch:
			d.Searches++
			// The gap report's one rule: a satisfied search found an
			// answer, even one recorded with no result (only related
			// articles, one of which its visitor opened or read).
			switch (gaps.Record{Results: a.Results, Satisfied: a.Satisfied}).Failure() {
			case gaps.NoResults:
				d.NoResultSearches++
			case gaps.NoClick:
				d.NoClickSearches++
			default:
				d.ClickedSearches++
			}
		case site.EventView:
			d.Views++
			ad := artOf(a, a.ArticleID)
			ad.Views++
			k := artKey{ad.Day, ad.ArticleID, ad.Locale}
			if readers[k] == nil {
				readers[k] = map[string]bool{}
			}
			if a.Visitor == "" || !readers[k][a.Visitor] {
				readers[k][a.Visitor] = true
				ad.Readers++
			}
		case site.EventVote:
			if a.Helpful {
				d.HelpfulVotes++
				artOf(a, a.ArticleID).Helpful++
			} else {
				d.NotHelpfulVotes++
				artOf(a, a.ArticleID).NotHelpful++
			}
		case site.EventContact:
			d.Contacts++
		case KindOpen:
			d.WidgetOpens++
		}
		if i > start {
			prev := acts[i-1]
			if a.Visitor == "" || a.Visitor != prev.Visitor || a.Time.Sub(prev.Time) > VisitGap ||
				a.Time.UTC().Format(time.DateOnly) != prev.Time.UTC().Format(time.DateOnly) {
				visit(acts[start:i])
				start = i
			}
		}
	}
	if len(acts) > start {
		visit(acts[start:])
	}
	var out Totals
	for _, d := range days {
		out.Days = append(out.Days, *d)
	}
	for _, a := range arts {
		out.Articles = append(out.Articles, *a)
	}
	out.Sort()
	return out
}

// Sort puts totals in their order: by day, then key. Stores return them
// so.
func (t *Totals) Sort() {
	sort.Slice(t.Days, func(i, j int) bool {
		a, b := t.Days[i], t.Days[j]
		if a.Day != b.Day {
			return a.Day < b.Day
		}
		if a.Locale != b.Locale {
			return a.Locale < b.Locale
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Screen < b.Screen
	})
	sort.Slice(t.Articles, func(i, j int) bool {
		a, b := t.Articles[i], t.Articles[j]
		if a.Day != b.Day {
			return a.Day < b.Day
		}
		if a.ArticleID != b.ArticleID {
			return a.ArticleID < b.ArticleID
		}
		return a.Locale < b.Locale
	})
}
