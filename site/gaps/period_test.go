package gaps

import (
	"fmt"
	"testing"
	"time"
)

// TestReportPeriod: Since and Until bound every count of the report (gaps,
// top searches, totals), so a custom period of the dashboard shows only
// its days; grouping still reads every record, so a gap keeps its ID.
func TestReportPeriod(t *testing.T) {
	day := 24 * time.Hour
	in := []Record{
		rec("export pdf", "old1", 0, false, 20*day),
		rec("export pdf", "old2", 0, false, 19*day),
		rec("export pdf", "mid1", 0, false, 10*day),
		rec("export pdf", "mid2", 3, false, 9*day),
		rec("export pdf", "new1", 0, false, time.Hour),
		rec("reset password", "new2", 0, false, time.Hour),
		rec("reset password", "new3", 0, false, 2*time.Hour),
	}
	all := Group(in, nil, nil, Options{Now: now, TopQueries: 5})
	ids := map[string]string{}
	for _, g := range all.Gaps {
		ids[g.Query] = g.ID
	}
	tests := []struct {
		name         string
		since, until time.Duration // ago; 0: unbounded
		want         []string
		searches     int
		top          string
	}{
		{"everything", 0, 0, []string{"search: export pdf (5)", "search: reset password (2)"}, 7, "export pdf"},
		{"last week", 7 * day, 0, []string{"search: export pdf (1)", "search: reset password (2)"}, 3, "reset password"},
		{"two weeks ago, ended a week ago", 14 * day, 7 * day, []string{"search: export pdf (2)"}, 2, "export pdf"},
		{"ended before anything", 0, 30 * day, nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Now: now, TopQueries: 5}
			if tt.since > 0 {
				opts.Since = now.Add(-tt.since)
			}
			if tt.until > 0 {
				opts.Until = now.Add(-tt.until)
			}
			rep := Group(in, nil, nil, opts)
			if got := summary(rep); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("gaps %v, want %v", got, tt.want)
			}
			if rep.Searches != tt.searches {
				t.Errorf("failed searches %d, want %d", rep.Searches, tt.searches)
			}
			if tt.top != "" && (len(rep.Queries) == 0 || rep.Queries[0].Query != tt.top) {
				t.Errorf("top searches %+v, want %q first", rep.Queries, tt.top)
			}
			if tt.top == "" && len(rep.Queries) != 0 {
				t.Errorf("top searches %+v, want none", rep.Queries)
			}
			for _, g := range rep.Gaps {
				if g.ID != ids[g.Query] {
					t.Errorf("gap %q has ID %s in the period, %s overall", g.Query, g.ID, ids[g.Query])
				}
			}
		})
	}
}
