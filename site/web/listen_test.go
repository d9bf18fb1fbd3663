package web

import (
	"strings"
	"testing"
	"time"
)

// TestListenURL: the printed URL is one a browser on this machine opens —
// localhost for every interface and for the loopback address localhost
// names, another loopback address as it is (localhost does not reach
// 127.0.0.2) — and AllInterfaces tells the addresses other machines reach.
func TestListenURL(t *testing.T) {
	for _, tt := range []struct {
		addr, prefix string
		all          bool
	}{
		{"127.0.0.1:0", "http://localhost:", false},
		{"127.0.0.2:0", "http://127.0.0.2:", false},
		{"0.0.0.0:0", "http://localhost:", true},
		{":0", "http://localhost:", true},
	} {
		l, err := Listen(tt.addr)
		if err != nil {
			t.Fatalf("listen on %s: %v", tt.addr, err)
		}
		if got := l.URL(); !strings.HasPrefix(got, tt.prefix) {
			t.Errorf("Listen(%s).URL() = %s, want %s…", tt.addr, got, tt.prefix)
		}
		if got := AllInterfaces(tt.addr); got != tt.all {
			t.Errorf("AllInterfaces(%s) = %v, want %v", tt.addr, got, tt.all)
		}
		l.Shutdown(time.Second)
	}
}
