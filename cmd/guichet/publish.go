package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// publishMetrics count content publications.
type publishMetrics struct {
	reloads  *prometheus.CounterVec // by trigger and result
	duration prometheus.Gauge
	problems *prometheus.GaugeVec // by severity, of the content served
}

func newPublishMetrics(reg prometheus.Registerer) *publishMetrics {
	p := &publishMetrics{
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
	reg.MustRegister(p.reloads, p.duration, p.problems)
	return p
}

// Publish loads the content again and swaps it in; trigger names what
// asked (signal, api, watch, schedule) for the logs and metrics. With
// --git-pull, a signal or an API call first runs `git pull --ff-only` in the
// content folder. A failed pull or load keeps the site being served.
func (m *Main) Publish(ctx context.Context, trigger string) error {
	start := time.Now()
	var err error
	if trigger == "signal" || trigger == "api" {
		err = m.gitPull(ctx)
	}
	if err == nil {
		err = m.Reload(ctx)
	}
	result := "ok"
	if err != nil {
		result = "error"
		m.Logger.Error("publish content", "trigger", trigger, "err", err)
	} else {
		m.publish.duration.Set(time.Since(start).Seconds())
	}
	m.publish.reloads.WithLabelValues(trigger, result).Inc()
	return err
}

// gitPull runs `git pull --ff-only` in the content folder when --git-pull
// is set, for at most a minute.
func (m *Main) gitPull(ctx context.Context) error {
	if !m.Config.GitPull {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", "-C", m.Config.Content, "pull", "--ff-only", "--quiet")
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("git pull --ff-only in %s: %v: %s", m.Config.Content, err, strings.TrimSpace(string(out)))
	}
	return nil
}

// publishSoon publishes in the background and returns at once. Asked again
// while a publication runs, it publishes once more after it, however many
// times it was asked meanwhile, so a burst of pushes costs two loads.
func (m *Main) publishSoon(trigger string) {
	m.pubMu.Lock()
	defer m.pubMu.Unlock()
	if m.pubRunning {
		m.pubPending = true
		return
	}
	m.pubRunning = true
	m.answers.Add(1)
	go func() {
		defer m.answers.Done()
		for {
			m.Publish(m.bg, trigger)
			m.pubMu.Lock()
			if !m.pubPending || m.bg.Err() != nil {
				m.pubRunning = false
				m.pubMu.Unlock()
				return
			}
			m.pubPending = false
			m.pubMu.Unlock()
		}
	}()
}

// publishOnSignal publishes the content again at each signal on hup (SIGHUP)
// until ctx ends.
func (m *Main) publishOnSignal(ctx context.Context, hup <-chan os.Signal) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			m.Logger.Info("SIGHUP: publishing the content again")
			m.publishSoon("signal")
		}
	}
}

// notifyHUP starts catching SIGHUP, whose default action would end the
// process, and returns the channel its signals arrive on.
func notifyHUP() (<-chan os.Signal, func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	return hup, func() { signal.Stop(hup) }
}
