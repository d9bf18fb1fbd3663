package site

import (
	"strings"
	"testing"
)

func TestQueryLen(t *testing.T) {
	for _, c := range []struct {
		q    string
		want int
	}{
		{"refund", 6},
		{"é", 1},
		{"e\u0301", 1},    // e and a combining accent: one letter
		{"wi\u00adfi", 4}, // a soft hyphen counts for nothing
		{"a\u200bb", 2},   // nor a zero-width space
		{"🍕🍕", 2},
		{"\u0915\u094d\u0937", 2}, // Devanagari: a virama is a mark
	} {
		if got := QueryLen(c.q); got != c.want {
			t.Errorf("QueryLen(%q) = %d, want %d", c.q, got, c.want)
		}
	}
}

func TestNormalQuery(t *testing.T) {
	for _, c := range []struct {
		in, want, err string
	}{
		{"  refund\u200b  policy ", "refund policy", ""},
		{"a\tb\u202ec", "a bc", ""},
		{"ab\u202ebonamento \u2066x\u2069", "abbonamento x", ""},
		{strings.Repeat("e\u0301", MaxQueryLen), strings.Repeat("e\u0301", MaxQueryLen), ""},
		{strings.Repeat("e", MaxQueryLen+1), "", "q must be at most 255 characters"},
		{strings.Repeat(" ", MaxQueryBytes+1), "", "q must be at most 4096 bytes"},
	} {
		got, err := NormalQuery("q", c.in)
		if c.err != "" {
			if ErrorCode(err) != EINVALID || ErrorMessage(err) != c.err {
				t.Errorf("NormalQuery(%.20q): %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("NormalQuery(%.20q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}
