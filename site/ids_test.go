package site

import (
	"testing"
)

func TestNewID(t *testing.T) {
	a, b := NewID(), NewID()
	if a == b || !ValidID(a) || !ValidID(b) {
		t.Errorf("ids %q %q", a, b)
	}
	for _, bad := range []string{"", "xyz", a[:31], a + "0", "0123456789abcdef0123456789abcdeg"} {
		if ValidID(bad) {
			t.Errorf("ValidID(%q)", bad)
		}
	}
}
