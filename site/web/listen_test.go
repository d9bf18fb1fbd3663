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

// TestCheckAddrPortIsANumber: --addr :http was taken (Go reads service
// names), while the README, the banner's commands and the container's
// health check read the port as a number; a port is a number from 0 to
// 65535, and a service's name is told with its number, as a port alone
// or a URL is told with the address to write.
func TestCheckAddrPortIsANumber(t *testing.T) {
	for _, tt := range []struct{ addr, want string }{
		{"127.0.0.1:8080", ""},
		{":0", ""},
		{"[::1]:65535", ""},
		{":http", "a service name, not a port number: give --addr :80"},
		{"0.0.0.0:https", "give --addr 0.0.0.0:443"},
		{"localhost:bar", `port "bar" is not a number: give --addr as HOST:PORT`},
		{"127.0.0.1:", `port "" is not a number`},
		{"127.0.0.1:99999", "port 99999 is beyond 65535"},
		{"127.0.0.1:+80", `port "+80" is not a number`},
	} {
		err := CheckAddr(tt.addr)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckAddr(%q) = %v", tt.addr, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckAddr(%q) = %v, want %q", tt.addr, err, tt.want)
		}
	}
}

// TestStartingServesMetrics: /metrics answered 503 while the content
// loaded, so a long start looked like a dead target; it is served from
// the start, to loopback and private networks only as the server does,
// with guichet_content_loading at 1, then 0 once the content is served.
func TestStartingServesMetrics(t *testing.T) {
	var logged strings.Builder
	l, err := Listen("127.0.0.1:0", slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Shutdown(time.Second)
	get := func(forwarded string) (int, string) {
		req, _ := http.NewRequest("GET", l.URL()+"/metrics", nil)
		if forwarded != "" {
			req.Header.Set("X-Forwarded-For", forwarded)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}
	if code, body := get(""); code != 200 || !strings.Contains(body, "guichet_content_loading 1") || !strings.Contains(body, "go_goroutines") {
		t.Errorf("/metrics while loading: %d\n%.300s", code, body)
	}
	if !strings.Contains(logged.String(), "route=/metrics status=200") || strings.Contains(logged.String(), "bytes=0 ") {
		t.Errorf("access log of /metrics while loading:\n%s", logged.String())
	}
	if code, body := get("203.0.113.9"); code == 200 || strings.Contains(body, "guichet_content_loading") {
		t.Errorf("/metrics while loading, for a public client through a proxy: %d", code)
	}
	l.Ready(http.NotFoundHandler())
	mfs, err := l.Metrics.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if v := mf.GetMetric()[0].GetGauge().GetValue(); mf.GetName() == "guichet_content_loading" && v != 0 {
			t.Errorf("guichet_content_loading once ready: %v", v)
		}
	}
}
