package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/publish"
	"github.com/guichet/guichet/site/sqlite"
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
	// clock of scheduled publications.
	AfterFunc func(d time.Duration, f func()) (stop func() bool)
	DB        *sqlite.DB
	Recorder  *sqlite.Recorder
	Server    *web.Server
	// Metrics is the Prometheus registry /metrics serves; nil: a new one.
	Metrics *prometheus.Registry
	// Gaps is the content-gap report; Tickets takes tickets in and keeps
	// the FAQ's counts.
	Gaps    *gaps.Service
	Tickets *tickets.Service
	// AccessLog gets a line per request; nil: none.
	AccessLog *slog.Logger
	// ListenURL is the URL the server was found at ("http://localhost:8080"),
	// the base URL when neither --base-url nor base_url sets one.
	ListenURL string
	// TicketPoll is how often the server checks for tickets imported by
	// another process (default 10 s).
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
		m.Metrics = prometheus.NewRegistry()
		m.Metrics.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	folders, err := publish.OpenFolders(m.Config.Content, m.Config.Data)
	if err != nil {
		return err
	}
	m.folders = folders
	db, err := sqlite.Open(ctx, filepath.Join(m.Config.Data, "guichet.db"))
	if err != nil {
		return err
	}
	m.DB = db
	m.Recorder = sqlite.NewRecorder(db, sqlite.RecorderOptions{Logger: m.Logger})
	proxies, err := m.Config.proxies()
	if err != nil {
		return err
	}
	m.Gaps = &gaps.Service{Store: db, Retention: time.Duration(m.Config.RetentionDays) * 24 * time.Hour, Now: m.Now}
	m.Tickets = tickets.NewService(db, func(st *site.TicketStats) error { return m.Server.SetTicketStats(st) }, m.Now, m.Logger)
	m.Tickets.Poll = m.TicketPoll
	theme, staticFS := m.themeFS()
	srv, err := web.New(web.Options{
		Theme: theme, Static: staticFS, Content: m.folders.Content,
		ExtraCSS: content.HighlightCSS(), Recorder: m.Recorder, Dev: m.Config.Dev,
		TrustedProxies: proxies, Limits: m.Config.limits(), VisitorKeys: db.VisitorKey, Metrics: m.Metrics,
		Insights: insights{m}, Tickets: m.Tickets, Auth: db, Logger: m.Logger, Now: m.Now,
		AccessLog: m.AccessLog, Health: db.Ping, Version: versionString(),
		Publish: func(ctx context.Context, wait bool) error {
			if !wait {
				m.Publisher.Soon("api")
				return nil
			}
			return m.Publisher.Publish(ctx, "api")
		},
	})
	if err != nil {
		return err
	}
	m.Server = srv
	m.Publisher = publish.New(publish.Options{
		Content: m.folders.Content, Dir: m.Config.Content, Data: m.Config.Data,
		BaseURL: m.Config.BaseURL, ListenURL: m.ListenURL, Dev: m.Config.Dev, GitPull: m.Config.GitPull,
		Server: srv, Store: db, Gaps: m.Gaps, Tickets: m.Tickets,
		Metrics: m.Metrics, Logger: m.Logger, Now: m.Now, AfterFunc: m.AfterFunc,
	})
	return m.Publisher.Publish(ctx, "start")
}

// themeFS returns the embedded theme and static files, or, in dev mode when
// run from a checkout, the files on disk so edits show up on reload.
func (m *Main) themeFS() (fs.FS, fs.FS) {
	theme, _ := fs.Sub(themes.FS, "default")
	var staticFS fs.FS = static.FS
	if m.Config.Dev {
		if st, err := os.Stat("themes/default/templates"); err == nil && st.IsDir() {
			theme = os.DirFS("themes/default")
		}
		if st, err := os.Stat("static/js"); err == nil && st.IsDir() {
			staticFS = os.DirFS("static")
		}
	}
	return theme, staticFS
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
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// SIGHUP publishes the content again; caught from the start, so one
	// sent while the content loads does not end the process.
	hup, stopHUP := notifyHUP()
	defer stopHUP()
	cfg := defaultConfig()
	fset, err := newFlagSet("serve", &cfg, "content", "data", "addr", "base-url", "dev", "watch", "git-pull", "log-format",
		"trusted-proxies", "record-rate", "record-burst", "request-rate", "request-burst", "auth-failures", "retention-days")
	if err != nil {
		return err
	}
	fset.SetOutput(stderr)
	if err := fset.Parse(args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	logger := cfg.logger(stderr)
	proxies, err := cfg.proxies()
	if err != nil {
		return err
	}
	// The address is taken before anything loads: a busy port is said at
	// once, and /readyz answers 503 while the content loads.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w: another program (perhaps another guichet serve) uses it; stop it or give another --addr", cfg.Addr, err)
	}
	starting := &web.Starting{}
	hs := &http.Server{
		Handler:           starting,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	shutdown := func() error {
		shutCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		return hs.Shutdown(shutCtx)
	}

	listenURL := "http://" + displayAddr(ln.Addr())
	m := &Main{Config: cfg, Logger: logger, AccessLog: logger, ListenURL: listenURL}
	if err := m.Open(ctx); err != nil {
		shutdown()
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
	for _, n := range proxies {
		if ones, _ := n.Mask.Size(); ones == 0 {
			logger.Warn("--trusted-proxies trusts every address: any client can choose the address it is counted and limited by", "network", n.String())
		}
	}
	starting.Set(m.Server)
	printBanner(stdout, m)
	switch {
	case cfg.Dev:
		go m.Publisher.Watch(ctx, []string{cfg.Content, "themes", "static"})
	case cfg.Watch:
		go m.Publisher.Watch(ctx, []string{cfg.Content})
	}
	go m.publishOnSignal(ctx, hup)
	go m.Publisher.RefreshPopularityEvery(ctx)
	go m.DB.PruneEvery(ctx, 24*time.Hour, time.Duration(cfg.RetentionDays)*24*time.Hour, logger)
	go m.Tickets.Run(ctx)
	select {
	case err = <-served:
	case <-ctx.Done():
		logger.Info("shutting down")
	}
	if serr := shutdown(); serr != nil && err == nil {
		err = fmt.Errorf("shut down HTTP server: %w", serr)
	}
	closeCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if cerr := m.Close(closeCtx); cerr != nil && err == nil {
		err = cerr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// displayAddr turns a listen address into one a browser can open.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() || ip.IsLoopback() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
