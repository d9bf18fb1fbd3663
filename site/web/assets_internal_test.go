package web

import "testing"

func TestAcceptsEncoding(t *testing.T) {
	for _, c := range []struct {
		header string
		want   bool
	}{
		{"gzip", true},
		{"gzip, deflate, br", true},
		{"GZIP", true},
		{"gzip;q=0.5", true},
		{"gzip; q=0.001", true},
		{"br;q=1.0, gzip;q=0.8, *;q=0.1", true},
		{"gzip;q=0", false},
		{"gzip;q=0.0", false},
		{"gzip;q=0, *", false},
		{"*", true},
		{"*;q=0", false},
		{"identity", false},
		{"deflate, br", false},
		{"", false},
		{"x-gzip", false},
		{"gzip;q=abc", true},
	} {
		if got := acceptsEncoding(c.header, "gzip"); got != c.want {
			t.Errorf("acceptsEncoding(%q) = %v, want %v", c.header, got, c.want)
		}
	}
}
