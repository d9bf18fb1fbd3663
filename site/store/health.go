package store

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/singleflight"
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
// Each check takes at most healthTimeout; scrapes made while one is under
// way share it, so frequent scrapes of a slow store do not pile up pings.
func Health(s Store, reg prometheus.Registerer) func(ctx context.Context) error {
	failures := prometheus.NewCounter(prometheus.CounterOpts{Name: "guichet_database_errors_total",
		Help: "Checks of the events store (by /healthz and by each scrape) that failed."})
	latency := prometheus.NewHistogram(prometheus.HistogramOpts{Name: "guichet_database_ping_seconds",
		Help: "Time the events store took to answer a check.", Buckets: prometheus.ExponentialBuckets(0.0005, 4, 8)})
	check := func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, healthTimeout)
		defer cancel()
		start := time.Now()
		err := s.Ping(ctx)
		latency.Observe(time.Since(start).Seconds())
		if err != nil {
			failures.Inc()
		}
		return err
	}
	if reg != nil {
		// The counter and the histogram are collected by the check's
		// collector, after the check, so a scrape shows its own check
		// in them as in guichet_database_up (collectors run at once).
		reg.MustRegister(&upCollector{check: check, after: []prometheus.Collector{failures, latency}, desc: prometheus.NewDesc("guichet_database_up",
			"1 when the events store answered a check made at this scrape (within two seconds), 0 when it failed.", nil, nil)})
	}
	return check
}

// upCollector reports guichet_database_up by checking the store when the
// metrics are gathered.
type upCollector struct {
	check  func(context.Context) error
	after  []prometheus.Collector // collected once the check is done
	desc   *prometheus.Desc
	flight singleflight.Group // the check under way, shared by scrapes
}

// Describe implements prometheus.Collector.
func (u *upCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- u.desc
	for _, c := range u.after {
		c.Describe(ch)
	}
}

// Collect implements prometheus.Collector: one check (see Health).
func (u *upCollector) Collect(ch chan<- prometheus.Metric) {
	_, err, _ := u.flight.Do("", func() (any, error) { return nil, u.check(context.Background()) })
	up := 1.0
	if err != nil {
		up = 0
	}
	ch <- prometheus.MustNewConstMetric(u.desc, prometheus.GaugeValue, up)
	for _, c := range u.after {
		c.Collect(ch)
	}
}
