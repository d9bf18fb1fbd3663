// Package web is Guichet's HTTP surface on echo: the server-rendered site,
// the JSON API, static assets and the event endpoint. Pages that do not
// depend on the request are rendered once per content snapshot and served
// from memory; a snapshot is swapped atomically when content reloads.
package web

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/themes"
)

// Options configures a Server.
type Options struct {
	// HotPageBytes bounds the rendered pages kept in memory, gzipped, per
	// snapshot (hotpages.go); 0: 64 MB.
	HotPageBytes int64
	// Theme is the theme folder: templates/ and assets/.
	Theme fs.FS
	// Static holds the site's JavaScript and images.
	Static fs.FS
	// Content is the content folder; its images are served under /_content/.
	Content fs.FS
	// ExtraCSS is appended to the theme's style.css (syntax highlighting).
	ExtraCSS string
	// Recorder receives searches, clicks and votes. Required.
	Recorder site.EventRecorder
	// Dev re-reads templates and assets at every Publish.
	Dev bool
	// TrustedProxies are the networks whose X-Forwarded-For header is
	// believed (the Caddy front). Empty: loopback only.
	TrustedProxies []*net.IPNet
	// VisitorKeys returns the secret under which the visitors of a UTC day
	// ("2026-11-30") are hashed (see Server.visitor); nil: visitors are not
	// identified.
	VisitorKeys func(ctx context.Context, day string) ([]byte, error)
	// Insights backs the admin page and the insights API; nil disables
	// them.
	Insights Insights
	// Tickets stores tickets posted by the helpdesk; nil disables
	// POST /api/v1/tickets.
	Tickets TicketIngester
	// Contact takes contact requests and subscriptions; nil: the contact
	// form and "Tell me when this is answered" are not offered.
	Contact *contact.Service
	// Auth checks bearer tokens and keeps admin sessions; nil disables
	// everything that needs a token.
	Auth Auth
	// Limits is the per-client policy of the public endpoints.
	Limits Limits
	// Metrics receives the server's Prometheus collectors and is what
	// /metrics serves; nil: a registry of the server's own.
	Metrics *prometheus.Registry
	// AccessLog, when set, gets one line per request (see observe).
	AccessLog *slog.Logger
	// Health checks what the server depends on (the store) for /healthz,
	// bounding its own time (store.Health: two seconds); nil: nothing to
	// check.
	Health func(ctx context.Context) error
	// Version is reported by /healthz.
	Version string
	// Publish loads and publishes the content again, for POST
	// /api/v1/reload: at once in the background, or, with wait, before it
	// returns, returning the error. Nil disables the endpoint.
	Publish func(ctx context.Context, wait bool) error
	Logger  *slog.Logger
	// Now and AfterFunc are the clock: the time, and a timer calling f
	// after d, returning a function that stops it (defaults time.Now and
	// time.AfterFunc).
	Now       func() time.Time
	AfterFunc func(d time.Duration, f func()) (stop func() bool)
}

// Auth checks bearer tokens and keeps the admin sessions on the server.
// Credentials that are missing, wrong, revoked, expired or out of scope are
// EUNAUTHORIZED errors; a store failure is any other error.
type Auth interface {
	// Authenticate checks a token of scope and returns its ID.
	Authenticate(ctx context.Context, secret, scope string) (string, error)
	// StartSession opens an admin session for a token and returns the
	// session's secret, the cookie value.
	StartSession(ctx context.Context, tokenID string, ttl time.Duration) (string, error)
	// Session returns the token ID of a live session.
	Session(ctx context.Context, secret string) (string, error)
	// EndSession ends a session; ending an unknown one is not an error.
	EndSession(ctx context.Context, secret string) error
}

// Server serves the help center. Create it with New, give it content with
// Publish, and use it as an http.Handler.
type Server struct {
	opts  Options
	echo  *echo.Echo
	state atomic.Pointer[state]
	// hostWarned: publicHost has warned (publichost.go).
	hostWarned atomic.Bool

	mu sync.Mutex // serialises Publish
	// theme is the last good theme: the one the pages are written with.
	theme *themeSet
	// themeDir is the content folder's theme folder the theme was last
	// loaded with ("" for the default theme alone).
	themeDir string
	stats    *site.TicketStats // the latest, used by Publish
	version  atomic.Int64      // counts Publish calls, for the dev reload script
	limiter  *limiter
	// mostClicked are the IDs of the articles clicked in results
	// recently, most first, for the most read articles (next_steps.go).
	mostClicked atomic.Pointer[[]string]
	// contactLost is the last contact request the store failed to save,
	// nil once one is stored (see contactFailing).
	contactLost atomic.Pointer[contactLost]
	// dayKeys caches the visitor keys of today and, from shortly before
	// midnight, of the next day (visitor.go).
	dayKeyMu sync.Mutex
	dayKeys  struct {
		keys map[string][]byte // by UTC day
		// failed is when the store last failed to give today's key:
		// requests ask again visitorRetry later, not each one.
		failed time.Time
		stop   func() bool // the timer of keepVisitorKeys
		closed bool        // by Close: no more timers
	}
}

// New builds a server: parses the theme and loads the assets.
func New(opts Options) (*Server, error) {
	if opts.Recorder == nil {
		return nil, fmt.Errorf("new web server: a Recorder is required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.AfterFunc == nil {
		opts.AfterFunc = func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }
	}
	opts.Limits = opts.Limits.withDefaults()
	for _, n := range opts.TrustedProxies {
		if ones, _ := n.Mask.Size(); ones == 0 {
			opts.Logger.Warn("--trusted-proxies trusts every address: any client can choose the address it is counted and limited by", "network", n.String())
		}
	}
	if opts.Metrics == nil {
		opts.Metrics = prometheus.NewRegistry()
	}
	s := &Server{opts: opts}
	s.limiter = newLimiter(opts.Limits, opts.Now, newMetrics(opts.Metrics, opts.Limits, opts.Recorder, s.contactFailing))
	theme, err := readTheme(s.opts.Static, s.opts.Theme, s.opts.ExtraCSS)
	if err != nil {
		return nil, err
	}
	s.theme = theme
	s.echo = s.routes()
	s.keepVisitorKeys()
	return s, nil
}

