package publish_test

import (
	"context"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/guichet/guichet/site/publish"
)

// TestContentMetrics: guichet_content_published_timestamp_seconds is when
// the content served was published, by the publisher's clock, and
// guichet_content_info names only the revision served, not the ones
// before it.
func TestContentMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	f := newFixture(t, func(o *publish.Options) { o.Metrics = reg })
	gather := func() (float64, map[string]float64) {
		t.Helper()
		families, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		at, revisions := -1.0, map[string]float64{}
		for _, mf := range families {
			for _, m := range mf.GetMetric() {
				switch mf.GetName() {
				case "guichet_content_published_timestamp_seconds":
					at = m.GetGauge().GetValue()
				case "guichet_content_info":
					revisions[m.GetLabel()[0].GetValue()] = m.GetGauge().GetValue()
				}
			}
		}
		return at, revisions
	}
	for i, body := range []string{"", "---\ntitle: Refunds\n---\nMoney back in three days.\n"} {
		if body != "" {
			write(t, f.dir, "billing/refund.md", body)
		}
		f.clk.Add(time.Hour)
		if err := f.pub.Publish(context.Background(), "api"); err != nil {
			t.Fatal(err)
		}
		at, revisions := gather()
		if want := float64(f.clk.Now().Unix()); at != want {
			t.Errorf("publication %d: published at %v, want %v (the clock's)", i, at, want)
		}
		if hash := f.srv.View().Lib.Hash; len(revisions) != 1 || revisions[hash] != 1 {
			t.Errorf("publication %d: content_info %v, want only %s", i, revisions, hash)
		}
	}
}
