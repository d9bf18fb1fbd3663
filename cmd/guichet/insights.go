package main

import (
	"context"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/web"
)

// insights serves the admin page and the insights API from the events
// database, grouping gaps with the search index being served.
type insights struct{ m *Main }

var _ web.Insights = insights{}

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

func (in insights) WidgetOpens(ctx context.Context, since time.Time) (int, int, error) {
	return in.m.DB.WidgetOpens(ctx, since)
}

func (in insights) TicketTotals(ctx context.Context) (map[string]int, error) {
	return in.m.DB.TicketTotals(ctx)
}

// gapRecords reads everything the gap report groups since a time: failed
// searches, tickets no article answers, and widget openings on screens
// with no help. It also returns how many records were tickets and screens.
func gapRecords(ctx context.Context, db *sqlite.DB, since time.Time, locale string) (rows []gaps.Search, tickets, screens int, err error) {
	if rows, err = db.GapSearches(ctx, since, locale); err != nil {
		return nil, 0, 0, err
	}
	unlinked, err := db.UnlinkedTickets(ctx, since, locale)
	if err != nil {
		return nil, 0, 0, err
	}
	opens, err := db.ScreensWithoutHelp(ctx, since, locale)
	if err != nil {
		return nil, 0, 0, err
	}
	rows = append(append(rows, unlinked...), opens...)
	return rows, len(unlinked), len(opens), nil
}

// gapReport groups the failed searches since a time with the current index.
func (m *Main) gapReport(ctx context.Context, since time.Time, locale string, minVisitors int, keepIgnored bool) ([]gaps.Gap, error) {
	m.mu.Lock()
	idx := m.index
	m.mu.Unlock()
	rows, _, _, err := gapRecords(ctx, m.DB, since, locale)
	if err != nil {
		return nil, err
	}
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
