package site

import (
	"math"
	"sort"
	"time"
)

// FAQConfig configures the FAQ ranking: the `faq` section of guichet.yaml.
type FAQConfig struct {
	// Size is the number of questions on the FAQ page (default 10);
	// pinned articles are always shown, even beyond it.
	Size int `yaml:"size" json:"size"`
	// Include chooses the articles that may appear: FAQIncludeAll
	// (default: those marked faq: true and any article in the top by
	// tickets) or FAQIncludeMarked (only those marked faq: true).
	Include string `yaml:"include" json:"include"`
	// WindowDays is how far back tickets count (default 90).
	WindowDays int `yaml:"window_days" json:"window_days"`
	// HalfLifeDays is the age at which a ticket counts half (default 30).
	HalfLifeDays int `yaml:"half_life_days" json:"half_life_days"`
}

// FAQ inclusion modes.
const (
	FAQIncludeAll    = "all"
	FAQIncludeMarked = "marked"
)

// FAQ defaults.
const (
	DefaultFAQSize     = 10
	DefaultFAQWindow   = 90
	DefaultFAQHalfLife = 30
)

// TicketsConfig configures ticket linking: the `tickets` section of
// guichet.yaml.
type TicketsConfig struct {
	// MinConfidence is the search confidence (0..1) from which a ticket
	// is linked to the article search finds for it (default
	// DefaultTicketConfidence).
	MinConfidence float64 `yaml:"min_confidence" json:"min_confidence"`
}

// ArticleTickets counts the tickets of one article in one locale.
type ArticleTickets struct {
	ArticleID string  `json:"-"`
	Locale    string  `json:"-"`
	Score     float64 `json:"score"`   // tickets in the window, each weighed by its age (half-life decay)
	Window    int     `json:"tickets"` // tickets in the window
	Last7     int     `json:"tickets_7d"`
	Last30    int     `json:"tickets_30d"`
	Prev30    int     `json:"tickets_prev_30d"` // the 30 days before the last 30
	Last90    int     `json:"tickets_90d"`
}

// Trend compares the last 30 days with the 30 before: "new" (none
// before), "up" (20% more or over), "down" (20% fewer or over), "steady",
// or "" with no tickets at all.
func (a ArticleTickets) Trend() string {
	switch {
	case a.Last30 == 0 && a.Prev30 == 0:
		return ""
	case a.Prev30 == 0:
		return "new"
	case float64(a.Last30) >= 1.2*float64(a.Prev30):
		return "up"
	case float64(a.Last30) <= 0.8*float64(a.Prev30):
		return "down"
	}
	return "steady"
}

// TicketStats is an immutable summary of the tickets per article, built
// from daily counts.
type TicketStats struct {
	Now   time.Time
	byKey map[string]*ArticleTickets // locale|id
	days  map[string][]TicketDay     // locale|id → days, oldest first
}

// NewTicketStats sums daily counts at time now with the configured window
// and half-life (zero values: the defaults).
func NewTicketStats(days []TicketDay, now time.Time, cfg FAQConfig) *TicketStats {
	window := cfg.WindowDays
	if window <= 0 {
		window = DefaultFAQWindow
	}
	half := cfg.HalfLifeDays
	if half <= 0 {
		half = DefaultFAQHalfLife
	}
	s := &TicketStats{Now: now, byKey: map[string]*ArticleTickets{}, days: map[string][]TicketDay{}}
	today := now.UTC().Truncate(24 * time.Hour)
	for _, d := range days {
		k := d.Locale + "|" + d.ArticleID
		a := s.byKey[k]
		if a == nil {
			a = &ArticleTickets{ArticleID: d.ArticleID, Locale: d.Locale}
			s.byKey[k] = a
		}
		s.days[k] = append(s.days[k], d)
		age := int(today.Sub(d.Day.UTC().Truncate(24*time.Hour)) / (24 * time.Hour))
		if age < 0 {
			age = 0
		}
		if age < window {
			a.Window += d.Tickets
			a.Score += float64(d.Tickets) * math.Exp2(-float64(age)/float64(half))
		}
		switch {
		case age < 7:
			a.Last7 += d.Tickets
			fallthrough
		case age < 30:
			a.Last30 += d.Tickets
		case age < 60:
			a.Prev30 += d.Tickets
		}
		if age < 90 {
			a.Last90 += d.Tickets
		}
	}
	for _, list := range s.days {
		sort.Slice(list, func(i, j int) bool { return list[i].Day.Before(list[j].Day) })
	}
	return s
}

// Of returns the counts of article id in locale (zero when it has none).
func (s *TicketStats) Of(id, locale string) ArticleTickets {
	if s != nil {
		if a := s.byKey[locale+"|"+id]; a != nil {
			return *a
		}
	}
	return ArticleTickets{ArticleID: id, Locale: locale}
}

