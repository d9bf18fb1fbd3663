package delivery

import (
	"bytes"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestOutageLogs: a store failing at every poll is logged when the failures
// start, again once a minute while they last (not at every poll), and once
// when the queue works again, saying for how long it failed.
func TestOutageLogs(t *testing.T) {
	start := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	down := errors.New("claim deliveries: connection refused")
	for _, tt := range []struct {
		name  string
		polls []error // one a second
		want  []string
	}{
		{"healthy", []error{nil, nil}, nil},
		{"one failure", []error{down, nil}, []string{"WARN failing_since=2026-11-30T09:00:00Z", "INFO failed_for=1s"}},
		{"90 s of outage", append(slices.Repeat([]error{down}, 90), nil, nil),
			[]string{"WARN failing_since=2026-11-30T09:00:00Z", "WARN failing_since=2026-11-30T09:00:00Z", "INFO failed_for=1m30s"}},
		{"two outages", []error{down, down, nil, down, nil},
			[]string{"WARN failing_since=2026-11-30T09:00:00Z", "INFO failed_for=2s", "WARN failing_since=2026-11-30T09:00:03Z", "INFO failed_for=1s"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
				if a.Key == slog.TimeKey || a.Key == slog.MessageKey || a.Key == "err" {
					return slog.Attr{}
				}
				return a
			}}))
			var o outage
			for i, err := range tt.polls {
				o.note(log, err, start.Add(time.Duration(i)*time.Second))
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
				if l != "" {
					got = append(got, strings.TrimPrefix(l, "level="))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("logged\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
