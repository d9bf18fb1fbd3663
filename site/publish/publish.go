// Package publish loads a content folder and publishes it to the web
// server: the content pipeline, the search index built beside the one
// being served and swapped in whole, and what follows a publication (the
// next scheduled one, relinking tickets, which gaps the new content
// answers, the ranking's click counts). Publications are asked at start, by
// SIGHUP, by the reload API, by a file watcher and when a scheduled article
// goes live; a failed one keeps the site being served.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path/filepath"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/datadir"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/tickets"
)

// Server is the web server the content is published to.
type Server interface {
	// Publish serves v and s from now on and returns the searcher it
	// replaces (nil the first time).
	Publish(v *site.View, s site.Searcher) (site.Searcher, error)
	// View returns the view being served, nil before the first Publish.
	View() *site.View
	// ClearResults forgets cached search answers (the ranking changed).
	ClearResults()
	// SetArticleClicks gives the recent result clicks per article ID
	// (the most-read articles).
	SetArticleClicks(clicks map[string]int)
}

// Store is what follows a publication needs from the events store.
type Store interface {
	tickets.Store
	tickets.RelinkStore
	tickets.TopicStore
	// ArticleClicks counts result clicks per article since a time.
	ArticleClicks(ctx context.Context, since time.Time) (map[string]int, error)
}

// Options configures a Publisher.
type Options struct {
	Content fs.FS  // the content folder, confined (content.OpenDir)
	Dir     string // its path on disk
	Data    string // the data folder: search index and render cache
	// BaseURL overrides base_url (--base-url); ListenURL stands in when
	// neither sets one.
	BaseURL, ListenURL string
	Dev                bool // drafts shown
	// Mail says e-mails are sent (--smtp): a public URL on the loopback,
	// which their links would point to, is warned about at start.
	Mail    bool
	GitPull bool // git pull --ff-only before a signal or API publication
	// PullTimeout bounds that pull, git's own processes (ssh, the HTTP
	// helper) included; default a minute.
	PullTimeout time.Duration
	Server      Server
	Store       Store
	Gaps        *gaps.Service
	Tickets     *tickets.Service
	// Answered, when set, runs after each answered check: subscribers are
	// told about the gaps new content answers.
	Answered func(ctx context.Context)
	Metrics  prometheus.Registerer
	Logger   *slog.Logger
	// Now and AfterFunc are the clock: the time, and a timer calling f
	// after d whose stop function says whether it stopped it first
	// (defaults time.Now and time.AfterFunc).
	Now       func() time.Time
	AfterFunc func(d time.Duration, f func()) (stop func() bool)
	// LoadGCPercent, when above 0, is the garbage collector's target
	// (debug.SetGCPercent) while content is loaded and indexed, the
	// previous one restored after: loading allocates far more than the
	// site keeps, and collecting sooner trades some CPU for a lower peak
	// of memory. 0 leaves the collector alone. The setting is the
	// process's: only its owner (cmd/guichet) sets it.
	LoadGCPercent int
	// Problems, when set, finds the problems of the content the loader
	// does not (search tests, theme, locales: check.Site), on the view
	// and index about to be served; they are counted and listed with
	// the loader's, as `guichet check` counts them.
	Problems func(ctx context.Context, view *site.View, idx site.Searcher) ([]site.Problem, error)
}

// Publisher publishes the content folder. Create it with New; Close it.
type Publisher struct {
	opts    Options
	metrics *metrics

	mu         sync.Mutex // serialises Reload
	index      *search.Index
	memo       *content.Memo      // what one load tells the next (files read, render cache)
	stopTimer  func() bool        // the next scheduled publication
	stopRelink context.CancelFunc // the relinking of the previous publication
	stopGaps   context.CancelFunc // its answered check
	// The copies of the articles' last good versions (saveLastGood) are
	// written in the background, one publication's at a time, never an
	// older one's after a newer one's: savedMu guards saved (the
	// versions copied) and savedSeq (the publication they are of).
	savedMu       sync.Mutex
	saved         map[string]savedStamp
	seq, savedSeq int

	// bg is the context of background work; Close cancels it, so a
	// shutdown never waits for a long pass to finish.
	bg     context.Context
	stopBG context.CancelFunc
	work   sync.WaitGroup // background work, waited for by Close

	soonMu                   sync.Mutex // guards soonRunning, soonPending
	soonRunning, soonPending bool

	// pulling holds a token while a git pull runs: one at a time in the
	// checkout (gitPull).
	pulling chan struct{}
}

