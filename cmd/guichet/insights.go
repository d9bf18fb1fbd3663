package main

import (
	"context"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/web"
)

// insights serves the admin page and the insights API from the events
// database, grouping gaps with the search index being served.
type insights struct{ m *Main }

var _ web.Insights = insights{}

func (in insights) Authenticate(ctx context.Context, secret, scope string) (string, error) {
	return in.m.DB.Authenticate(ctx, secret, scope)
}

func (in insights) Gaps(ctx context.Context, since time.Time, locale string, minVisitors int) ([]gaps.Gap, error) {
	return in.m.gapReport(ctx, since, locale, minVisitors, false)
}

func (in insights) Triage(ctx context.Context, id, status, note string) error {
	all, err := in.m.gapReport(ctx, in.m.Now().Add(-time.Duration(in.m.Config.RetentionDays)*24*time.Hour), "", 1, true)
	if err != nil {
		return err
	}
	for _, g := range all {
		if g.ID == id {
			return in.m.DB.SetTriage(ctx, g, status, note)
		}
	}
	return site.Errorf(site.ENOTFOUND, "no gap %s", id)
}

func (in insights) TopSearches(ctx context.Context, since time.Time, limit int) ([]site.QueryCount, error) {
	return in.m.DB.TopSearches(ctx, since, limit)
}

func (in insights) NotHelpful(ctx context.Context, since time.Time, limit int) ([]site.ArticleFeedback, error) {
	return in.m.DB.NotHelpful(ctx, since, limit)
}

func (in insights) TicketTotals(ctx context.Context) (map[string]int, error) {
	return in.m.DB.TicketTotals(ctx)
}

// gapReport groups the failed searches since a time with the current index.
func (m *Main) gapReport(ctx context.Context, since time.Time, locale string, minVisitors int, keepIgnored bool) ([]gaps.Gap, error) {
	m.mu.Lock()
	idx := m.index
	m.mu.Unlock()
	rows, err := m.DB.GapSearches(ctx, since, locale)
	if err != nil {
		return nil, err
	}
	unlinked, err := m.DB.UnlinkedTickets(ctx, since, locale)
	if err != nil {
		return nil, err
	}
	rows = append(rows, unlinked...)
	decisions, err := m.DB.Triage(ctx)
	if err != nil {
		return nil, err
	}
	opts := gaps.Options{MinVisitors: minVisitors, Now: m.Now().UTC(), Decisions: decisions, KeepIgnored: keepIgnored}
	if idx != nil {
		opts.Terms = idx.Terms
	}
	return gaps.Group(rows, opts), nil
}
