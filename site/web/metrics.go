package web

import (
	"log/slog"
	"math"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/guichet/guichet/site"
)

// metrics are the server's Prometheus collectors.
type metrics struct {
	// requests counts answered requests by route (the routes table's
	// pattern) and status code; duration is their latency by route.
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	// search is the latency of search and suggest, by kind.
	search *prometheus.HistogramVec
	// limited counts requests refused or not recorded, by limit: request
	// (429), record (answered, not recorded; events 429), auth (429).
	limited *prometheus.CounterVec
	// authFailures counts failed authentications (bad token or sign-in).
	authFailures prometheus.Counter
	// contacts counts contact requests by result: stored, or lost (the
	// store failed; the customer was told to send it again).
	contacts *prometheus.CounterVec
}

// newMetrics registers the server's collectors on reg, with the limits in
// force as gauges so a dashboard can show them beside the counts.
func newMetrics(reg prometheus.Registerer, l Limits, rec site.EventRecorder, contactFailing func() string) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "guichet_http_requests_total",
			Help: "HTTP requests answered, by route pattern and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "guichet_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"route"}),
		search: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "guichet_search_duration_seconds",
			Help:    "Time the search index takes to answer, by kind: search or suggest.",
			Buckets: []float64{.0002, .0005, .001, .0025, .005, .01, .025, .05, .1},
		}, []string{"kind"}),
		limited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "guichet_rate_limited_total",
			Help: "Requests over a per-client limit: request (answered 429), record (answered but not recorded; event posts 429), auth (authentication locked out, 429).",
		}, []string{"limit"}),
		authFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "guichet_auth_failures_total",
			Help: "Failed authentications: wrong, revoked or out-of-scope bearer tokens and admin sign-ins.",
		}),
		contacts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "guichet_contact_requests_total",
			Help: "Contact requests by result: stored (and queued for delivery), or lost (the store failed: a full disk, a read-only database; the customer was told to send it again).",
		}, []string{"result"}),
	}
	rates := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "guichet_limit_rate",
		Help: "Per-client limits in force: sustained rate per second (auth: failures per window).",
	}, []string{"limit"})
	bursts := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "guichet_limit_burst",
		Help: "Per-client limits in force: burst size (auth: window in seconds).",
	}, []string{"limit"})
	rates.WithLabelValues("record").Set(l.RecordRate)
	bursts.WithLabelValues("record").Set(float64(l.RecordBurst))
	rates.WithLabelValues("request").Set(l.RequestRate)
	bursts.WithLabelValues("request").Set(float64(l.RequestBurst))
	rates.WithLabelValues("auth").Set(float64(l.AuthFailures))
	bursts.WithLabelValues("auth").Set(l.AuthWindow.Seconds())
	for _, c := range []string{"request", "record", "auth"} {
		m.limited.WithLabelValues(c)
	}
	m.contacts.WithLabelValues("stored")
	m.contacts.WithLabelValues("lost")
	stat := func(name, help string, v func(site.RecorderStats) uint64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help},
			func() float64 { return float64(v(rec.Stats())) })
	}
	reg.MustRegister(m.limited, m.authFailures, m.contacts,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "guichet_contact_failing",
			Help: "1 while the last contact request could not be stored and nothing was stored since (customers are told to send it again), else 0."},
			func() float64 {
				if contactFailing() != "" {
					return 1
				}
				return 0
			}), rates, bursts, m.requests, m.duration, m.search,
		stat("guichet_events_queued_total", "Events (searches, clicks, votes, views, openings) queued for the store.",
			func(s site.RecorderStats) uint64 { return s.Queued }),
		stat("guichet_events_written_total", "Events written to the store.",
			func(s site.RecorderStats) uint64 { return s.Written }),
		stat("guichet_events_dropped_total", "Events lost: queue full, shutting down, or a failed write.",
			func(s site.RecorderStats) uint64 { return s.Dropped }),
		stat("guichet_event_write_errors_total", "Batches of events the store failed to write.",
			func(s site.RecorderStats) uint64 { return s.WriteErrors }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "guichet_events_failing",
			Help: "1 while the last batch of events failed to be written (a full disk, a read-only database): events are lost; 0 once one is written."},
			func() float64 {
				if rec.Stats().Failing != "" {
					return 1
				}
				return 0
			}),
	)
	return m
}

// observe counts and times every request by its route, and writes the
// access log line when there is a logger for it: method, path (never the
// query string, which may hold what visitors typed), status, bytes and
// duration. Errors are answered here so the status is known.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		if err := next(c); err != nil {
			c.Error(err)
		}
		took := time.Since(start)
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		status := c.Response().Status
		s.limiter.metrics.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
		s.limiter.metrics.duration.WithLabelValues(route).Observe(took.Seconds())
		accessLine(s.opts.AccessLog, c.Request(), route, status, c.Response().Size, took)
		return nil
	}
}

// accessLine writes a request's access-log line to l (nil: none): method,
// path (never the query string, which may hold what visitors typed), route,
// status, bytes and duration in milliseconds to the microsecond. The
// server's requests and those answered while the content loads (Starting)
// are logged by it.
func accessLine(l *slog.Logger, r *http.Request, route string, status int, bytes int64, took time.Duration) {
	if l == nil {
		return
	}
	l.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", route),
		slog.Int("status", status), slog.Int64("bytes", bytes),
		slog.Float64("duration_ms", math.Round(float64(took.Microseconds()))/1000))
}

// metricsHandler serves /metrics in the Prometheus text format to clients
// on loopback or a private network (after trusted-proxy resolution, so a
// public visitor behind the proxy is refused).
func (s *Server) metricsHandler() echo.HandlerFunc {
	h := promhttp.HandlerFor(s.opts.Metrics, promhttp.HandlerOpts{})
	return func(c echo.Context) error {
		ip := net.ParseIP(c.RealIP())
		if ip == nil || !(ip.IsLoopback() || ip.IsPrivate()) {
			return site.Errorf(site.ENOTFOUND, "no page at %s", c.Request().URL.Path)
		}
		c.Response().Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(c.Response(), c.Request())
		return nil
	}
}
