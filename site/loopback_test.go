package site

import "testing"

// TestLoopbackHost: the one rule for "this machine" that the public-host
// check (site/web) and the e-mail links warning (LoopbackURL) share.
func TestLoopbackHost(t *testing.T) {
	for _, tt := range []struct {
		host string
		want bool
	}{
		{"localhost", true}, {"LOCALHOST", true}, {"localhost.", true}, {"app.localhost", true},
		{"127.0.0.1", true}, {"127.1.2.3", true}, {"::1", true},
		{"help.example.com", false}, {"10.0.0.12", false}, {"localhost.example.com", false}, {"", false},
	} {
		if got := LoopbackHost(tt.host); got != tt.want {
			t.Errorf("LoopbackHost(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
	if !LoopbackURL("http://[::1]:8080/") || LoopbackURL("https://help.example.com/") {
		t.Error("LoopbackURL does not read the URL's host as LoopbackHost does")
	}
}
