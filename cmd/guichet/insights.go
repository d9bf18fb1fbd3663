package main

import (
	"context"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/tickets"
	"github.com/guichet/guichet/site/web"
)

// insights wires the admin page and the insights API to the gap report,
// the ticket topics and the events store.
type insights struct{ m *Main }

var _ web.Insights = insights{}

func (in insights) Report(ctx context.Context, opts gaps.Options) (gaps.Report, error) {
	return in.m.Gaps.Report(ctx, opts)
}

func (in insights) Decide(ctx context.Context, id, status, note string) error {
	_, err := in.m.Gaps.Decide(ctx, id, status, note)
	return err
}

func (in insights) LinkTopic(ctx context.Context, gapID, articleID string) (int, error) {
	var linker *tickets.Linker
	if ing := in.m.Tickets.Ingester(); ing != nil {
		linker = ing.Linker
	}
	n, err := tickets.LinkTopic(ctx, in.m.Gaps, in.m.DB, in.m.Server.View(), linker, gapID, articleID)
	if err == nil {
		in.m.Tickets.Changed()
	}
	return n, err
}

func (in insights) NotHelpful(ctx context.Context, since time.Time, limit int) ([]site.ArticleFeedback, error) {
	return in.m.DB.NotHelpful(ctx, since, limit)
}

func (in insights) WidgetOpens(ctx context.Context, since time.Time) (int, int, error) {
	return in.m.DB.WidgetOpens(ctx, since)
}

func (in insights) TicketTotals(ctx context.Context) (map[string]int, error) {
	return in.m.DB.TicketTotals(ctx)
}
