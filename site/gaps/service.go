package gaps

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/guichet/guichet/site"
	"golang.org/x/sync/singleflight"
)

// Store is where the report's records and the decisions are kept
// (site/sqlite implements it).
type Store interface {
	// GapRecords calls fn with every failed record since a time, in any
	// order: the searches that were not satisfied, the unlinked tickets
	// and the openings of the widget on screens with no help. It stops at
	// the first error fn returns.
	GapRecords(ctx context.Context, since time.Time, fn func(Record) error) error
	// SatisfiedSearches calls fn with every satisfied search since a
	// time, in any order, with its Normalized text, Locale, Visitor and
	// Time (Query empty): what the most searched queries count.
	SatisfiedSearches(ctx context.Context, since time.Time, fn func(Record) error) error
	// LinkedTickets calls fn with every ticket since a time that is linked
	// to an article, in any order: what the ID of a gap of tickets that
	// an article took since names (see Service.Gap). It stops at the
	// first error fn returns.
	LinkedTickets(ctx context.Context, since time.Time, fn func(LinkedTicket) error) error
	// Decisions returns every stored decision.
	Decisions(ctx context.Context) ([]Decision, error)
	// SaveDecisions stores ds in one transaction, each replacing the
	// decision with its ID at version d.Version+1, only if the stored one
	// is still at d.Version (none stored, or one stored before versions
	// were kept, for 0). When another save came first, nothing is stored
	// and the error has code site.ECONFLICT: read the decisions again.
	SaveDecisions(ctx context.Context, ds ...Decision) error
	// PublishedSince records the versions of the published articles and
	// returns, for each (by VersionKey), when its current version was
	// first published: now for an article or version not seen before,
	// zero for the articles there when none was recorded yet.
	PublishedSince(ctx context.Context, now time.Time, versions []ArticleVersion) (map[string]time.Time, error)
}

// Service is the one content-gap report: the command line, the admin page,
// the insights API, triage, drafts and the answered check all go through
// it. Safe for concurrent use.
type Service struct {
	Store Store
	// Retention is how far back records are read and grouped (the events
	// retention period): a gap's phrasings and ID come from all of them,
	// whatever period a report counts.
	Retention time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Locales are the site's locales when known (the command line): a
	// report asked for another one is an error, as in the insights API,
	// rather than an empty report that reads "no gaps".
	Locales []string

	analyzer atomic.Pointer[analyzerRef]
	flight   singleflight.Group // reports being computed
}

type analyzerRef struct{ a Analyzer }

// SetAnalyzer sets the analysis used from now on: that of the content
// being served, so gaps group the way search reads queries. The analyses
// of the phrasings are kept from one report to the next until the
// analyzer changes (see cachedAnalyzer).
func (s *Service) SetAnalyzer(a Analyzer) {
	if a != nil {
		a = newCachedAnalyzer(a)
	}
	s.analyzer.Store(&analyzerRef{a})
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

func (s *Service) analysis() Analyzer {
	if r := s.analyzer.Load(); r != nil {
		return r.a
	}
	return nil
}

// collect reads every failed record of the retention period, and the
// satisfied searches too when satisfied is set.
func (s *Service) collect(ctx context.Context, satisfied bool) (*collector, []Decision, error) {
	from := time.Time{}
	if s.Retention > 0 {
		from = s.now().Add(-s.Retention)
	}
	c := newCollector()
	// The store reads on this goroutine while the collector takes the
	// records on another, a batch at a time.
	// Batches go back to the reader once taken.
	batches, free := make(chan []Record, 4), make(chan []Record, 6)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for b := range batches {
			for _, r := range b {
				c.add(r)
			}
			select {
			case free <- b[:0]:
			default:
			}
		}
	}()
	batch := make([]Record, 0, collectBatch)
	send := func(r Record) error {
		batch = append(batch, r)
		if len(batch) == collectBatch {
			batches <- batch
			select {
			case batch = <-free:
			default:
				batch = make([]Record, 0, collectBatch)
			}
		}
		return ctx.Err()
	}
	err := s.Store.GapRecords(ctx, from, send)
	if err == nil && satisfied {
		err = s.Store.SatisfiedSearches(ctx, from, send)
	}
	batches <- batch
	close(batches)
	<-done
	if err != nil {
		return nil, nil, fmt.Errorf("gap report: %w", err)
	}
	c.finish()
	decisions, err := s.Store.Decisions(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("gap report: %w", err)
	}
	return c, decisions, nil
}

