package publish

import (
	"context"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/insights"
	"github.com/guichet/guichet/site/tickets"
)

// InsightsStore is what the insights read from the events store besides
// the gap report.
type InsightsStore interface {
	tickets.UnlinkStore
	insights.Store
	// NotHelpful returns the articles with "No" votes since a time.
	NotHelpful(ctx context.Context, since time.Time, limit int) ([]site.ArticleFeedback, error)
	// TicketTotals counts the tickets created in [from, to) (a zero to
	// has no end) of locale ("" every locale) by link method ("" unlinked).
	TicketTotals(ctx context.Context, from, to time.Time, locale string) (map[string]int, error)
	// ArticleTicketCount counts the tickets linked to article id in
	// locale created in [from, to), to the millisecond.
	ArticleTicketCount(ctx context.Context, id, locale string, from, to time.Time) (int, error)
}

// Insights is what the admin page and the insights API read and change
// (web.Insights): the one gap report, the ticket topics and the events
// store, on the view being served.
type Insights struct {
	Gaps    *gaps.Service
	Tickets *tickets.Service
	Store   InsightsStore
	// View returns the view being served.
	View func() *site.View
}

// Report is the content-gap report (gaps.Service.Report).
func (in Insights) Report(ctx context.Context, opts gaps.Options) (gaps.Report, error) {
	return in.Gaps.Report(ctx, opts)
}

// Decide records the team's decision on a gap (gaps.Service.Decide).
func (in Insights) Decide(ctx context.Context, id, status, note string) (gaps.Gap, error) {
	return in.Gaps.Decide(ctx, id, status, note)
}

// Merge merges gaps into another (gaps.Service.Merge).
func (in Insights) Merge(ctx context.Context, into string, from ...string) (gaps.Gap, error) {
	return in.Gaps.Merge(ctx, into, from...)
}

// Split moves a phrasing out of a gap (gaps.Service.Split).
func (in Insights) Split(ctx context.Context, id, query string) (gaps.Gap, error) {
	return in.Gaps.Split(ctx, id, query)
}

// Unmerge undoes the merge of a gap into another (gaps.Service.Unmerge).
func (in Insights) Unmerge(ctx context.Context, id string) (gaps.Gap, error) {
	return in.Gaps.Unmerge(ctx, id)
}

// LinkTopic links the topic of an unlinked-ticket gap to an article
// (tickets.LinkTopic), for the tickets to come too, and has the FAQ ranked
// again; it returns how many stored tickets it linked.
func (in Insights) LinkTopic(ctx context.Context, gapID, articleID string) (int, error) {
	var linker *tickets.Linker
	if ing := in.Tickets.Ingester(); ing != nil {
		linker = ing.Linker
	}
	n, err := tickets.LinkTopic(ctx, in.Gaps, in.Store, in.View(), linker, gapID, articleID)
	if err == nil {
		in.Tickets.Changed()
	}
	return n, err
}

// UnlinkTopic undoes the hand link made from an unlinked-ticket gap
// (tickets.UnlinkTopic): its tickets are linked by search again, the
// stored ones now; the FAQ is ranked again. It returns how many stored
// tickets were relinked.
func (in Insights) UnlinkTopic(ctx context.Context, gapID string) (int, error) {
	var linker *tickets.Linker
	if ing := in.Tickets.Ingester(); ing != nil {
		linker = ing.Linker
	}
	n, err := tickets.UnlinkTopic(ctx, in.Store, linker, gapID)
	if err == nil {
		in.Tickets.Changed()
	}
	return n, err
}

// HandLinks lists the topics the team linked by hand, newest first.
func (in Insights) HandLinks(ctx context.Context) ([]tickets.HandLink, error) {
	links, err := in.Store.TopicLinks(ctx)
	if err != nil {
		return nil, err
	}
	return tickets.HandLinks(links), nil
}

// NotHelpful returns the articles with "No" votes since a time.
func (in Insights) NotHelpful(ctx context.Context, since time.Time, limit int) ([]site.ArticleFeedback, error) {
	return in.Store.NotHelpful(ctx, since, limit)
}

// ArticleTicketCount counts the tickets of an article created in [from,
// to) (InsightsStore.ArticleTicketCount).
func (in Insights) ArticleTicketCount(ctx context.Context, id, locale string, from, to time.Time) (int, error) {
	return in.Store.ArticleTicketCount(ctx, id, locale, from, to)
}

// TicketTotals counts the tickets created in [from, to) of locale by link
// method ("" unlinked).
func (in Insights) TicketTotals(ctx context.Context, from, to time.Time, locale string) (map[string]int, error) {
	return in.Store.TicketTotals(ctx, from, to, locale)
}

// figures is the dashboard's figures on the store.
func (in Insights) figures() insights.Service { return insights.Service{Store: in.Store} }

// Summary is the figures of a period and of the one before
// (insights.Service.Summary).
func (in Insights) Summary(ctx context.Context, p insights.Period) (insights.Summary, error) {
	return in.figures().Summary(ctx, p)
}

// Articles is the figures of each article over a period, with its title
// and source file in the view being served (insights.Service.Articles).
func (in Insights) Articles(ctx context.Context, p insights.Period) ([]insights.Article, error) {
	return in.figures().Articles(ctx, p, in.View())
}

// Feedback is the reasons and comments of "not helpful" votes in a
// period, grouped (insights.Service.Feedback).
func (in Insights) Feedback(ctx context.Context, p insights.Period) (insights.Feedback, error) {
	return in.figures().Feedback(ctx, p)
}
