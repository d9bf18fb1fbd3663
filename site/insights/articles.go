package insights

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/guichet/guichet/site"
)

// Article is one article's figures over a period.
type Article struct {
	ID     string `json:"id"`
	Locale string `json:"locale"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	// Source is the article's file in the content folder; Updated its
	// last change. Both empty for an article no longer published (or not
	// yet published on this replica): "" and null in JSON, as in the CSV.
	Source  string    `json:"source"`
	Updated time.Time `json:"updated"`
	Views   int       `json:"views"`
	// Readers counts the distinct visitors who read it, day by day (see
	// ArticleDay.Readers): six views by one visitor are one reader.
	Readers int `json:"readers"`
	// Helpful and NotHelpful count the votes; HelpfulShare is Helpful
	// over both (null without votes).
	Helpful      int      `json:"helpful"`
	NotHelpful   int      `json:"not_helpful"`
	HelpfulShare *float64 `json:"helpful_share"`
	// Tickets counts the tickets linked to it created in the period.
	Tickets int `json:"tickets"`
	// ContactsAfterReading counts the visits that contacted support after
	// reading it.
	ContactsAfterReading int `json:"contacts_after_reading"`
}

// MarshalJSON writes an unknown Updated as null rather than Go's zero
// time ("0001-01-01T00:00:00Z"), which a script would read as a date.
func (a Article) MarshalJSON() ([]byte, error) {
	type plain Article
	var updated *time.Time
	if !a.Updated.IsZero() {
		u := a.Updated
		updated = &u
	}
	return json.Marshal(struct {
		plain
		Updated *time.Time `json:"updated"`
	}{plain(a), updated})
}

// Articles returns the figures of every article read, rated or ticketed in
// p, most viewed first (then most tickets, then ID), with their title, URL
// and source file from view.
func (s Service) Articles(ctx context.Context, p Period, view *site.View) ([]Article, error) {
	totals, err := s.Store.ArticleTotals(ctx, p.From, p.To)
	if err != nil {
		return nil, fmt.Errorf("insights articles: %w", err)
	}
	tickets, err := s.Store.TicketsByDay(ctx, p.From, p.To)
	if err != nil {
		return nil, fmt.Errorf("insights articles: %w", err)
	}
	type key struct{ id, locale string }
	by := map[key]*Article{}
	get := func(id, locale string) *Article {
		k := key{id, locale}
		a := by[k]
		if a == nil {
			a = &Article{ID: id, Locale: locale, Title: id}
			by[k] = a
		}
		return a
	}
	for _, d := range totals {
		if p.Locale != "" && d.Locale != p.Locale {
			continue
		}
		a := get(d.ArticleID, d.Locale)
		a.Views += d.Views
		a.Readers += d.Readers
		a.Helpful += d.Helpful
		a.NotHelpful += d.NotHelpful
		a.ContactsAfterReading += d.ContactsAfterReading
	}
	for _, t := range tickets {
		if t.ArticleID == "" || p.Locale != "" && t.Locale != p.Locale {
			continue
		}
		get(t.ArticleID, t.Locale).Tickets += t.Tickets
	}
	out := make([]Article, 0, len(by))
	for _, a := range by {
		a.HelpfulShare = ratio(a.Helpful, a.Helpful+a.NotHelpful)
		if view != nil {
			if art, err := view.ArticleOrDefault(a.ID, a.Locale); err == nil {
				a.Title, a.URL, a.Source, a.Updated = art.Title, art.URL, art.SourcePath, art.Updated
			}
		}
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Views != b.Views {
			return a.Views > b.Views
		}
		if a.Tickets != b.Tickets {
			return a.Tickets > b.Tickets
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Locale < b.Locale
	})
	return out, nil
}
