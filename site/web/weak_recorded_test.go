package web_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestWeakSearchRecordedAsNoAnswer: a search whose results are only
// related articles ("weak": none answers half of what it asks) found no
// answer, and the team reads it so: the gap report counts it among the
// searches with no result, as the dashboard's no-result rate does, rather
// than as a search whose answer was shown and not opened (rv23a: "senza
// glutine" answered by a "senza" alone, a 0 % no-result rate). The
// articles it showed are recorded.
func TestWeakSearchRecordedAsNoAnswer(t *testing.T) {
	e := newEnv(t)
	const q = "refund bitcoin hamster"
	w := e.do(t, "GET", "/api/v1/search?source=site&q=refund+bitcoin+hamster", nil)
	var res struct {
		Results []struct{ ID string } `json:"results"`
		Weak    bool                  `json:"weak"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || len(res.Results) == 0 || !res.Weak {
		t.Fatalf("search %q: %s; want weak results (the premise)", q, w.Body.String())
	}
	if err := e.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := e.db.RecentSearches(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Results != 0 || len(got[0].Hits) == 0 || got[0].Hits[0] != res.Results[0].ID {
		t.Fatalf("recorded %+v, want one search with no result and the articles it showed", got)
	}
	svc := &gaps.Service{Store: e.db, Retention: 90 * 24 * time.Hour}
	rep, err := svc.Report(context.Background(), gaps.Options{MinVisitors: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range rep.Gaps {
		if g.Query == q {
			if g.NoResults != 1 || g.NoClick != 0 {
				t.Errorf("gap %q: %d with no result, %d without a click; want the one search with no result", q, g.NoResults, g.NoClick)
			}
			return
		}
	}
	t.Errorf("no gap for %q in %+v", q, rep.Gaps)
}
