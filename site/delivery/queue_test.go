package delivery_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/sqlite"
)

// TestQueueGivesUp: a webhook that keeps failing is tried once and once
// per backoff step, then fails for good with the reason; a webhook is
// never sent without a secret; a good one is delivered signed, once.
func TestQueueGivesUp(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	var calls atomic.Int32
	status := atomic.Int32{}
	status.Store(500)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Header.Get("X-Guichet-Signature") != delivery.Sign([]byte("k"), []byte(`{"n":1}`)) {
			w.WriteHeader(401)
			return
		}
		w.WriteHeader(int(status.Load()))
	}))
	defer srv.Close()
	reg := prometheus.NewRegistry()
	q := delivery.NewQueue(delivery.Queue{Store: db, Now: func() time.Time { return now }, Backoff: []time.Duration{time.Second, time.Minute},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Metrics: reg})
	if err := db.EnqueueDeliveries(ctx, []delivery.Delivery{delivery.NewWebhook(delivery.PurposeContact, "r1", srv.URL, []byte(`{"n":1}`))}); err != nil {
		t.Fatal(err)
	}
	state := func() (string, int, string) {
		ds, err := db.DeliveriesOf(ctx, []string{"r1"})
		if err != nil || len(ds["r1"]) != 1 {
			t.Fatalf("%v %v", ds, err)
		}
		d := ds["r1"][0]
		return d.State, d.Attempts, d.LastError
	}
	// No secret: not sent, kept for later.
	q.RunOnce(ctx)
	if st, n, why := state(); st != delivery.StatePending || n != 1 || calls.Load() != 0 || why == "" {
		t.Fatalf("unsigned: %s %d %q, %d calls", st, n, why, calls.Load())
	}
	q.Secret = []byte("k")
	for _, step := range []time.Duration{time.Second, time.Minute} {
		now = now.Add(step)
		q.RunOnce(ctx)
	}
	// Three attempts in all (the unsigned one counts): the queue gives up.
	if st, n, why := state(); st != delivery.StateFailed || n != 3 || calls.Load() != 2 || why != "webhook: the helpdesk answered 500 Internal Server Error" {
		t.Fatalf("after two 500s: %s %d attempts %q, %d calls", st, n, why, calls.Load())
	}
	now = now.Add(24 * time.Hour)
	if q.RunOnce(ctx); calls.Load() != 2 {
		t.Errorf("a failed message was tried again: %d calls", calls.Load())
	}

	// A good receiver: delivered once.
	status.Store(204)
	if err := db.EnqueueDeliveries(ctx, []delivery.Delivery{delivery.NewWebhook(delivery.PurposeContact, "r2", srv.URL, []byte(`{"n":1}`))}); err != nil {
		t.Fatal(err)
	}
	if n, err := q.RunOnce(ctx); n != 1 || err != nil {
		t.Fatalf("delivered %d (%v)", n, err)
	}
	if n, _ := q.RunOnce(ctx); n != 0 {
		t.Errorf("delivered twice")
	}
	// The metrics count each attempt's outcome: two retries (the unsigned
	// attempt and the first 500), one given up, one delivered; the series
	// of the mail channel, never used, are there at 0 (an alert on
	// increase() sees the first failure after a restart).
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			key := mf.GetName()
			for _, l := range m.GetLabel() {
				key += " " + l.GetName() + "=" + l.GetValue()
			}
			got[key] = m.GetCounter().GetValue()
		}
	}
	want := map[string]float64{
		"guichet_deliveries_total channel=webhook result=delivered": 1,
		"guichet_deliveries_total channel=webhook result=failed":    1,
		"guichet_deliveries_total channel=webhook result=retry":     2,
		"guichet_deliveries_total channel=mail result=delivered":    0,
		"guichet_deliveries_total channel=mail result=failed":       0,
		"guichet_deliveries_total channel=mail result=retry":        0,
	}
	if !maps.Equal(got, want) {
		t.Errorf("metrics %v, want %v", got, want)
	}
}

// RunOnce may be called on several goroutines of one queue (Run's, and a
// caller's own) with the default backoff; go test -race checks it.
func TestRunOnceConcurrently(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	q := delivery.NewQueue(delivery.Queue{Store: db, Secret: []byte("k"), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	var ds []delivery.Delivery
	for range 4 {
		ds = append(ds, delivery.NewWebhook(delivery.PurposeContact, "r", srv.URL, []byte(`{}`)))
	}
	if err := db.EnqueueDeliveries(ctx, ds); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	for range 2 {
		go func() { q.RunOnce(ctx); done <- struct{}{} }()
	}
	<-done
	<-done
	got, err := db.DeliveriesOf(ctx, []string{"r"})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range got["r"] {
		if d.Attempts != 1 || d.State != delivery.StatePending || !d.NextAt.After(d.CreatedAt) {
			t.Errorf("delivery %d: %d attempts, %s, next %v; want one failed attempt, retried later", d.ID, d.Attempts, d.State, d.NextAt)
		}
	}
}

// TestQueueOutageLogsOnce: while the store is away the queue fails at
// every poll; it says so once (then once a minute), not at every poll,
// and names the operation once.
func TestQueueOutageLogsOnce(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Close() // the store is away
	var logs bytes.Buffer
	q := delivery.NewQueue(delivery.Queue{Store: db, Poll: time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	q.Run(ctx) // about a hundred polls
	out := logs.String()
	if n := strings.Count(out, "level=WARN"); n != 1 {
		t.Errorf("%d warnings for one outage, want 1:\n%s", n, out)
	}
	if !strings.Contains(out, "claim deliveries") || strings.Contains(out, "claim deliveries: claim deliveries") {
		t.Errorf("the warning does not name the operation once: %s", out)
	}
}
