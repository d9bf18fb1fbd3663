package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/banner"
	"github.com/guichet/guichet/site/check"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/publish"
	"github.com/guichet/guichet/site/recorder"
	"github.com/guichet/guichet/site/store"
	"github.com/guichet/guichet/site/tickets"
	"github.com/guichet/guichet/site/web"
	"github.com/guichet/guichet/static"
	"github.com/guichet/guichet/themes"
)

// Main wires the program: configuration, events database, search index and
// HTTP server. Open starts everything, Close stops it in order.
type Main struct {
	Config Config
	Logger *slog.Logger
	Now    func() time.Time
	// AfterFunc runs f after d (default time.AfterFunc): with Now, the
	// clock of scheduled publications and of the visitor keys.
	AfterFunc func(d time.Duration, f func()) (stop func() bool)
	DB        store.Store
	Recorder  *recorder.Recorder
	Server    *web.Server
	// Metrics is the Prometheus registry /metrics serves; nil: a new one.
	Metrics *prometheus.Registry
	// Gaps is the content-gap report; Tickets takes tickets in, keeps the FAQ's counts.
	Gaps    *gaps.Service
	Tickets *tickets.Service
	// Contact takes contact requests and subscriptions; Queue delivers them.
	Contact *contact.Service
	Queue   *delivery.Queue
	// AccessLog gets a line per request; nil: none.
	AccessLog *slog.Logger
	// ListenURL is the URL the server was found at ("http://localhost:8080"),
	// the base URL when neither --base-url nor base_url sets one.
	ListenURL string
	// TicketPoll: how often to check for tickets another process imported (default 10 s).
	TicketPoll time.Duration

	// Publisher loads and publishes the content.
	Publisher *publish.Publisher

	folders   *publish.Folders
	closeOnce sync.Once
	closeErr  error
}

// Open checks the content folder, opens the database, loads the content and
// builds the server. The content folder must exist.
func (m *Main) Open(ctx context.Context) error {
	if m.Logger == nil {
		m.Logger = slog.Default()
	}
	if m.Now == nil {
		m.Now = time.Now
	}
	if m.Metrics == nil {
		m.Metrics = web.NewRegistry()
	}
	folders, err := publish.OpenFolders(m.Config.Content, m.Config.Data)
	if err != nil {
		return err
	}
	m.folders = folders
	opts := m.Config.storeOptions(false)
	opts.Now, opts.Logger = m.Now, m.Logger // one clock for the queue and the store, one log
	db, err := store.Open(ctx, opts)
	if err != nil {
		return err
	}
	m.DB = db
	m.Recorder = db.Recorder(recorder.Options{Logger: m.Logger})
	proxies, err := m.Config.proxies()
	if err != nil {
		return err
	}
	m.Gaps = &gaps.Service{Store: db, Retention: time.Duration(m.Config.RetentionDays) * 24 * time.Hour, Now: m.Now}
	m.Tickets = tickets.NewService(db, func(st *site.TicketStats) error { return m.Server.SetTicketStats(st) }, m.Now, m.Logger)
	m.Tickets.Poll = m.TicketPoll
	sender, err := m.Config.mailer()
	if err != nil {
		return err
	}
	m.Queue = delivery.NewQueue(delivery.Queue{Store: db, Secret: []byte(m.Config.WebhookSecret), Now: m.Now, Logger: m.Logger, Metrics: m.Metrics})
	if sender != nil {
		m.Queue.Mailer = sender
	}
	m.Contact = &contact.Service{Store: db, Queue: m.Queue, Tickets: m.Tickets, Gaps: m.Gaps, View: func() *site.View { return m.Server.View() },
		Mail: sender != nil, Signed: m.Config.WebhookSecret != "", Now: m.Now, Logger: m.Logger}
	srv, err := web.New(web.Options{
		Theme: themes.Default(m.Config.Dev), Static: static.Files(m.Config.Dev), Content: m.folders.Content,
		ExtraCSS: content.HighlightCSS(), Recorder: m.Recorder, Dev: m.Config.Dev,
		TrustedProxies: proxies, Limits: m.Config.limits(), VisitorKeys: db.VisitorKey, Metrics: m.Metrics, AfterFunc: m.AfterFunc,
		Insights: publish.Insights{Gaps: m.Gaps, Tickets: m.Tickets, Store: db, View: func() *site.View { return m.Server.View() }}, Tickets: m.Tickets, Contact: m.Contact, Auth: db, Logger: m.Logger, Now: m.Now,
		AccessLog: m.AccessLog, Health: store.Health(db, m.Metrics), Version: versionString(),
		Publish: func(ctx context.Context, wait bool) error { return m.Publisher.Ask(ctx, "api", wait) },
	})
	if err != nil {
		return err
	}
	m.Server = srv
	m.Publisher = publish.New(publish.Options{
		Content: m.folders.Content, Dir: m.Config.Content, Data: m.Config.Data,
		BaseURL: m.Config.BaseURL, ListenURL: m.ListenURL, Dev: m.Config.Dev, GitPull: m.Config.GitPull, Mail: sender != nil,
		Server: srv, Store: db, Gaps: m.Gaps, Tickets: m.Tickets, Answered: m.Contact.Published,
		Metrics: m.Metrics, Logger: m.Logger, Now: m.Now, AfterFunc: m.AfterFunc, LoadGCPercent: loadGCPercent(),
		Problems: check.Finder(m.folders.Content, m.Config.Content), // what `guichet check` finds beyond the loader
	})
	return m.Publisher.Publish(ctx, "start")
}

