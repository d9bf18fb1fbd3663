// Package insights computes the figures of the insights dashboard: daily
// totals of searches, readings, votes, contacts, widget openings and
// tickets, the deflection estimate, per-article figures and the one ranked
// to-do list. Each figure is computed in one place (Tally for what visitors
// did, Summary and Articles for a period) and read by the admin page, the
// insights API and their CSV exports alike.
package insights

import (
	"context"
	"time"
)

// Day is one UTC day's totals of one locale and entry point (Source, and
// for the widget its Screen, see gaps.Screen).
type Day struct {
	Day    string `json:"day"` // YYYY-MM-DD, UTC
	Locale string `json:"locale"`
	Source string `json:"source"` // site, widget or api
	Screen string `json:"screen"` // the widget's screen; "" elsewhere
	// Searches splits into NoResult (nothing found), Clicked (one of its
	// results was opened, or an article it returned was read or rated in
	// the visit: the search was satisfied, even one recorded with no
	// result) and NoClick (results nobody took), by the gap report's rule
	// (gaps.Record.Failure). A search is counted on the day it started.
	Searches         int `json:"searches"`
	NoResultSearches int `json:"no_result_searches"`
	NoClickSearches  int `json:"no_click_searches"`
	ClickedSearches  int `json:"clicked_searches"`
	Views            int `json:"views"`
	HelpfulVotes     int `json:"helpful_votes"`
	NotHelpfulVotes  int `json:"not_helpful_votes"`
	Contacts         int `json:"contacts"`
	WidgetOpens      int `json:"widget_opens"`
	// Visits counts the visits that started here (see VisitGap);
	// SelfService those of them that searched or read an article (a
	// search, a result opened, a reading or a vote), Deflected those
	// self-service visits with no contact.
	Visits            int `json:"visits"`
	SelfServiceVisits int `json:"self_service_visits"`
	DeflectedVisits   int `json:"deflected_visits"`
}

// ArticleDay is one UTC day's figures of one article in one locale.
type ArticleDay struct {
	Day       string `json:"day"`
	ArticleID string `json:"article_id"`
	Locale    string `json:"locale"`
	Views     int    `json:"views"`
	// Readers counts the distinct visitors who viewed it that day (a
	// visitor is a daily-rotated hash, so summed over days it counts
	// the distinct visitors of each day, as gaps do); a view with no
	// visitor is one reader. Days rolled up before readers were counted
	// hold their views here.
	Readers    int `json:"readers"`
	Helpful    int `json:"helpful"`
	NotHelpful int `json:"not_helpful"`
	// ContactsAfterReading counts the visits that contacted support after
	// reading the article (a view earlier in the same visit).
	ContactsAfterReading int `json:"contacts_after_reading"`
}

// Totals are the daily totals of a span of days.
type Totals struct {
	Days     []Day
	Articles []ArticleDay
}

// TicketDay counts the tickets created on one UTC day in one locale about
// one article ("" for tickets linked to none).
type TicketDay struct {
	Day       string
	Locale    string
	ArticleID string
	Tickets   int
}

// Comment is one comment of "not helpful" votes on an article, with how
// many votes wrote it (the same words, after trimming and case folding).
// As a store reads it, it is one vote with its reason and comment, either
// possibly empty.
type Comment struct {
	ArticleID string    `json:"article_id"`
	Locale    string    `json:"locale"`
	Reason    string    `json:"-"`
	Comment   string    `json:"comment"`
	Count     int       `json:"count"`
	Last      time.Time `json:"last"`
}

// Store is what the figures read from the events store. Every store
// (SQLite, PostgreSQL) answers the same for the same events: the figures
// of a day are Tally's over that day's raw events, whether read from the
// raw rows or from the daily totals the retention job keeps once it rolled
// the day up.
type Store interface {
	// DayTotals returns the daily totals of the UTC days in [from, to)
	// (from and to are midnights), sorted (Totals.Sort): Tally over the
	// raw events of each day, or the rolled-up totals of days whose raw
	// events may be gone.
	DayTotals(ctx context.Context, from, to time.Time) ([]Day, error)
	// ArticleTotals returns the figures of each article and locale
	// summed over the same days (Day empty), sorted.
	ArticleTotals(ctx context.Context, from, to time.Time) ([]ArticleDay, error)
	// TicketsByDay counts the tickets created in [from, to) by day, locale
	// and linked article.
	TicketsByDay(ctx context.Context, from, to time.Time) ([]TicketDay, error)
	// VoteComments returns the "not helpful" votes in [from, to) that gave
	// a reason or a comment, of one locale when locale is set, newest
	// first, at most limit, each with Count 1 (Service.Feedback groups
	// them).
	VoteComments(ctx context.Context, from, to time.Time, locale string, limit int) ([]Comment, error)
}
