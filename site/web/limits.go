package web

import (
	"net"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"

	"github.com/guichet/guichet/site"
)

// Limits is the one per-client policy of the public endpoints. A client is
// a real client address (behind a trusted proxy, the one it forwards), IPv6
// addresses grouped by /64, since one subscriber holds a whole /64.
type Limits struct {
	// RecordRate and RecordBurst are the recording budget: how many
	// searches, suggestions, search pages, events, votes, contact requests
	// and subscriptions a client may have recorded per second (token
	// bucket). Searches beyond it are still answered but not recorded;
	// event posts beyond it get 429. Defaults 10 and 30.
	RecordRate  float64
	RecordBurst int
	// RequestRate and RequestBurst are the protection limit: any request
	// beyond it gets 429. Defaults 50 and 100.
	RequestRate  float64
	RequestBurst int
	// AuthFailures failed authentications (bearer tokens and admin
	// sign-in) within AuthWindow lock the client out of authenticating
	// for AuthWindow: 429 even with a good token. Visitor traffic never
	// counts toward it. Defaults 10 and one minute.
	AuthFailures int
	AuthWindow   time.Duration
}

func (l Limits) withDefaults() Limits {
	if l.RecordRate <= 0 {
		l.RecordRate = 10
	}
	if l.RecordBurst <= 0 {
		l.RecordBurst = 30
	}
	if l.RequestRate <= 0 {
		l.RequestRate = 50
	}
	if l.RequestBurst <= 0 {
		l.RequestBurst = 100
	}
	if l.AuthFailures <= 0 {
		l.AuthFailures = 10
	}
	if l.AuthWindow <= 0 {
		l.AuthWindow = time.Minute
	}
	return l
}

// clientKey is the identity the limits and the visitor count use: the IPv4
// address, or the /64 of an IPv6 address. An address that cannot be parsed
// stands for itself.
func clientKey(ip string) string {
	a := net.ParseIP(ip)
	if a == nil {
		return ip
	}
	if v4 := a.To4(); v4 != nil {
		return v4.String()
	}
	return a.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// client returns the client key of a request.
func client(c echo.Context) string { return clientKey(c.RealIP()) }

// buckets holds one token bucket per client and forgets the clients idle
// for longer than a full bucket takes to refill, so memory follows the
// number of active clients.
type buckets struct {
	rate  rate.Limit
	burst int
	idle  time.Duration
	now   func() time.Time

	mu    sync.Mutex
	m     map[string]*bucket
	swept time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newBuckets(perSecond float64, burst int, now func() time.Time) *buckets {
	idle := time.Duration(float64(burst)/perSecond*float64(time.Second)) + time.Minute
	return &buckets{rate: rate.Limit(perSecond), burst: burst, idle: idle, now: now, m: map[string]*bucket{}}
}

// allow takes one token from key's bucket and reports whether there was one.
func (b *buckets) allow(key string) bool {
	now := b.now()
	b.mu.Lock()
	defer b.mu.Unlock()
	if now.Sub(b.swept) > b.idle {
		for k, v := range b.m {
			if now.Sub(v.seen) > b.idle {
				delete(b.m, k)
			}
		}
		b.swept = now
	}
	e := b.m[key]
	if e == nil {
		e = &bucket{lim: rate.NewLimiter(b.rate, b.burst)}
		b.m[key] = e
	}
	e.seen = now
	return e.lim.AllowN(now, 1)
}

// authGuard counts failed authentications per client and locks a client
// out after too many.
type authGuard struct {
	max    int
	window time.Duration
	now    func() time.Time

	mu sync.Mutex
	m  map[string]*authRecord
}

type authRecord struct {
	fails  []time.Time // within the window, oldest first
	locked time.Time   // locked out until then
}

func newAuthGuard(max int, window time.Duration, now func() time.Time) *authGuard {
	return &authGuard{max: max, window: window, now: now, m: map[string]*authRecord{}}
}

// lockedFor returns how long key is still locked out, 0 when it may try.
func (g *authGuard) lockedFor(key string) time.Duration {
	now := g.now()
	g.mu.Lock()
	defer g.mu.Unlock()
	r := g.m[key]
	if r == nil || !now.Before(r.locked) {
		return 0
	}
	return r.locked.Sub(now)
}

// fail records a failed attempt by key and locks it out when it is the
// max-th within the window.
func (g *authGuard) fail(key string) {
	now := g.now()
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.m) > 10000 {
		for k, r := range g.m {
			if now.Sub(r.last()) > g.window && !now.Before(r.locked) {
				delete(g.m, k)
			}
		}
	}
	r := g.m[key]
	if r == nil {
		r = &authRecord{}
		g.m[key] = r
	}
	keep := r.fails[:0]
	for _, t := range r.fails {
		if now.Sub(t) < g.window {
			keep = append(keep, t)
		}
	}
	r.fails = append(keep, now)
	if len(r.fails) >= g.max {
		r.locked = now.Add(g.window)
		r.fails = r.fails[:0]
	}
}

func (r *authRecord) last() time.Time {
	if len(r.fails) == 0 {
		return r.locked
	}
	return r.fails[len(r.fails)-1]
}

// limiter applies Limits to requests.
type limiter struct {
	limits  Limits
	record  *buckets
	request *buckets
	auth    *authGuard
	metrics *metrics
}

func newLimiter(l Limits, now func() time.Time, m *metrics) *limiter {
	l = l.withDefaults()
	return &limiter{
		limits:  l,
		record:  newBuckets(l.RecordRate, l.RecordBurst, now),
		request: newBuckets(l.RequestRate, l.RequestBurst, now),
		auth:    newAuthGuard(l.AuthFailures, l.AuthWindow, now),
		metrics: m,
	}
}

// protect answers 429 to a client beyond the protection limit. Operators'
// endpoints (health and metrics) are not limited.
func (s *Server) protect(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		switch c.Request().URL.Path {
		case "/healthz", "/readyz", "/metrics":
			return next(c)
		}
		if !s.limiter.request.allow(client(c)) {
			s.limiter.metrics.limited.WithLabelValues("request").Inc()
			c.Response().Header().Set("Retry-After", "1")
			return site.Errorf(site.ERATE, "too many requests, slow down")
		}
		return next(c)
	}
}

// mayRecord takes one unit of the client's recording budget and reports
// whether what it sent may be stored.
func (s *Server) mayRecord(c echo.Context) bool {
	if s.limiter.record.allow(client(c)) {
		return true
	}
	s.limiter.metrics.limited.WithLabelValues("record").Inc()
	return false
}
