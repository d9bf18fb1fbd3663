package gaps_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/gaps"
)

// TestWriteStubKnowsTheMergedGapsDraft: a gap that got its draft ("graines
// bio"), then merged by the team into another gap asking the same
// ("origine des graines"), is that gap now: `gaps stub` of the gap it
// joined, and `gaps --stub`, wrote a second draft, graines-bio-2.md,
// beside the first, for one question. The merged gap's draft is the
// gap's draft, named and kept.
func TestWriteStubKnowsTheMergedGapsDraft(t *testing.T) {
	dir := t.TempDir()
	merged := gaps.Gap{ID: "76340d5e089e", Kind: gaps.KindSearch, Locale: "fr", Query: "graines bio", Visitors: 3,
		Variants: []gaps.Variant{{Query: "graines bio", Searches: 3}}}
	rel, err := gaps.WriteStub(dir, "drafts", "fr", merged)
	if err != nil {
		t.Fatal(err)
	}
	into := gaps.Gap{ID: "19008f39cf9d", Kind: gaps.KindSearch, Locale: "fr", Query: "graines bio", Visitors: 4,
		Merged:   []string{merged.ID},
		Variants: []gaps.Variant{{Query: "graines bio", Searches: 3}, {Query: "origine des graines", Searches: 3}}}
	got, err := gaps.WriteStub(dir, "drafts", "fr", into)
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), rel) || !strings.Contains(err.Error(), merged.ID) {
		t.Errorf("stub of the gap merged into: %q, %v; want the merged gap's draft %s named and nothing written", got, err, rel)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "drafts")); len(entries) != 1 {
		t.Errorf("drafts/ holds %d files, want only the merged gap's draft", len(entries))
	}
}
