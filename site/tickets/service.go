package tickets

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/guichet/guichet/site"
)

// CountStore reads what the FAQ ranking counts (site/sqlite implements it).
type CountStore interface {
	// TicketDays returns the daily ticket counts per linked article since
	// a day.
	TicketDays(ctx context.Context, since time.Time) ([]site.TicketDay, error)
	// TicketVersion changes whenever tickets are written, by any process.
	TicketVersion(ctx context.Context) (int64, error)
}

// Service takes tickets in with the content being served and keeps the
// FAQ's ticket counts fresh: after tickets are posted, when another process
// imported some, after relinking, and hourly as tickets age. Safe for
// concurrent use once started.
type Service struct {
	Store CountStore
	// Rank receives the ticket counts the FAQ is ranked with (the web
	// server's).
	Rank func(*site.TicketStats) error
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Poll is how often Run looks for tickets written by another process
	// (default 10 s).
	Poll   time.Duration
	Logger *slog.Logger

	ingester atomic.Pointer[Ingester]
	kick     chan struct{}
}

// Service timings.
const (
	defaultPoll = 10 * time.Second
	// rankEvery re-ranks the FAQ even without new tickets: ages change.
	rankEvery = time.Hour
	// statsDays is how far back daily counts are loaded (the admin page
	// compares before and after an article's last update).
	statsDays = 365
)

// NewService returns a Service; give it an Ingester with SetIngester.
func NewService(store CountStore, rank func(*site.TicketStats) error, now func() time.Time, logger *slog.Logger) *Service {
	if now == nil {
		now = time.Now
	}
	if logger == nil {
		logger = slog.Default()
	}
	return &Service{Store: store, Rank: rank, Now: now, Logger: logger, kick: make(chan struct{}, 1)}
}

// SetIngester makes in, built on the content just published, the one
// tickets are taken in with.
func (s *Service) SetIngester(in *Ingester) { s.ingester.Store(in) }

// Ingester returns the ingester of the content being served, nil before
// the first publication.
func (s *Service) Ingester() *Ingester { return s.ingester.Load() }

// Ingest takes a batch of tickets in (see Ingester.Ingest) and has the FAQ
// ranked again.
func (s *Service) Ingest(ctx context.Context, batch []site.Ticket) ([]Result, error) {
	in := s.ingester.Load()
	if in == nil {
		return nil, site.Errorf(site.EINTERNAL, "content is loading")
	}
	res, err := in.Ingest(ctx, batch)
	if err == nil {
		s.Changed()
	}
	return res, err
}

// Prepare cleans and links a batch on the content being served, without
// writing it (see Ingester.Prepare): what must be stored first (a contact
// request) is, then Commit writes the tickets.
func (s *Service) Prepare(ctx context.Context, batch []site.Ticket) (*Pending, error) {
	in := s.ingester.Load()
	if in == nil {
		return nil, site.Errorf(site.EINTERNAL, "content is loading")
	}
	return in.Prepare(ctx, batch)
}

// Commit writes a batch Prepare made (with the ingester that made it) and
// has the FAQ ranked again.
func (s *Service) Commit(ctx context.Context, p *Pending) ([]Result, error) {
	res, err := p.in.Commit(ctx, p)
	if err == nil {
		s.Changed()
	}
	return res, err
}

// Changed asks Run to rank the FAQ again.
func (s *Service) Changed() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// Refresh loads the daily ticket counts and gives Rank the FAQ ranking
// input, with the FAQ settings of the content being served.
func (s *Service) Refresh(ctx context.Context) error {
	in := s.ingester.Load()
	if in == nil {
		return nil
	}
	now := s.Now().UTC()
	days, err := s.Store.TicketDays(ctx, now.Add(-statsDays*24*time.Hour))
	if err != nil {
		return err
	}
	return s.Rank(site.NewTicketStats(days, now, in.Linker.view.Lib.Config.FAQ))
}

// Relink relinks the stored tickets with the ingester in (see Relink),
// logging what moved, then ranks the FAQ again. It stops early when ctx
// ends.
func (s *Service) Relink(ctx context.Context, in *Ingester, store RelinkStore) {
	start := time.Now()
	total, moved, err := Relink(ctx, store, in.Linker)
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		s.Logger.Warn("relink tickets", "err", err)
		return
	}
	if total > 0 {
		s.Logger.Info("tickets relinked to the new content", "tickets", total, "changed_article", moved,
			"took", time.Since(start).Round(time.Millisecond))
	}
	if err := s.Refresh(ctx); err != nil && ctx.Err() == nil {
		s.Logger.Warn("rank the FAQ", "err", err)
	}
}

// Run ranks the FAQ when tickets change (posted here, or imported by
// another process) and every hour, until ctx ends. Several changes close
// together are ranked once.
func (s *Service) Run(ctx context.Context) {
	every := s.Poll
	if every <= 0 {
		every = defaultPoll
	}
	poll := time.NewTicker(every)
	defer poll.Stop()
	last, _ := s.Store.TicketVersion(ctx)
	lastRank := s.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
			time.Sleep(200 * time.Millisecond) // let a burst of batches land
		case <-poll.C:
			v, err := s.Store.TicketVersion(ctx)
			if err != nil || v == last && s.Now().Sub(lastRank) < rankEvery {
				continue
			}
		}
		v, _ := s.Store.TicketVersion(ctx)
		last, lastRank = v, s.Now()
		if err := s.Refresh(ctx); err != nil && ctx.Err() == nil {
			s.Logger.Warn("rank the FAQ", "err", err)
		}
	}
}
