package publish

import "github.com/prometheus/client_golang/prometheus"

// metrics count content publications.
type metrics struct {
	reloads  *prometheus.CounterVec // by trigger and result
	duration prometheus.Gauge
	problems *prometheus.GaugeVec // by severity, of the content served
	// published is when the content served was published (Unix seconds),
	// revision its hash as a label (the /healthz "content"): replicas
	// serving different content, or content that stopped being
	// published, show in the metrics.
	published prometheus.Gauge
	revision  *prometheus.GaugeVec
	pulls     *prometheus.CounterVec // failed git pulls, by reason
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
		published: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "guichet_content_published_timestamp_seconds",
			Help: "When the content being served was published, in Unix seconds.",
		}),
		revision: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "guichet_content_info",
			Help: "1 for the content being served, labelled with its hash (the content field of /healthz).",
		}, []string{"revision"}),
	}
	m.pulls = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "guichet_git_pull_failures_total",
		Help: "Failed git pulls of --git-pull, by reason: timeout, diverged, local_changes, not_a_checkout, other.",
	}, []string{"reason"})
	for _, r := range pullReasons {
		m.pulls.WithLabelValues(r) // at 0 from the start, for increase()
	}
	reg.MustRegister(m.reloads, m.duration, m.problems, m.published, m.revision, m.pulls)
	return m
}
