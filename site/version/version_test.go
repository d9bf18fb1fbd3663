package version

import (
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	// A test binary has build info; its module version is "(devel)" or
	// empty, and the override always wins.
	if got := String("v9.8.7"); !strings.HasPrefix(got, "v9.8.7") {
		t.Errorf("String(v9.8.7) = %q, want the override first", got)
	}
	v, rev, _, _ := Build("v9.8.7")
	if v != "v9.8.7" {
		t.Errorf("Build version = %q", v)
	}
	if rev != "" && !strings.Contains(String("x"), rev[:min(12, len(rev))]) {
		t.Errorf("String = %q, want revision %s", String("x"), rev)
	}
}
