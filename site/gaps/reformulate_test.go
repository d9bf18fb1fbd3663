package gaps

import (
	"slices"
	"testing"
)

// TestReformulationAgainstWords: one visitor going from one group to
// another joins them unless the words place the smaller elsewhere: a
// phrasing similar to a third group's and to nothing of the group the
// visitor came from ("put membership on hold" after "lost my badge",
// beside "pause membership") stays apart from it. In the coworking set a
// visitor with two questions put a membership phrasing into the badge
// gap.
func TestReformulationAgainstWords(t *testing.T) {
	// Items: 0 "pause membership" (visitors 1, 2), 1 "lost badge"
	// (3, 4, 5), 2 "put membership on hold" (5). Visitor 5 went from 1
	// to 2.
	items := []item{
		{terms: []int32{0, 1}, visitors: 2, who: []uint32{1, 2}},
		{terms: []int32{2, 3}, visitors: 3, who: []uint32{3, 4, 5}},
		{terms: []int32{1, 4}, visitors: 1, who: []uint32{5}},
	}
	bridges := []bridge{{a: 1, b: 2, visitors: 1, who: []uint32{5}}}
	code := make([]int32, 5)
	for _, c := range []struct {
		name  string
		edges []edge
		want  []int
	}{
		{"words place it with pause membership: apart", []edge{{a: 2, b: 0, sim: 0.4}}, []int{0, 1, 2}},
		{"words say nothing: the visitor joins them", nil, []int{0, 1, 1}},
		{"words also like the badge: the visitor joins them", []edge{{a: 2, b: 0, sim: 0.4}, {a: 2, b: 1, sim: 0.35}}, []int{0, 1, 1}},
		{"too faint a likeness to overrule the visitor", []edge{{a: 2, b: 0, sim: 0.2}}, []int{0, 1, 1}},
	} {
		root := []int{0, 1, 2}
		if got := joinReformulations(items, root, bridges, code, c.edges); !slices.Equal(got, c.want) {
			t.Errorf("%s: groups %v, want %v", c.name, got, c.want)
		}
	}
}
