package site

import "testing"

func TestShorten(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven char", 10, "eleven ch…"},
		{"été à Noël, déjà", 5, "été …"},
		{"日本語のテキスト", 4, "日本語…"},
		{"anything", 0, "anything"},
	} {
		if got := Shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestFirstWords: a pasted paragraph is read from its first words; a text
// short enough stays as it is, spacing and all.
func TestFirstWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"reset  password", "reset  password"},
		{"a b\nc d", "a b c"},
		{"", ""},
	} {
		if got := FirstWords(c.in, 3); got != c.want {
			t.Errorf("FirstWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
