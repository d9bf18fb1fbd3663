package gaps_test

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestSynonymWordIsNoTypo: a word a synonyms.yaml entry matches is the
// writers' word, no misspelling of a more frequent one: "ebike" (the
// entry "e-bike" spelt joined) stays with "electric bike", never
// "corrected" into the "bike" that more visitors typed.
func TestSynonymWordIsNoTypo(t *testing.T) {
	s := newServiceSite(t)
	files := fstest.MapFS{"synonyms.yaml": {Data: []byte("en:\n  - [e-bike, electric bike]\n")}}
	for name, f := range petContent {
		files[name] = f
	}
	s.publish(files, false)
	for _, v := range []string{"a", "b", "c"} {
		s.search("bike rack", v, time.Hour)
	}
	s.search("ebike charging", "d", time.Hour)
	s.search("electric bike charging", "e", time.Hour)
	rep := s.report(gaps.Options{})
	joined, _ := gapOf(rep, "ebike charging")
	spaced, _ := gapOf(rep, "electric bike charging")
	rack, _ := gapOf(rep, "bike rack")
	if joined.ID == "" || joined.ID != spaced.ID {
		t.Errorf("%q in gap %q, %q in gap %q: want one gap", "ebike charging", joined.ID, "electric bike charging", spaced.ID)
	}
	if joined.ID == rack.ID {
		t.Errorf("%q joined the gap of %q: read as a typo of %q", "ebike charging", "bike rack", "bike")
	}
}
