package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/store"
	"github.com/prometheus/client_golang/prometheus"
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
