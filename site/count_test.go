package site

import "testing"

// TestCountAndThousands: counts in messages read "1 file", "2,448 files".
func TestCountAndThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 23817: "23,817", 100000: "100,000", 1234567: "1,234,567", -5: "-5"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 files"}, {1, "1 file"}, {2, "2 files"}, {2448, "2,448 files"}} {
		if got := Count(c.n, "file"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := CountOf(1, "person", "people") + ", " + CountOf(1200, "person", "people"); got != "1 person, 1,200 people" {
		t.Errorf("CountOf: %q", got)
	}
}