// New returns a Publisher; nothing is published before Publish.
func New(opts Options) *Publisher {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.AfterFunc == nil {
		opts.AfterFunc = func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }
	}
	if opts.Metrics == nil {
		opts.Metrics = prometheus.NewRegistry()
	}
	p := &Publisher{opts: opts, metrics: newMetrics(opts.Metrics), memo: content.NewMemo(), pulling: make(chan struct{}, 1)}
	p.bg, p.stopBG = context.WithCancel(context.Background())
	return p
}

// Publish loads the content again and swaps it in; trigger names what
// asked (start, signal, api, watch, schedule) for the logs and metrics.
// With GitPull, a signal or an API call first runs `git pull --ff-only` in
// the content folder. A failed pull or load keeps the site being served;
// its error is logged, and returned marked site.Logged; at "start", when
// no site is served yet, it is returned alone, for the caller to say. One
// that ctx cancelled is returned as it is, neither logged nor counted: a
// stop, not a failure.
func (p *Publisher) Publish(ctx context.Context, trigger string) error {
	start := time.Now()
	var err error
	if trigger == "signal" || trigger == "api" {
		err = p.gitPull(ctx)
	}
	if err == nil {
		err = p.Reload(ctx)
		if errors.Is(err, syscall.ENOSPC) {
			err = fmt.Errorf("%w: the disk of the data folder %s is full: free some space on it or give another folder with --data (a publication that fails keeps the content published before)", err, p.opts.Data)
		}
	}
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		// Stopped by whoever asked (serve's stop while the first content
		// loads), not failed: no error to log, nor a failed publication
		// to count.
		return err
	}
	result := "ok"
	if err != nil && trigger == "start" {
		// The first publication: no site served yet, and whoever started
		// the server says the error as it stops (serve's "guichet: …"):
		// once, not as a log line too.
		result = "error"
	} else if err != nil {
		result = "error"
		p.opts.Logger.Error("publish content", "trigger", trigger, "err", err)
		err = site.Logged(err) // once: not again by the API that asked
	} else {
		p.metrics.duration.Set(time.Since(start).Seconds())
	}
	p.metrics.reloads.WithLabelValues(trigger, result).Inc()
	return err
}

// Ask publishes for trigger: with wait, now (Publish), its error
// returned; without, in the background (Soon).
func (p *Publisher) Ask(ctx context.Context, trigger string, wait bool) error {
	if !wait {
		p.Soon(trigger)
		return nil
	}
	return p.Publish(ctx, trigger)
}

// Soon publishes in the background and returns at once. Asked again while
// a publication runs, it publishes once more after it, however many times
// it was asked meanwhile, so a burst of pushes costs two loads.
func (p *Publisher) Soon(trigger string) {
	p.soonMu.Lock()
	defer p.soonMu.Unlock()
	if p.soonRunning {
		p.soonPending = true
		return
	}
	p.soonRunning = true
	p.work.Add(1)
	go func() {
		defer p.work.Done()
		for {
			p.Publish(p.bg, trigger)
			p.soonMu.Lock()
			if !p.soonPending || p.bg.Err() != nil {
				p.soonRunning = false
				p.soonMu.Unlock()
				return
			}
			p.soonPending = false
			p.soonMu.Unlock()
		}
	}()
}

