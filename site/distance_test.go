package site

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"password", "password", 0},
		{"passwrod", "password", 1},
		{"pasword", "password", 1},
		{"passwordd", "password", 1},
		{"passwerd", "password", 1},
		{"pswrod", "password", 3},
		{"annulé", "annule", 1},
		{"", "abc", 3},
		{"abcdef", "ghijkl", 4},
		{"title", "titel", 1},
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b, 3); got != min(tt.want, 4) {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
