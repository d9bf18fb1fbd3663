package store

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// healthTimeout bounds one check of the store, from /healthz or a scrape.
const healthTimeout = 2 * time.Second

// Health returns the check /healthz runs: s.Ping, counting failures in
// guichet_database_errors_total and the check's latency in
// guichet_database_ping_seconds, registered on reg (nil: none). The gauge
// guichet_database_up (1 answered, 0 failed) is checked again at each
// scrape of the metrics, not only when /healthz is asked (a load balancer
// probing /readyz never asks it): a store that went away reads 0 at the
// next scrape, and a healthy one never reads 0 because nobody probed it.
func Health(s Store, reg prometheus.Registerer) func(ctx context.Context) error {
	failures := prometheus.NewCounter(prometheus.CounterOpts{Name: "guichet_database_errors_total",
		Help: "Checks of the events store (by /healthz and by each scrape) that failed."})
	latency := prometheus.NewHistogram(prometheus.HistogramOpts{Name: "guichet_database_ping_seconds",
		Help: "Time the events store took to answer a check.", Buckets: prometheus.ExponentialBuckets(0.0005, 4, 8)})
	check := func(ctx context.Context) error {
		start := time.Now()
		err := s.Ping(ctx)
		latency.Observe(time.Since(start).Seconds())
		if err != nil {
			failures.Inc()
		}
		return err
	}
	if reg != nil {
		reg.MustRegister(failures, latency, upCollector{check: check, desc: prometheus.NewDesc("guichet_database_up",
			"1 when the events store answered a check made at this scrape (within two seconds), 0 when it failed.", nil, nil)})
	}
	return check
}

// upCollector reports guichet_database_up by checking the store when the
// metrics are gathered.
type upCollector struct {
	check func(context.Context) error
	desc  *prometheus.Desc
}

// Describe implements prometheus.Collector.
func (u upCollector) Describe(ch chan<- *prometheus.Desc) { ch <- u.desc }

// Collect implements prometheus.Collector: one check, bounded by
// healthTimeout.
func (u upCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), healthTimeout)
	defer cancel()
	up := 1.0
	if u.check(ctx) != nil {
		up = 0
	}
	ch <- prometheus.MustNewConstMetric(u.desc, prometheus.GaugeValue, up)
}