// Reload loads the content, builds (or reuses) the search index, publishes
// both and schedules the next reload at the next publish_at.
func (p *Publisher) Reload(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.opts.LoadGCPercent > 0 {
		defer debug.SetGCPercent(debug.SetGCPercent(p.opts.LoadGCPercent))
	}
	o := p.opts
	start := time.Now()
	allocated := allocatedBytes()
	cacheDir := datadir.RenderCache(o.Data)
	opts := content.Options{Dir: o.Dir, Cache: cacheDir, Memo: p.memo}
	prev := o.Server.View()
	if prev != nil {
		opts.Previous = prev.Lib
	}
	lib, err := content.Load(ctx, o.Content, opts)
	if err != nil {
		return fmt.Errorf("load content: %w", err)
	}
	served := opts.Previous // the content being served, nil: none
	if prev == nil {
		// A start on files that do not load: their last good versions,
		// kept in the data folder, are served as a running server
		// serves them.
		if old := p.lastGood(ctx, lib, opts); old != nil {
			opts.Previous, served = old, old
			if lib, err = content.Load(ctx, o.Content, opts); err != nil {
				return fmt.Errorf("load content: %w", err)
			}
		}
	}
	datadir.PruneSiblings(cacheDir)
	settingsKept := lib.Config.Broken && served != nil
	if settingsKept {
		// A broken guichet.yaml must not turn the site back to defaults.
		// One line says it, with the file's errors and their lines; they
		// are not logged again below, nor the kept warning.
		lib.Config = served.Config
		o.Logger.Error("guichet.yaml has errors: the settings being served stay in force until it is fixed", "problem", settingsErrors(lib.Problems))
		// Listed with the articles served at their last good version
		// (the webhook's "kept", the admin page), as they are.
		lib.Problems = append(slices.Clip(lib.Problems), site.Problem{Severity: site.SeverityWarning, Kind: site.KindKept,
			File: "guichet.yaml", Message: "the settings being served stay in force until its errors are fixed"})
	}
	switch {
	case o.BaseURL != "":
		lib.Config.BaseURL = o.BaseURL
	case !lib.Config.BaseURLSet && o.ListenURL != "":
		// One URL everywhere: the printed one.
		lib.Config.BaseURL, lib.Config.BaseURLGuessed = o.ListenURL, true
	}
	if prev == nil && o.Mail && !o.Dev { // --dev: a preview on the writer's machine, its e-mails tests
		warnLoopbackMail(o.Logger, lib.Config, o.BaseURL != "")
	}
	if lib.Config.Widget.Invalid {
		// Fail closed: never run on a list that lost an entry.
		if served == nil {
			// The YAML error, or the entry, with its line.
			at, why := filepath.Join(o.Dir, "guichet.yaml"), "widget.allowed_origins has an invalid entry"
			for _, pr := range lib.Problems {
				if pr.Severity == site.SeverityError && pr.Kind != site.KindTranslation && filepath.Base(pr.File) == "guichet.yaml" {
					at, why = fmt.Sprintf("%s:%d", at, pr.Line), pr.Message
					if pr.Field != "" && pr.Field != filepath.Base(pr.File) && !strings.Contains(why, pr.Field) {
						why = pr.Field + ": " + why
					}
					break
				}
			}
			return fmt.Errorf("%s: %s; which sites may embed the widget cannot be told, so the server does not start on it: correct the file", at, why)
		}
		lib.Config.Widget = served.Config.Widget
		o.Logger.Error("widget.allowed_origins has an invalid entry: the previous list stays in force until it is corrected")
	}
	loaded := time.Now()
	view := site.NewView(lib, o.Now(), o.Dev)
	// The index being served is the starting point: only the articles
	// that changed are indexed again (search.BuildFrom).
	idx, err := search.BuildFrom(ctx, view, filepath.Join(o.Data, "index"), p.index)
	indexed := time.Now()
	if err != nil {
		return fmt.Errorf("build search index: %w", err)
	}
	if o.Problems != nil {
		more, err := o.Problems(ctx, view, idx)
		if err != nil {
			idx.Close()
			return fmt.Errorf("check content: %w", err)
		}
		lib.Problems = append(slices.Clip(lib.Problems), more...)
	}
	errs, warns := 0, 0
	for _, pr := range lib.Problems {
		if pr.Severity == site.SeverityError {
			errs++
			if settingsKept && isSettings(pr) {
				continue
			}
			o.Logger.Warn("content error", "problem", pr.String())
		} else {
			warns++
			switch {
			case pr.Kind == site.KindKept && settingsKept && pr.File == "guichet.yaml":
			case pr.Kind == site.KindKept:
				// The operator's one sign that the site serves an old version.
				o.Logger.Warn("content warning", "problem", pr.String())
			case o.Dev:
				o.Logger.Info("content warning", "problem", pr.String())
			}
		}
	}
	p.metrics.problems.WithLabelValues("error").Set(float64(errs))
	p.metrics.problems.WithLabelValues("warning").Set(float64(warns))
	old, err := o.Server.Publish(view, idx)
	if err != nil {
		idx.Close()
		return fmt.Errorf("publish content: %w", err)
	}
	p.index = idx
	p.seq++
	seq := p.seq
	p.work.Add(1)
	go func() {
		defer p.work.Done()
		p.savedMu.Lock()
		defer p.savedMu.Unlock()
		if seq > p.savedSeq {
			p.savedSeq = seq
			p.saveLastGood(lib, start)
		}
	}()
	p.metrics.published.Set(float64(o.Now().Unix()))
	p.metrics.revision.Reset()
	p.metrics.revision.WithLabelValues(view.Lib.Hash).Set(1)
	if oldIdx, ok := old.(*search.Index); ok && oldIdx != idx {
		// Requests started on the old snapshot get a few seconds to finish.
		time.AfterFunc(5*time.Second, func() { oldIdx.Close() })
	}
	if err := search.Prune(filepath.Join(o.Data, "index"), idx.Key()); err != nil {
		o.Logger.Warn("prune old search indexes", "err", err)
	}
	articles := 0
	for _, l := range view.ByLocale {
		articles += len(l)
	}
	o.Logger.Info("content published", "articles", articles, "errors", errs, "warnings", warns, "indexed", idx.Indexed(),
		"load", loaded.Sub(start).Round(time.Millisecond), "index", indexed.Sub(loaded).Round(time.Millisecond),
		"took", time.Since(start).Round(time.Millisecond))
	p.schedule(view.NextChange)
	if err := p.afterPublish(ctx, view, idx); err != nil {
		return err
	}
	// Loading allocates several times what the site keeps; give the
	// garbage back to the system rather than holding it as RSS, in the
	// background: returning memory to the system takes seconds on a
	// large site, and the site is already served. A publication that
	// allocated little (an edit: a few files read, a few documents
	// indexed) leaves it to the runtime's own scavenger, rather than
	// spending a full collection on it.
	if allocatedBytes()-allocated >= freeAfterBytes {
		p.work.Add(1)
		go func() {
			defer p.work.Done()
			debug.FreeOSMemory()
		}()
	}
	return nil
}

