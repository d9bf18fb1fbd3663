package web

import (
	"io"
	"log/slog"
	"net"
	"net/http"
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
		l, err := Listen(tt.addr, nil)
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

// TestListenError: an address Listen cannot take says what to do about it:
// a busy port names the other program, while a port out of range, a host
// that does not resolve or an address of another machine asks for a
// correct --addr rather than blaming a program that does not exist.
func TestListenError(t *testing.T) {
	busy, err := Listen("127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Shutdown(time.Second)
	for _, tt := range []struct{ addr, want string }{
		{busy.ln.Addr().String(), "another program (perhaps another guichet serve) uses it"},
		{"127.0.0.1:99999", "a port from 1 to 65535"},
		{"host.invalid:8080", "an address of this machine"},
		{"203.0.113.77:8080", "an address of this machine"}, // TEST-NET-3: documentation only
	} {
		if strings.HasPrefix(tt.addr, "203.") && localAddr(t, "203.0.113.77") {
			continue
		}
		l, err := Listen(tt.addr, nil)
		if err == nil {
			l.Shutdown(time.Second)
			t.Errorf("Listen(%s): no error", tt.addr)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.addr) {
			t.Errorf("Listen(%s) = %q, want the address and %q", tt.addr, err, tt.want)
		}
	}
}

// localAddr reports whether ip is one of this machine's addresses.
func localAddr(t *testing.T, ip string) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.String() == ip {
			return true
		}
	}
	return false
}

// TestStartingAnswers: while the content loads, /healthz (liveness) says
// the process is alive, 200 {"status":"loading"}, where it answered 503
// and a liveness probe would kill a long first start; /readyz, the API and
// pages answer 503 with Retry-After; each request gets the access log's
// line, as the server's do (they had none; a newcomer, rv19j).
func TestStartingAnswers(t *testing.T) {
	var logged strings.Builder
	l, err := Listen("127.0.0.1:0", slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Shutdown(time.Second)
	for _, tt := range []struct {
		path  string
		code  int
		retry bool
	}{
		{"/healthz", 200, false}, {"/readyz", 503, true}, {"/api/v1/search?q=x", 503, true}, {"/billing/refund", 503, true},
	} {
		res, err := http.Get(l.URL() + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.code || (res.Header.Get("Retry-After") != "") != tt.retry {
			t.Errorf("GET %s while loading: %d (Retry-After %q) %s, want %d", tt.path, res.StatusCode, res.Header.Get("Retry-After"), body, tt.code)
		}
		if tt.path == "/healthz" && !strings.Contains(string(body), `"status":"loading"`) {
			t.Errorf("/healthz while loading: %s", body)
		}
	}
	for _, want := range []string{"path=/healthz route=starting status=200", "path=/readyz route=starting status=503", "path=/billing/refund route=starting status=503"} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("access log lacks %q:\n%s", want, logged.String())
		}
	}
	if strings.Contains(logged.String(), "q=x") {
		t.Errorf("the access log holds a query string:\n%s", logged.String())
	}
}
