package content

import (
	"slices"
	"strings"
	"testing"
)

// TestSectionVerbatim checks that the plain text of a section says which
// of its lines are table cells or code, so that search snippets are taken
// from prose.
func TestSectionVerbatim(t *testing.T) {
	lib := load(t, map[string]string{
		"help/plans.md": "---\ntitle: Plans\n---\nPick a plan.\n\n## Compare\n\nEvery plan has support.\n\n" +
			"| Plan | SSO |\n|---|---|\n| Pro | ✓ |\n\n- One item\n- Two items\n\n```sh\ncurl -X POST https://api.test\n```\n\nThe end.\n",
	})
	a := article(t, lib, "help/plans.md")
	if len(a.Sections) != 2 {
		t.Fatalf("sections %+v", a.Sections)
	}
	if a.Sections[0].Verbatim != nil {
		t.Errorf("intro: verbatim %v, want none", a.Sections[0].Verbatim)
	}
	s := a.Sections[1]
	lines := strings.Split(s.Text, "\n")
	var verbatim []string
	for _, i := range s.Verbatim {
		verbatim = append(verbatim, lines[i])
	}
	want := []string{"Plan", "SSO", "Pro", "✓", "curl -X POST https://api.test"}
	if !slices.Equal(verbatim, want) {
		t.Errorf("verbatim lines %q, want %q (text %q)", verbatim, want, s.Text)
	}
	for i, l := range lines {
		if _, v := slices.BinarySearch(s.Verbatim, i); !v && !slices.Contains([]string{"Every plan has support.", "One item", "Two items", "The end."}, l) {
			t.Errorf("line %d %q counted as prose", i, l)
		}
	}
}
