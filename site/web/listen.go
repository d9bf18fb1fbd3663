package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Starting is the handler of a server whose content is still loading: it
// answers 503 with Retry-After (JSON for /readyz and the API, a line of
// text otherwise) until Set gives it the real handler, then hands every
// request to it; /healthz, the liveness probe, answers 200
// {"status":"loading"}: the process is alive, and a probe must not kill
// a long first start. It lets the listen address be taken before the
// content loads; /metrics, when Metrics is set, serves it to loopback and
// private networks as the server does, guichet_content_loading at 1, so
// that a scrape during a long start sees the process rather than a 503.
// Each request it answers gets the access log's line (Log), as the
// server's do.
type Starting struct {
	h atomic.Pointer[http.Handler]
	// Log is the access log, nil for none.
	Log *slog.Logger
	// Metrics serves /metrics, nil for 503.
	Metrics http.Handler
	loading prometheus.Gauge
}

// Set gives the handler every request goes to from now on.
func (s *Starting) Set(h http.Handler) {
	s.h.Store(&h)
	if s.loading != nil {
		s.loading.Set(0)
	}
}

// privateClient reports whether r comes from loopback or a private
// network, directly or through proxies there: X-Forwarded-For is not
// weighed against --trusted-proxies before the server is built, so any
// public address in it refuses.
func privateClient(r *http.Request) bool {
	private := func(a string) bool {
		ip := net.ParseIP(strings.TrimSpace(a))
		return ip != nil && (ip.IsLoopback() || ip.IsPrivate())
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	if !private(host) {
		return false
	}
	for _, v := range r.Header.Values("X-Forwarded-For") {
		for _, a := range strings.Split(v, ",") {
			if strings.TrimSpace(a) != "" && !private(a) {
				return false
			}
		}
	}
	return true
}

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
	case r.URL.Path == "/metrics" && s.Metrics != nil && privateClient(r):
		w.Header().Del("Cache-Control")
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		s.Metrics.ServeHTTP(rec, r)
		accessLine(s.Log, r, "/metrics", rec.status, rec.bytes, time.Since(start))
		return
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
	// Metrics is the process's registry, with the Go runtime's and the
	// process's collectors and guichet_content_loading (1 until Ready):
	// /metrics serves it from the start, and the server registers on it.
	Metrics *prometheus.Registry
}

// NewRegistry returns a Prometheus registry with the Go runtime's and
// the process's collectors (go_*, process_*).
func NewRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// statusRecorder remembers the status and the bytes a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// addrAdvice is how to write --addr, told with every address refused.
const addrAdvice = "give --addr as HOST:PORT, an address of this machine (or 0.0.0.0 for all) and a port from 1 to 65535"

// CheckAddr returns nil when addr has the HOST:PORT shape Listen takes,
// its port a number from 0 (any free port) to 65535, else an error that
// says what to write: a port alone (8081) is told with the two addresses
// it may stand for, a URL (http://localhost:8081) with its HOST:PORT and
// where a public URL goes (--base-url), a service's name (:http) with its
// number: the banner, the README's commands and the container's health
// check read the port as a number.
func CheckAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err == nil {
		return checkPort(host, port)
	}
	if strings.Trim(addr, "0123456789") == "" && addr != "" {
		return fmt.Errorf("a port without its host: give --addr 127.0.0.1:%s (this machine only) or 0.0.0.0:%s (every interface)", addr, addr)
	}
	if u, uerr := url.Parse(addr); uerr == nil && u.Scheme != "" && u.Host != "" {
		return fmt.Errorf("a URL, not HOST:PORT: give --addr %s (a public URL goes in --base-url)", u.Host)
	}
	return fmt.Errorf("%w: %s", err, addrAdvice)
}

// checkPort checks the port of a --addr HOST:PORT.
func checkPort(host, port string) error {
	if port != "" && strings.Trim(port, "0123456789") == "" {
		if n, err := strconv.Atoi(port); err == nil && n <= 65535 {
			return nil
		}
		return fmt.Errorf("port %s is beyond 65535: %s", port, addrAdvice)
	}
	if n, err := net.LookupPort("tcp", port); err == nil && strings.Trim(port, "0123456789+-") != "" {
		return fmt.Errorf("a service name, not a port number: give --addr %s", net.JoinHostPort(host, strconv.Itoa(n)))
	}
	return fmt.Errorf("port %q is not a number: %s", port, addrAdvice)
}

// Listen takes addr and starts serving on it (503 "starting" until Ready;
// each request answered so logged to accessLog, when not nil). An address
// it cannot take is an error that says what to do (listenError).
func Listen(addr string, accessLog *slog.Logger) (*Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, listenError(addr, err)
	}
	l := &Listener{ln: ln, served: make(chan error, 1), Metrics: NewRegistry()}
	l.starting.Log = accessLog
	l.starting.loading = prometheus.NewGauge(prometheus.GaugeOpts{Name: "guichet_content_loading",
		Help: "1 while the first content loads (pages answer 503, /readyz too), 0 once it is served."})
	l.starting.loading.Set(1)
	l.Metrics.MustRegister(l.starting.loading)
	l.starting.Metrics = promhttp.HandlerFor(l.Metrics, promhttp.HandlerOpts{})
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
