package web

import (
	"testing"

	"github.com/guichet/guichet/site/insights"
)

// TestCardsSayWhenNothingToCompare: a rate of a period with nothing to
// divide by (no searches, no votes) has no value, so its card says there
// is nothing to compare, never "no change", and shows "–" for the period
// that has none; two equal values are "no change"; a period before in
// which nothing was recorded has nothing to compare.
func TestCardsSayWhenNothingToCompare(t *testing.T) {
	half := 0.5
	tests := []struct {
		name          string
		now, before   insights.Figures
		key           string
		compared      bool
		change, value string
		previous      string
	}{
		{"no votes before", insights.Figures{HelpfulVotes: 1, NotHelpfulVotes: 1, HelpfulShare: &half}, insights.Figures{}, "helpful_share", false, "", "50.0%", "–"},
		{"no votes now", insights.Figures{}, insights.Figures{HelpfulVotes: 1, NotHelpfulVotes: 1, HelpfulShare: &half}, "helpful_share", false, "", "–", "50.0%"},
		{"the same rate", insights.Figures{HelpfulVotes: 1, NotHelpfulVotes: 1, HelpfulShare: &half}, insights.Figures{HelpfulVotes: 1, NotHelpfulVotes: 1, HelpfulShare: &half}, "helpful_share", true, "", "50.0%", "50.0%"},
		{"a count from zero", insights.Figures{Searches: 3}, insights.Figures{Views: 2}, "searches", true, "+3", "3", "0"},
		{"the same count", insights.Figures{Views: 1}, insights.Figures{Views: 2}, "tickets", true, "", "0", "0"},
		// Nothing recorded in the period before (Guichet was not running
		// yet): nothing to compare, not "▲ +3, before: 0" (a newcomer,
		// rv19i).
		{"nothing recorded before", insights.Figures{Searches: 3}, insights.Figures{}, "searches", false, "", "3", "–"},
		{"nothing recorded at all", insights.Figures{}, insights.Figures{}, "tickets", false, "", "0", "–"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range cards(insights.Summary{Figures: tt.now, Previous: tt.before}) {
				if c.Key != tt.key {
					continue
				}
				if c.Compared != tt.compared || c.Change != tt.change || c.Value != tt.value || c.Previous != tt.previous {
					t.Errorf("card %+v, want compared %v, change %q, value %q, before %q", c, tt.compared, tt.change, tt.value, tt.previous)
				}
				return
			}
			t.Fatalf("no card %s", tt.key)
		})
	}
}
