package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// Starting is the handler of a server whose content is still loading: it
// answers 503 with Retry-After (JSON for /readyz and the API, a line of
// text otherwise) until Set gives it the real handler, then hands every
// request to it; /healthz, the liveness probe, answers 200
// {"status":"loading"}: the process is alive, and a probe must not kill
// a long first start. It lets the listen address be taken before the
// content loads. Each request it answers gets the access log's line
// (Log), as the server's do.
type Starting struct {
	h atomic.Pointer[http.Handler]
	// Log is the access log, nil for none.
	Log *slog.Logger
}

// Set gives the handler every request goes to from now on.
func (s *Starting) Set(h http.Handler) { s.h.Store(&h) }

// ServeHTTP implements http.Handler.
func (s *Starting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := s.h.Load(); h != nil {
		(*h).ServeHTTP(w, r)
		return
	}
	start := time.Now()
	status := http.StatusServiceUnavailable
	w.Header().Set("Cache-Control", "no-store")
	switch {
	case r.URL.Path == "/healthz":
		status = http.StatusOK
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprintln(w, `{"status":"loading"}`)
	case r.URL.Path == "/readyz" || strings.HasPrefix(r.URL.Path, "/api/"):
		w.Header().Set("Retry-After", "5")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprintln(w, `{"status":"loading"}`)
	default:
		w.Header().Set("Retry-After", "5")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintln(w, "The help center is starting; try again in a few seconds.")
	}
	accessLine(s.Log, r, "starting", status, 0, time.Since(start))
}

// Listener is the HTTP server of a process: it takes its address at once,
// answers through a Starting handler until Ready hands it the real server,
// and stops gracefully.
type Listener struct {
	ln       net.Listener
	hs       *http.Server
	starting Starting
	served   chan error
}

// addrAdvice is how to write --addr, told with every address refused.
const addrAdvice = "give --addr as HOST:PORT, an address of this machine (or 0.0.0.0 for all) and a port from 1 to 65535"

// CheckAddr returns nil when addr has the HOST:PORT shape Listen takes,
// else an error that says what to write: a port alone (8081) is told with
// the two addresses it may stand for, a URL (http://localhost:8081) with
// its HOST:PORT and where a public URL goes (--base-url).
func CheckAddr(addr string) error {
	_, _, err := net.SplitHostPort(addr)
	if err == nil {
		return nil
	}
	if strings.Trim(addr, "0123456789") == "" && addr != "" {
		return fmt.Errorf("a port without its host: give --addr 127.0.0.1:%s (this machine only) or 0.0.0.0:%s (every interface)", addr, addr)
	}
	if u, uerr := url.Parse(addr); uerr == nil && u.Scheme != "" && u.Host != "" {
		return fmt.Errorf("a URL, not HOST:PORT: give --addr %s (a public URL goes in --base-url)", u.Host)
	}
	return fmt.Errorf("%w: %s", err, addrAdvice)
}

// Listen takes addr and starts serving on it (503 "starting" until Ready;
// each request answered so logged to accessLog, when not nil). An address
// it cannot take is an error that says what to do (listenError).
func Listen(addr string, accessLog *slog.Logger) (*Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, listenError(addr, err)
	}
	l := &Listener{ln: ln, served: make(chan error, 1)}
	l.starting.Log = accessLog
	l.hs = &http.Server{
		Handler:           &l.starting,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	go func() { l.served <- l.hs.Serve(ln) }()
	return l, nil
}

// listenError explains why addr could not be taken: an address that is
// not one of this machine's, or a port out of range or a host that does
// not resolve, is to be corrected; any other failure is taken for a busy
// port.
func listenError(addr string, err error) error {
	var bad *net.AddrError
	var dns *net.DNSError
	if errors.As(err, &bad) || errors.As(err, &dns) || errors.Is(err, syscall.EADDRNOTAVAIL) {
		return fmt.Errorf("cannot listen on %s: %w: %s", addr, err, addrAdvice)
	}
	return fmt.Errorf("cannot listen on %s: %w: another program (perhaps another guichet serve) uses it; stop it or give another --addr", addr, err)
}

// URL is the address a browser on this machine opens:
// "http://localhost:8080" for an unspecified host or the loopback address
// localhost names (127.0.0.1, ::1); another loopback address (127.0.0.2)
// as it is, since localhost does not reach it.
func (l *Listener) URL() string {
	a := l.ln.Addr().String()
	host, port, err := net.SplitHostPort(a)
	if err != nil {
		return "http://" + a
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() || ip.Equal(net.IPv4(127, 0, 0, 1)) || ip.Equal(net.IPv6loopback) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// AllInterfaces reports whether addr (a --addr value: "HOST:PORT" or
// ":PORT") listens on every interface (0.0.0.0, ::, no host): other
// machines reach such a server, by a name URL cannot know.
func AllInterfaces(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "" || ip != nil && ip.IsUnspecified()
}

// Ready hands every request from now on to h.
func (l *Listener) Ready(h http.Handler) { l.starting.Set(h) }

// Done receives the error that ended serving.
func (l *Listener) Done() <-chan error { return l.served }

// Shutdown stops taking requests and waits up to grace for those in flight.
func (l *Listener) Shutdown(grace time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := l.hs.Shutdown(ctx); err != nil {
		return fmt.Errorf("shut down HTTP server: %w", err)
	}
	return nil
}
