package publish_test

import (
	"context"
	"runtime/metrics"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/publish"
)

// gogc reads the garbage collector's target without changing it.
func gogc() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64())
}

// gcServer notes the collector's target when content is published, that
// is while the publication runs.
type gcServer struct {
	publish.Server
	during *int
}

func (s gcServer) Publish(v *site.View, searcher site.Searcher) (site.Searcher, error) {
	*s.during = gogc()
	return s.Server.Publish(v, searcher)
}

// TestLoadGCPercent: the collector's target is the one asked while content
// loads and is restored after; a publisher not asked for one leaves the
// process's setting alone (it belongs to cmd/guichet, which reads GOGC).
func TestLoadGCPercent(t *testing.T) {
	before := gogc()
	for _, pct := range []int{0, before/2 + 1} {
		during := -1
		f := newFixture(t, func(o *publish.Options) {
			o.LoadGCPercent = pct
			o.Server = gcServer{Server: o.Server, during: &during}
		})
		if err := f.pub.Publish(context.Background(), "start"); err != nil {
			t.Fatal(err)
		}
		want := pct
		if pct == 0 {
			want = before
		}
		if during != want {
			t.Errorf("LoadGCPercent %d: GOGC %d while publishing, want %d", pct, during, want)
		}
		if after := gogc(); after != before {
			t.Errorf("LoadGCPercent %d: GOGC %d after publishing, want %d restored", pct, after, before)
		}
	}
}
