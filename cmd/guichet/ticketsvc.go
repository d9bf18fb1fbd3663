package main

import (
	"context"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/tickets"
	"github.com/guichet/guichet/site/web"
)

// ticketService ingests the tickets posted to the API with the content
// being served, then has the FAQ ranked again.
type ticketService struct{ m *Main }

var _ web.TicketIngester = ticketService{}

func (ts ticketService) Ingest(ctx context.Context, batch []site.Ticket) ([]tickets.Result, error) {
	in := ts.m.ingester.Load()
	if in == nil {
		return nil, site.Errorf(site.EINTERNAL, "content is loading")
	}
	res, err := in.Ingest(ctx, batch)
	if err == nil {
		ts.m.ticketsChanged()
	}
	return res, err
}

// Ticket bookkeeping of the server.
const (
	// defaultTicketPoll is how often the server looks for tickets
	// written by another process (guichet tickets import).
	defaultTicketPoll = 10 * time.Second
	// statsEvery re-ranks the FAQ even without new tickets: ages change.
	statsEvery = time.Hour
	// statsDays is how far back daily counts are loaded (the admin page
	// compares before and after an article's last update).
	statsDays = 365
	// relinkBatch is how many stored tickets are relinked per transaction.
	relinkBatch = 1000
)

// ticketsChanged asks the tickets loop to rank the FAQ again.
func (m *Main) ticketsChanged() {
	select {
	case m.ticketKick <- struct{}{}:
	default:
	}
}

// RefreshTickets loads the daily ticket counts and gives the server the
// FAQ ranked with them. Off the request path.
func (m *Main) RefreshTickets(ctx context.Context) error {
	view := m.Server.View()
	if view == nil {
		return nil
	}
	now := m.Now().UTC()
	days, err := m.DB.TicketDays(ctx, now.Add(-statsDays*24*time.Hour))
	if err != nil {
		return err
	}
	return m.Server.SetTicketStats(site.NewTicketStats(days, now, view.Lib.Config.FAQ))
}

// ticketsLoop re-ranks the FAQ when tickets change (posted here, or
// imported by another process) and every hour, until ctx ends. Several
// changes close together are ranked once.
func (m *Main) ticketsLoop(ctx context.Context) {
	every := m.TicketPoll
	if every <= 0 {
		every = defaultTicketPoll
	}
	poll := time.NewTicker(every)
	defer poll.Stop()
	last, _ := m.DB.TicketVersion(ctx)
	lastRank := m.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-m.ticketKick:
			time.Sleep(200 * time.Millisecond) // let a burst of batches land
		case <-poll.C:
			v, err := m.DB.TicketVersion(ctx)
			if err != nil || v == last && m.Now().Sub(lastRank) < statsEvery {
				continue
			}
		}
		v, _ := m.DB.TicketVersion(ctx)
		last, lastRank = v, m.Now()
		if err := m.RefreshTickets(ctx); err != nil && ctx.Err() == nil {
			m.Logger.Warn("rank the FAQ", "err", err)
		}
	}
}

// relink recomputes, with the content just published, the links of every
// stored ticket linked on other content (a new article can claim old
// tickets; a removed one gives them up), then ranks the FAQ again. It stops
// early when ctx ends (a newer publication starts its own run).
func (m *Main) relink(ctx context.Context, in *tickets.Ingester) {
	start := time.Now()
	key := in.Linker.Key()
	after, total, moved := "", 0, 0
	for ctx.Err() == nil {
		list, err := m.DB.TicketsToRelink(ctx, key, after, relinkBatch)
		if err != nil {
			if ctx.Err() == nil {
				m.Logger.Warn("relink tickets", "err", err)
			}
			return
		}
		if len(list) == 0 {
			break
		}
		for i := range list {
			t := &list[i]
			l, err := in.Linker.Link(ctx, &t.Ticket)
			if err != nil {
				if ctx.Err() == nil {
					m.Logger.Warn("relink tickets", "ticket", t.ExternalID, "err", err)
				}
				return
			}
			if l.ArticleID != t.Link.ArticleID {
				moved++
			}
			t.Link, t.Key = l, key
		}
		if err := m.DB.SetTicketLinks(ctx, list); err != nil {
			if ctx.Err() == nil {
				m.Logger.Warn("relink tickets", "err", err)
			}
			return
		}
		total += len(list)
		after = list[len(list)-1].ExternalID
	}
	if ctx.Err() != nil {
		return
	}
	if total > 0 {
		m.Logger.Info("tickets relinked to the new content", "tickets", total, "changed_article", moved,
			"took", time.Since(start).Round(time.Millisecond))
	}
	if err := m.RefreshTickets(ctx); err != nil && ctx.Err() == nil {
		m.Logger.Warn("rank the FAQ", "err", err)
	}
}