// Report returns the gaps of a period (see Options): grouped by meaning
// over the whole retention period, counted over the period, the team's
// decisions and the answered state applied.
//
// Reports asked at the same time with the same options are computed once
// and shared, and a caller whose ctx ends gets ctx's error at once (the
// computation, which reads the store with its own context, finishes for
// the others): a flood of admin page loads costs one report, and a
// shutdown never waits for one.
func (s *Service) Report(ctx context.Context, opts Options) (Report, error) {
	if len(s.Locales) > 0 {
		if err := site.CheckLocale(opts.Locale, s.Locales); err != nil {
			return Report{}, err
		}
	}
	if opts.Now.IsZero() {
		opts.Now = s.now()
	}
	// Calls within the same second share a report.
	keyOpts := opts
	keyOpts.Now = time.Time{}
	key := fmt.Sprintf("%+v|%d", keyOpts, opts.Now.Unix())
	ch := s.flight.DoChan(key, func() (any, error) {
		// Detached from the first caller: others may still want it.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Minute)
		defer cancel()
		c, decisions, err := s.collect(ctx, opts.TopQueries > 0)
		if err != nil {
			return Report{}, err
		}
		return c.report(s.analysis(), decisions, opts), nil
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return Report{}, r.Err
		}
		return r.Val.(Report), nil
	case <-ctx.Done():
		return Report{}, ctx.Err()
	}
}

// Gap returns the gap with id, as listed by any report: counted over the
// retention period, ignored ones included; for the ID of a gap the team
// merged into another (Merge), that other gap. A site.ENOTFOUND error when
// no report can list it.
func (s *Service) Gap(ctx context.Context, id string) (Gap, error) {
	id = ParseID(id)
	if id == "" {
		return Gap{}, site.Errorf(site.EINVALID, "Name a gap by its ID, as the report lists it.")
	}
	decisions, err := s.Store.Decisions(ctx)
	if err != nil {
		return Gap{}, fmt.Errorf("gap %s: %w", id, err)
	}
	// Merged into another gap by the team: that gap is this one now.
	want := resolveMerged(decisions, id)
	rep, err := s.Report(ctx, Options{KeepIgnored: true})
	if err != nil {
		return Gap{}, err
	}
	for _, g := range rep.Gaps {
		if g.ID == want {
			return g, nil
		}
	}
	// The ID a phrasing of the gap gave it before an earlier one joined
	// (see grouped.find).
	for _, g := range rep.Gaps {
		for _, v := range g.Variants {
			if variantID(g, v) == want {
				return g, nil
			}
		}
	}
	return Gap{}, s.gone(ctx, noGap(decisions, id))
}

// variantID is the ID gap g would have if its phrasing v were its first.
func variantID(g Gap, v Variant) string { return makeID(g.Kind, g.Locale, idKey(g.Kind, v.Query)) }

// Decide records the team's decision on the gap with id: status (one of
// Statuses or "" to take a decision back, or as people write it: see
// ParseStatus) and note. The gap's phrasings are stored with it, so the
// decision stays with the gap as new phrasings join, and they stay in the
// gap whatever later searches make the words group. The ID of a gap
// merged into another decides on that other gap. It returns the gap.
func (s *Service) Decide(ctx context.Context, id, status, note string) (Gap, error) {
	return s.Mark(ctx, id, status, &note)
}

// Mark is Decide with a note that may be left as it is: nil keeps the
// note the gap has (`guichet gaps mark` without --note changes the status
// alone), read with the decisions it is saved over.
func (s *Service) Mark(ctx context.Context, id, status string, note *string) (Gap, error) {
	if status != "" {
		st, err := ParseStatus(status)
		if err != nil {
			return Gap{}, site.Errorf(site.EINVALID, "%s", err)
		}
		status = st
	}
	if note != nil {
		n := strings.TrimSpace(strings.ToValidUTF8(*note, "\uFFFD"))
		note = &n
	}
	if note != nil && len([]rune(*note)) > MaxNoteLen {
		return Gap{}, site.Errorf(site.EINVALID, "The note is longer than %d characters.", MaxNoteLen)
	}
	c, words, decisions, err := s.regroup(ctx)
	if err != nil {
		return Gap{}, err
	}
	return s.retried(ctx, decisions, func(decisions []Decision) (Gap, error) {
		gr := c.place(words, decisions)
		g, err := gr.find(decisions, id)
		if err != nil {
			return Gap{}, err
		}
		d := decisionOf(decisions, g)
		d.Status, d.Updated = status, s.now()
		if note != nil {
			d.Note = *note
		}
		d.Keys = gr.keysOf(g.id)
		d.Query = cmp.Or(gr.queryOf(g, s.now()), d.Query)
		// Its phrasings stay with it, whatever later searches make the
		// words group: the team decided on the gap as it saw it.
		d.Joined = addKeys(d.Joined, d.Keys)
		if err := s.Store.SaveDecisions(ctx, d); err != nil {
			return Gap{}, fmt.Errorf("decide on gap %s: %w", g.id, err)
		}
		d.Version++
		return s.gapIn(c, gr, g.id, d)
	})
}

// collectBatch is how many records go to the collector at a time.
const collectBatch = 1024

// MaxNoteLen is the longest note, in characters.
const MaxNoteLen = 1000
