package gaps_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestStubKeepsOneVisitorsStepOutOfKeywords: a phrasing in a gap only
// because one visitor typed it in the same visit, sharing no word with the
// gap's other phrasings ("dark mode app" after "gift a box"), may be that
// person's second question: the draft names it in its comment for the
// writer to judge, and does not make it a keyword of the article. A
// one-visitor phrasing that shares a word stays a keyword.
func TestStubKeepsOneVisitorsStepOutOfKeywords(t *testing.T) {
	s := newServiceSite(t)
	s.publish(petContent, false)
	s.search("gift a box", "a", 2*time.Hour)
	s.search("dark mode app", "a", 2*time.Hour-time.Minute)
	s.search("gift a box", "b", time.Hour)
	s.search("gift box for a friend", "c", time.Hour)
	g, ok := gapOf(s.report(gaps.Options{}), "gift a box")
	if !ok {
		t.Fatal("no gap for gift a box")
	}
	if other, _ := gapOf(s.report(gaps.Options{}), "dark mode app"); other.ID != g.ID {
		t.Fatalf("%q in gap %q, %q in gap %q: want one gap (one visitor's step joins a phrasing only they typed)", "dark mode app", other.ID, "gift a box", g.ID)
	}
	dir := t.TempDir()
	rel, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, g)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	draft := string(data)
	front, body, _ := strings.Cut(strings.TrimPrefix(draft, "---\n"), "---\n")
	if strings.Contains(front, "dark mode app") {
		t.Errorf("one visitor's other search is a keyword of the draft:\n%s", draft)
	}
	if !strings.Contains(body, `One visitor also typed "dark mode app"`) {
		t.Errorf("the draft's comment does not name the phrasing left out:\n%s", draft)
	}
	for _, kw := range []string{"gift a box", "gift box for a friend"} {
		if !strings.Contains(front, `"`+kw+`"`) {
			t.Errorf("keyword %q missing:\n%s", kw, draft)
		}
	}
}

// TestStubOneVisitorsPhrasingsVouchNotForEachOther: one visitor typed
// "hamster cage" and "hamster cages" in the visit where they also typed
// the gap's question; no one else typed either. The two share a word
// with each other only, which is that same person's: neither becomes a
// keyword, and the draft's comment names both, in the plural.
func TestStubOneVisitorsPhrasingsVouchNotForEachOther(t *testing.T) {
	s := newServiceSite(t)
	s.publish(petContent, false)
	s.search("gift a box", "a", 2*time.Hour)
	s.search("hamster cage", "a", 2*time.Hour-time.Minute)
	s.search("hamster cages", "a", 2*time.Hour-2*time.Minute)
	s.search("gift a box", "b", time.Hour)
	s.search("gift box for a friend", "c", time.Hour)
	g, ok := gapOf(s.report(gaps.Options{}), "gift a box")
	if !ok {
		t.Fatal("no gap for gift a box")
	}
	for _, q := range []string{"hamster cage", "hamster cages"} {
		if other, _ := gapOf(s.report(gaps.Options{}), q); other.ID != g.ID {
			t.Fatalf("%q in gap %q, not in gift a box's %q: this test wants one gap", q, other.ID, g.ID)
		}
	}
	dir := t.TempDir()
	rel, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, g)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	draft := string(data)
	front, body, _ := strings.Cut(strings.TrimPrefix(draft, "---\n"), "---\n")
	if strings.Contains(front, "hamster") {
		t.Errorf("one visitor's other searches are keywords of the draft, vouched for by each other:\n%s", draft)
	}
	if !strings.Contains(body, `One visitor also typed "hamster cage" and "hamster cages" in the same visit: add them to the keywords if they ask the same thing.`) &&
		!strings.Contains(body, `One visitor also typed "hamster cages" and "hamster cage" in the same visit: add them to the keywords if they ask the same thing.`) {
		t.Errorf("the draft's comment does not name both phrasings left out, in the plural:\n%s", draft)
	}
}
