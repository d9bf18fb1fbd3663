package web

import (
	"net"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/guichet/guichet/site"
)

// metrics are the server's Prometheus collectors.
type metrics struct {
	// limited counts requests refused or not recorded, by limit: request
	// (429), record (answered, not recorded; events 429), auth (429).
	limited *prometheus.CounterVec
	// authFailures counts failed authentications (bad token or sign-in).
	authFailures prometheus.Counter
}

// newMetrics registers the server's collectors on reg, with the limits in
// force as gauges so a dashboard can show them beside the counts.
func newMetrics(reg prometheus.Registerer, l Limits) *metrics {
	m := &metrics{
		limited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "guichet_rate_limited_total",
			Help: "Requests over a per-client limit: request (answered 429), record (answered but not recorded; event posts 429), auth (authentication locked out, 429).",
		}, []string{"limit"}),
		authFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "guichet_auth_failures_total",
			Help: "Failed authentications: wrong, revoked or out-of-scope bearer tokens and admin sign-ins.",
		}),
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
	reg.MustRegister(m.limited, m.authFailures, rates, bursts)
	return m
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