// loadGCPercent is the garbage collector's target while content loads
// (publish.Options.LoadGCPercent): the heap grows by half of what is live
// instead of doubling, unless the operator set GOGC.
func loadGCPercent() int {
	if os.Getenv("GOGC") != "" {
		return 0
	}
	return 50
}

// Reload publishes the content again (Publisher.Reload).
func (m *Main) Reload(ctx context.Context) error { return m.Publisher.Reload(ctx) }

// Close stops the timers, flushes the event writer and closes the stores.
// Only the first call does anything; later ones return its result.
func (m *Main) Close(ctx context.Context) error {
	m.closeOnce.Do(func() { m.closeErr = m.close(ctx) })
	return m.closeErr
}

func (m *Main) close(ctx context.Context) error {
	var errs []error
	if m.Publisher != nil {
		m.Server.Close() // stops fetching visitor keys ahead
		errs = append(errs, m.Publisher.Close())
	}
	if m.Recorder != nil {
		errs = append(errs, m.Recorder.Close(ctx))
	}
	if m.DB != nil {
		errs = append(errs, m.DB.Close())
	}
	if m.folders != nil {
		errs = append(errs, m.folders.Close())
	}
	return errors.Join(errs...)
}

// runServe implements `guichet serve`.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	// SIGHUP publishes the content again; caught from the start, so one
	// sent while the content loads does not end the process.
	hup, stopHUP := notifyHUP()
	defer stopHUP()
	c := newCommand(ctx, "serve", stderr, "content", "data", "database", "addr", "base-url", "dev", "watch", "git-pull", "log-format",
		"trusted-proxies", "record-rate", "record-burst", "request-rate", "request-burst", "auth-failures", "retention-days", "smtp", "mail-from")
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	c.cfg.WebhookSecret = os.Getenv("GUICHET_WEBHOOK_SECRET")
	if err := c.cfg.validate(); err != nil {
		return err
	}
	held := banner.Hold(stderr) // what is logged while the content loads goes after the banner
	defer held.Release()
	logger := c.cfg.logger(held)
	// The address is taken before anything loads: a busy port is said at
	// once, and /readyz answers 503 while the content loads.
	ln, err := web.Listen(c.cfg.Addr, logger)
	if err != nil {
		return err
	}
	m := &Main{Config: c.cfg, Logger: logger, AccessLog: logger, ListenURL: ln.URL(), Metrics: ln.Metrics} // served while the content loads
	if err := m.Open(ctx); err != nil {
		ln.Shutdown(shutdownGrace)
		closeCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		m.Close(closeCtx)
		if ctx.Err() != nil {
			// Asked to stop while the content loaded: a clean stop.
			logger.Info("stopped before the content was published")
			return nil
		}
		return err
	}
	// The watcher takes the folders' state before the banner says the
	// site is served: a file saved after it is published.
	switch {
	case c.cfg.Dev:
		go m.Publisher.Watcher([]string{c.cfg.Content, "themes", "static"}).Run(ctx)
	case c.cfg.Watch:
		go m.Publisher.Watcher([]string{c.cfg.Content}).Run(ctx)
	}
	ln.Ready(m.Server)
	banner.Print(stdout, banner.Server{ListenURL: m.ListenURL, Addr: c.cfg.Addr, Site: m.Server.View().Lib.Config, Content: c.cfg.Content,
		Store: c.cfg.storeOptions(false), Dev: c.cfg.Dev, Watch: c.cfg.Watch, PID: os.Getpid()})
	held.Release()
	go m.Publisher.PublishOn(ctx, hup, "signal")
	go m.Publisher.RefreshPopularityEvery(ctx)
	go store.PruneEvery(ctx, m.DB, 24*time.Hour, time.Duration(c.cfg.RetentionDays)*24*time.Hour, m.Now, logger)
	go store.WatchTickets(ctx, m.DB, m.Tickets.Changed)
	go m.Tickets.Run(ctx)
	// The queue stops before the database closes.
	qctx, stopQueue := context.WithCancel(ctx)
	queueDone := make(chan struct{})
	go func() { m.Queue.Run(qctx); close(queueDone) }()
	go m.Contact.Run(qctx, time.Hour)
	select {
	case err = <-ln.Done():
	case <-ctx.Done():
		logger.Info("shutting down")
	}
	m.Publisher.Stop() // a pull a webhook waits for ends now, not at the grace's end
	if serr := ln.Shutdown(shutdownGrace); serr != nil && err == nil {
		err = serr
	}
	stopQueue()
	<-queueDone
	closeCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if cerr := m.Close(closeCtx); cerr != nil && err == nil {
		err = cerr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if err == nil {
		logger.Info("stopped") // every request answered, every event stored
	}
	return err
}
