package publish

import "github.com/prometheus/client_golang/prometheus"

// metrics count content publications.
type metrics struct {
	reloads  *prometheus.CounterVec // by trigger and result
	duration prometheus.Gauge
	problems *prometheus.GaugeVec // by severity, of the content served
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "guichet_content_reloads_total",
			Help: "Content publications, by trigger (start, signal, api, watch, schedule) and result (ok, error).",
		}, []string{"trigger", "result"}),
		duration: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "guichet_content_reload_seconds",
			Help: "How long the last successful publication took.",
		}),
		problems: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "guichet_content_problems",
			Help: "Errors and warnings in the content being served, by severity.",
		}, []string{"severity"}),
	}
	reg.MustRegister(m.reloads, m.duration, m.problems)
	return m
}