// contentTheme returns the theme of v's content: the embedded theme with
// the files of the content folder's theme folder (guichet.yaml's theme,
// "theme" by default) over it, and that folder; the embedded theme alone
// and "" when the content folder has no such folder.
func (s *Server) contentTheme(v *site.View) (fs.FS, string) {
	dir := v.Lib.Config.Theme
	if s.opts.Content == nil || dir == "" {
		return s.opts.Theme, ""
	}
	if st, err := fs.Stat(s.opts.Content, dir); err != nil || !st.IsDir() {
		return s.opts.Theme, ""
	}
	sub, err := fs.Sub(s.opts.Content, dir)
	if err != nil {
		return s.opts.Theme, ""
	}
	return themes.Overlay(sub, s.opts.Theme), dir
}

// Publish renders the view's pages and makes them, with searcher, the ones
// served. Requests in flight finish on the previous snapshot. It returns
// the searcher that was replaced (nil the first time) so the caller can
// close it once those requests are done.
//
// The theme is read again first (the content folder's theme folder over
// the default theme; the default theme too in dev mode). A theme that
// does not load or render keeps the last good one in force and the
// content is published with it: the problem is logged and returned by
// ThemeProblem, and in dev mode every page shows it instead (theme.go).
// Only the first publication outside dev mode, which has no good theme
// of the content's to keep, fails on it.
func (s *Server) Publish(v *site.View, searcher site.Searcher) (site.Searcher, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	theme, dir := s.contentTheme(v)
	good, fresh := s.theme, false
	var problem *site.Problem
	if s.opts.Dev || dir != "" || s.themeDir != "" {
		next, err := readTheme(s.opts.Static, theme, s.opts.ExtraCSS)
		if err != nil {
			problem = themeProblem(err, s.opts.Content, dir)
		} else {
			good, fresh = next, true
		}
	}
	st, err := s.build(v, searcher, good)
	if err != nil && fresh {
		// The new theme loads but a page does not render with it: the
		// last good one stays, if the content renders with that.
		if prev, perr := s.build(v, searcher, s.theme); perr == nil {
			problem = themeProblem(err, s.opts.Content, dir)
			good, st, err = s.theme, prev, nil
		}
	}
	if err != nil {
		return nil, err
	}
	if problem != nil {
		if s.state.Load() == nil && !s.opts.Dev {
			return nil, fmt.Errorf("%s", problem)
		}
		if s.opts.Dev {
			// The writer sees the error on every page until it is fixed.
			if st, err = s.build(v, searcher, good.panel(problem, s.opts.Content, dir)); err != nil {
				return nil, err
			}
		}
		problem.Message += "; the site keeps its last good theme until the file is fixed"
		s.opts.Logger.Error("theme: "+problem.String(), "file", problem.File, "line", problem.Line)
	} else if old := s.state.Load(); old != nil && old.themeProblem != nil {
		s.opts.Logger.Info("theme: loads again", "folder", dir)
	}
	s.theme, s.themeDir = good, dir
	st.themeProblem = problem
	old := s.state.Swap(st)
	s.version.Add(1)
	if old == nil {
		return nil, nil
	}
	return old.search, nil
}

// build writes the view's pages with theme: its templates, assets and
// strings under the content's own strings, on the server's copy of the
// view.
func (s *Server) build(v *site.View, searcher site.Searcher, theme *themeSet) (*state, error) {
	local := *v
	local.UI = i18n.New(theme.strings, v.Lib.Strings, v.Lib.Config.DefaultLocale, v.Lib.Locales())
	pub, err := buildPublished(&local, searcher, theme.tmpl, theme.assets, s.opts.HotPageBytes)
	if err != nil {
		return nil, err
	}
	return rank(pub, s.stats)
}

// ThemeProblem returns why the content folder's theme does not load or
// render, naming the file and line, or nil when it does. While it is not
// nil, the site is served with the last good theme.
func (s *Server) ThemeProblem() *site.Problem {
	st := s.state.Load()
	if st == nil || st.themeProblem == nil {
		return nil
	}
	p := *st.themeProblem
	return &p
}

// SetTicketStats ranks the FAQ with new ticket counts and renders the pages
// that show it (home and FAQ of every locale) again; the other pages stay.
// Requests never see a half-updated site.
func (s *Server) SetTicketStats(stats *site.TicketStats) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats = stats
	st := s.state.Load()
	if st == nil {
		return nil
	}
	next, err := rank(st.published, stats)
	if err != nil {
		return err
	}
	s.state.Store(next)
	return nil
}

// ClearResults forgets the cached search answers, for when the ranking
// changes without new content (popularity from recent clicks).
func (s *Server) ClearResults() {
	if st := s.state.Load(); st != nil {
		st.results.Store(newResultCache(resultCacheSize))
	}
}

// View returns the content view being served, nil before the first Publish.
func (s *Server) View() *site.View {
	if st := s.state.Load(); st != nil {
		return st.view
	}
	return nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.echo.ServeHTTP(w, r)
}

// current returns the snapshot being served or a 503 error before the first
// Publish.
func (s *Server) current() (*state, error) {
	st := s.state.Load()
	if st == nil {
		return nil, site.Errorf(site.EUNAVAILABLE, "content is loading")
	}
	return st, nil
}