// freeAfterBytes: a publication that allocated this much returns the
// garbage to the system at once (debug.FreeOSMemory).
const freeAfterBytes = 256 << 20

// allocatedBytes returns the bytes allocated on the heap since the
// process started.
func allocatedBytes() uint64 {
	s := []rtmetrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	rtmetrics.Read(s)
	if s[0].Value.Kind() != rtmetrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// afterPublish hands the new content to the services that depend on it and
// starts their background passes.
func (p *Publisher) afterPublish(ctx context.Context, view *site.View, idx *search.Index) error {
	o := p.opts
	if o.Gaps != nil {
		o.Gaps.SetAnalyzer(idx.Analyzer())
	}
	// relinked is closed once the tickets are linked to this content (or
	// the relinking stopped): the answered check reads the unlinked
	// tickets as they are then, so that a ticket gap whose article left
	// is open again rather than answered by an article gone.
	relinked := make(chan struct{})
	if o.Tickets == nil {
		close(relinked)
	} else {
		// The new content is served already: a store that does not answer
		// now (a PostgreSQL outage) must not keep tickets linked with the
		// content before it, whose index closes in a few seconds. The
		// topics linked by hand are then read with the next batch of
		// tickets (Ingester.Prepare), and by the relinking before it
		// relinks.
		in, err := NewIngester(ctx, o.Store, view, idx, o.Now)
		topicsRead := err == nil
		if err != nil {
			o.Logger.Warn("read the ticket topics linked by hand: read again with the next tickets", "err", err)
			in = newIngester(o.Store, view, idx, o.Now)
		}
		o.Tickets.SetIngester(in)
		if p.stopRelink != nil {
			p.stopRelink()
		}
		relinkCtx, stop := context.WithCancel(p.bg)
		p.stopRelink = stop
		p.work.Add(1)
		go func() {
			defer p.work.Done()
			// One replica relinks the shared tickets; the others then
			// rank their FAQ with what it wrote. The job is keyed by
			// what links depend on (the linking rules, the content, the
			// confidence), not by the content alone: a new version whose
			// rules changed relinks the tickets of unchanged content.
			err := p.once(relinkCtx, "relink tickets", in.Linker.Key(), func(ctx context.Context) error {
				if !topicsRead {
					links, err := o.Store.TopicLinks(ctx)
					if err != nil {
						return err
					}
					in.Linker.RefreshTopics(links)
				}
				o.Tickets.Relink(ctx, in, o.Store)
				return ctx.Err()
			})
			close(relinked)
			if err != nil && relinkCtx.Err() == nil {
				o.Logger.Warn("relink tickets", "err", err)
			}
			if err := o.Tickets.Refresh(relinkCtx); err != nil && relinkCtx.Err() == nil {
				o.Logger.Warn("rank the FAQ", "err", err)
			}
		}()
	}
	if err := p.refreshPopularityLocked(ctx); err != nil {
		o.Logger.Warn("load click counts for ranking", "err", err)
	}
	if o.Gaps != nil {
		// A newer publication's check supersedes this one: checks waiting
		// for another replica's ran one by one for every content version
		// published meanwhile, in any order, the last to run (an older
		// version's) standing.
		if p.stopGaps != nil {
			p.stopGaps()
		}
		gapsCtx, stop := context.WithCancel(p.bg)
		p.stopGaps = stop
		p.work.Add(1)
		go func() {
			defer p.work.Done()
			select {
			case <-relinked:
			case <-gapsCtx.Done():
				return
			}
			var n int
			err := p.once(gapsCtx, "check answered gaps", idx.Key()+"|"+gaps.AnsweredRules, func(ctx context.Context) (err error) {
				n, err = o.Gaps.CheckAnswered(ctx, view, idx)
				return err
			})
			if gapsCtx.Err() != nil {
				return
			}
			if err != nil {
				o.Logger.Warn("check which gaps the new content answers", "err", err)
			} else if n > 0 {
				o.Logger.Info("answered gaps changed", "gaps", n)
			}
			if o.Answered != nil && err == nil {
				o.Answered(p.bg)
			}
		}()
	}
	return nil
}

// NewIngester builds the ticket ingester of a view linked through idx, with
// the ticket topics the team linked by hand.
func NewIngester(ctx context.Context, store Store, v *site.View, idx *search.Index, now func() time.Time) (*tickets.Ingester, error) {
	topics, err := store.TopicLinks(ctx)
	if err != nil {
		return nil, err
	}
	in := newIngester(store, v, idx, now)
	in.Linker.SetTopics(topics)
	return in, nil
}

// newIngester is NewIngester without the topics linked by hand: its
// linker has none until it is given them (Linker.SetTopics, RefreshTopics).
func newIngester(store Store, v *site.View, idx *search.Index, now func() time.Time) *tickets.Ingester {
	cfg := v.Lib.Config
	l := tickets.NewLinker(v, idx, cfg.Tickets.MinConfidence, tickets.LinkKey(search.Key(v), cfg.Tickets.MinConfidence))
	l.SetAnalyzer(idx.Analyzer())
	// Tickets without a language get the one their text is written in.
	guess := idx.LocaleGuesser()
	return &tickets.Ingester{
		Store:   store,
		Linker:  l,
		Cleaner: tickets.Cleaner{DefaultLocale: cfg.DefaultLocale, Locales: cfg.Locales, Now: now, Guess: guess},
	}
}

// schedule publishes again when a scheduled article goes live, so
// publish_at needs no restart.
func (p *Publisher) schedule(at time.Time) {
	if p.stopTimer != nil {
		p.stopTimer()
		p.stopTimer = nil
	}
	if at.IsZero() {
		return
	}
	d := at.Sub(p.opts.Now()) + time.Second
	if d > 24*time.Hour {
		d = 24 * time.Hour // re-check daily rather than trusting a month-long timer
	}
	p.stopTimer = p.opts.AfterFunc(d, func() { p.Soon("schedule") })
}

// Close stops the timer, cancels and waits for the background work, and
// closes the search index.
func (p *Publisher) Close() error {
	p.mu.Lock()
	if p.stopTimer != nil {
		p.stopTimer()
	}
	if p.stopRelink != nil {
		p.stopRelink()
	}
	idx := p.index
	p.index = nil
	p.mu.Unlock()
	p.stopBG()
	p.work.Wait()
	// A pull asked by a request (the webhook's ?wait=1) is stopped by
	// stopBG too: wait until git is gone, so that none outlives the
	// process.
	p.pulling <- struct{}{}
	<-p.pulling
	if idx != nil {
		return idx.Close()
	}
	return nil
}

// Stop cancels the background work and ends a git pull under way, even
// one a request asked for (the webhook's ?wait=1, whose request a
// shutdown otherwise waits for until its grace period ends): called when
// a shutdown begins, before the requests in flight are waited for. It
// closes nothing; Close still follows.
func (p *Publisher) Stop() { p.stopBG() }

// Wait waits until the background work started so far (relinking, the
// answered check, publications asked with Soon) is done.
func (p *Publisher) Wait() { p.work.Wait() }

// isSettings reports whether pr is an error of guichet.yaml itself (not a
// missing translation of its strings).
func isSettings(pr site.Problem) bool {
	return pr.Severity == site.SeverityError && pr.Kind != site.KindTranslation && filepath.Base(pr.File) == "guichet.yaml"
}

// settingsErrors is guichet.yaml's errors, each with its line, as
// guichet check writes them.
func settingsErrors(problems []site.Problem) string {
	var list []string
	for _, pr := range problems {
		if isSettings(pr) {
			list = append(list, pr.String())
		}
	}
	return strings.Join(list, "; ")
}
