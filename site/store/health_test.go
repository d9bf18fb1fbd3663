package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/store"
	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/errgroup"
)

// gauge returns the value of the gauge name as reg gathers it now.
func gauge(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == name && len(f.GetMetric()) == 1 {
			return f.GetMetric()[0].GetGauge().GetValue()
		}
	}
	t.Fatalf("%s is not gathered", name)
	return 0
}

// TestDatabaseUpAtScrape: guichet_database_up says whether the store
// answers when the metrics are scraped, without anyone asking /healthz (a
// load balancer probing /readyz never does): 1 for a store that answers,
// 0 once it is gone, and the failure counted.
func TestDatabaseUpAtScrape(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	store.Health(db, reg)
	if up := gauge(t, reg, "guichet_database_up"); up != 1 {
		t.Errorf("guichet_database_up = %v for a store that answers and no /healthz yet, want 1", up)
	}
	db.Close()
	if up := gauge(t, reg, "guichet_database_up"); up != 0 {
		t.Errorf("guichet_database_up = %v once the store is closed, want 0", up)
	}
	families, _ := reg.Gather()
	for _, f := range families {
		if f.GetName() == "guichet_database_errors_total" {
			if n := f.GetMetric()[0].GetCounter().GetValue(); n < 1 {
				t.Errorf("guichet_database_errors_total = %v after a failed check, want ≥ 1", n)
			}
		}
	}
}

// silentStore is a real store whose Ping never answers (a database
// behind a dropped connection), counting the pings.
type silentStore struct {
	store.Store
	pings atomic.Int32
}

func (s *silentStore) Ping(ctx context.Context) error {
	s.pings.Add(1)
	<-ctx.Done()
	return ctx.Err()
}

// TestDatabaseUpScrapesShareACheck: scrapes made while a check is under
// way wait for that check (at most two seconds) instead of each pinging the
// store again, so frequent scrapes do not pile up pings on a database that
// does not answer; each still reads 0.
func TestDatabaseUpScrapesShareACheck(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	silent := &silentStore{Store: db}
	reg := prometheus.NewRegistry()
	store.Health(silent, reg)
	var g errgroup.Group
	ups := []float64{-1, -1, -1, -1, -1} // -1: not gathered
	for i := range ups {
		g.Go(func() error {
			families, err := reg.Gather()
			for _, f := range families {
				if f.GetName() == "guichet_database_up" {
					ups[i] = f.GetMetric()[0].GetGauge().GetValue()
				}
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ups, make([]float64, 5)) {
		t.Errorf("guichet_database_up read %v by 5 scrapes of a store that does not answer, want 0 each", ups)
	}
	if n := silent.pings.Load(); n != 1 {
		t.Errorf("%d pings for 5 scrapes at once, want 1 they share", n)
	}
}

// slowFailingStore is a real store whose Ping fails after a while (a
// database that refuses after a timeout).
type slowFailingStore struct{ store.Store }

func (slowFailingStore) Ping(ctx context.Context) error {
	time.Sleep(50 * time.Millisecond)
	return errors.New("connection refused")
}

// TestDatabaseCheckCountedInItsScrape: the check a scrape makes is in that
// scrape's guichet_database_errors_total and guichet_database_ping_seconds,
// as guichet_database_up is: a scrape reading up 0 also shows the failure
// (they were gathered concurrently with the check, so they showed it a
// scrape late, and a failed check followed by a good one never showed in
// errors_total beside the 0).
func TestDatabaseCheckCountedInItsScrape(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	reg := prometheus.NewRegistry()
	store.Health(slowFailingStore{db}, reg)
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range families {
		m := f.GetMetric()[0]
		switch f.GetName() {
		case "guichet_database_up":
			got[f.GetName()] = m.GetGauge().GetValue()
		case "guichet_database_errors_total":
			got[f.GetName()] = m.GetCounter().GetValue()
		case "guichet_database_ping_seconds":
			got[f.GetName()] = float64(m.GetHistogram().GetSampleCount())
		}
	}
	want := map[string]float64{"guichet_database_up": 0, "guichet_database_errors_total": 1, "guichet_database_ping_seconds": 1}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("first scrape of a failing store: %s = %v, want %v", k, got[k], v)
		}
	}
}