// All returns every article's counts, most tickets in the window first.
func (s *TicketStats) All() []ArticleTickets {
	if s == nil {
		return nil
	}
	out := make([]ArticleTickets, 0, len(s.byKey))
	for _, a := range s.byKey {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].Locale != out[j].Locale {
			return out[i].Locale < out[j].Locale
		}
		return out[i].ArticleID < out[j].ArticleID
	})
	return out
}

// Between counts the tickets of article id in locale on the days from
// from (included) to to (excluded), as far back as the counts were loaded
// (a year: see tickets.Service.Refresh).
func (s *TicketStats) Between(id, locale string, from, to time.Time) int {
	if s == nil {
		return 0
	}
	n := 0
	for _, d := range s.days[locale+"|"+id] {
		if day := d.Day.UTC().Truncate(24 * time.Hour); !day.Before(from.UTC()) && day.Before(to.UTC()) {
			n += d.Tickets
		}
	}
	return n
}

// Around counts the tickets of an article in the span days before day at
// and in the span days from it (fewer when at is recent: after covers only
// the days until now, given as days).
func (s *TicketStats) Around(id, locale string, at time.Time, span int) (before, after, afterDays int) {
	if s == nil {
		return 0, 0, 0
	}
	start := at.UTC().Truncate(24 * time.Hour)
	afterDays = min(span, int(s.Now.UTC().Truncate(24*time.Hour).Sub(start)/(24*time.Hour))+1)
	for _, d := range s.days[locale+"|"+id] {
		age := int(start.Sub(d.Day.UTC().Truncate(24*time.Hour)) / (24 * time.Hour))
		switch {
		case age > 0 && age <= span:
			before += d.Tickets
		case age <= 0 && -age < span:
			after += d.Tickets
		}
	}
	return before, after, max(afterDays, 0)
}

// FAQEntry is one question of the FAQ.
type FAQEntry struct {
	Article *Article
	Pinned  bool
	Tickets ArticleTickets
}

// RankFAQ returns the FAQ of locale: articles marked faq: pinned first (by
// weight, then title), then the others by tickets (decayed score), articles
// marked faq: true breaking ties; up to cfg.Size entries, pinned ones
// always included. In a locale other than the default, an article of the
// default locale not translated into it ranks there by the locale's
// tickets linked to it (its Locale is the default's). Only published
// articles appear, never drafts or scheduled ones, whatever the view.
func RankFAQ(v *View, locale string, stats *TicketStats, cfg FAQConfig) []FAQEntry {
	size := cfg.Size
	if size <= 0 {
		size = DefaultFAQSize
	}
	var pinned, rest []FAQEntry
	for _, a := range v.ByLocale[locale] {
		if !a.Visible(v.Now, false) {
			continue
		}
		e := FAQEntry{Article: a, Pinned: a.FAQ == FAQPinned, Tickets: stats.Of(a.ID, locale)}
		switch {
		case e.Pinned:
			pinned = append(pinned, e)
		case a.FAQ == FAQTrue:
			rest = append(rest, e)
		case cfg.Include != FAQIncludeMarked && e.Tickets.Window > 0:
			rest = append(rest, e)
		}
	}
	// The default locale's articles not translated into locale are what
	// its readers are shown: the locale's tickets linked to one rank it
	// among the locale's questions, by those tickets (not pinned there).
	if def := v.Lib.Config.DefaultLocale; locale != def {
		for _, a := range v.ByLocale[def] {
			if !a.Visible(v.Now, false) || cfg.Include == FAQIncludeMarked && a.FAQ == "" {
				continue
			}
			if _, err := v.Article(a.ID, locale); err == nil {
				continue // translated: the translation ranks
			}
			if e := (FAQEntry{Article: a, Tickets: stats.Of(a.ID, locale)}); e.Tickets.Window > 0 {
				rest = append(rest, e)
			}
		}
	}
	sort.SliceStable(pinned, func(i, j int) bool {
		a, b := pinned[i].Article, pinned[j].Article
		if c := CompareWeight(a.Weight, b.Weight); c != 0 {
			return c < 0
		}
		return a.Title < b.Title
	})
	sort.SliceStable(rest, func(i, j int) bool {
		x, y := rest[i], rest[j]
		if x.Tickets.Score != y.Tickets.Score {
			return x.Tickets.Score > y.Tickets.Score
		}
		if mx, my := x.Article.FAQ == FAQTrue, y.Article.FAQ == FAQTrue; mx != my {
			return mx
		}
		if c := CompareWeight(x.Article.Weight, y.Article.Weight); c != 0 {
			return c < 0
		}
		return x.Article.Title < y.Article.Title
	})
	if n := max(size-len(pinned), 0); len(rest) > n {
		rest = rest[:n]
	}
	return append(pinned, rest...)
}
