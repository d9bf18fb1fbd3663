package store

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Health returns the check /healthz runs: s.Ping, which also sets the
// gauge guichet_database_up (1 answered, 0 failed) and counts failures in
// guichet_database_errors_total and the check's latency in
// guichet_database_ping_seconds, registered on reg (nil: none), so an
// outage shows in the metrics as well as in the 503.
func Health(s Store, reg prometheus.Registerer) func(ctx context.Context) error {
	up := prometheus.NewGauge(prometheus.GaugeOpts{Name: "guichet_database_up",
		Help: "1 when the events store answered the last health check, 0 when it failed."})
	failures := prometheus.NewCounter(prometheus.CounterOpts{Name: "guichet_database_errors_total",
		Help: "Health checks the events store failed."})
	latency := prometheus.NewHistogram(prometheus.HistogramOpts{Name: "guichet_database_ping_seconds",
		Help: "Time the events store took to answer a health check.", Buckets: prometheus.ExponentialBuckets(0.0005, 4, 8)})
	if reg != nil {
		reg.MustRegister(up, failures, latency)
	}
	return func(ctx context.Context) error {
		start := time.Now()
		err := s.Ping(ctx)
		latency.Observe(time.Since(start).Seconds())
		if err != nil {
			up.Set(0)
			failures.Inc()
			return err
		}
		up.Set(1)
		return nil
	}
}
