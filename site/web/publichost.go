package web

import (
	"net"
	"net/url"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/labstack/echo/v4"
)

// publicHost warns the operator, once, when visitors reach the
// site under a name its links do not use: with neither base_url nor
// --base-url, canonical links, hreflang, the sitemap, feeds, e-mails and
// webhooks name the address the server listens on, which a reverse proxy
// in front of 127.0.0.1 hides from it. Only requests from a proxy count (a
// loopback address or --trusted-proxies); the host is the request's, or the
// X-Forwarded-Host the proxy sets. Loopback names (localhost, 127.0.0.1,
// ::1) are one host. One warning, for the first such host: whoever can
// send a request through the proxy chooses its X-Forwarded-Host, so the
// name is an example and the advice is the point.
func (s *Server) publicHost(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		st := s.state.Load()
		if s.hostWarned.Load() || st == nil || !st.view.Lib.Config.BaseURLGuessed {
			return next(c)
		}
		// Only requests through a proxy: the Host a client sends
		// straight to the server is its own business.
		r := c.Request()
		if !s.fromProxy(r.RemoteAddr) {
			return next(c)
		}
		host := r.Host
		if fwd := r.Header.Get("X-Forwarded-Host"); fwd != "" {
			host, _, _ = strings.Cut(fwd, ",")
		}
		base, err := url.Parse(st.view.Lib.Config.BaseURL)
		if err != nil || sameHost(hostName(host), base.Hostname()) {
			return next(c)
		}
		if s.hostWarned.CompareAndSwap(false, true) {
			s.opts.Logger.Warn("visitors reach this help center as "+strings.TrimSpace(host)+", but its canonical links, sitemap, feeds, e-mails and webhooks say "+st.view.Lib.Config.BaseURL+": set base_url in guichet.yaml or --base-url to its public URL",
				"host", strings.TrimSpace(host), "base_url", st.view.Lib.Config.BaseURL)
		}
		return next(c)
	}
}

// fromProxy says whether a request's peer is a reverse proxy: a loopback
// address or one of TrustedProxies.
func (s *Server) fromProxy(remote string) bool {
	h, _, err := net.SplitHostPort(remote)
	if err != nil {
		h = remote
	}
	ip := net.ParseIP(h)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	for _, n := range s.opts.TrustedProxies {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// hostName is the name of a Host header, without its port.
func hostName(host string) string {
	host = strings.TrimSpace(host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		return h
	}
	return strings.Trim(host, "[]")
}

// sameHost says whether two host names are one, loopback names alike.
func sameHost(a, b string) bool {
	return strings.EqualFold(a, b) || site.LoopbackHost(a) && site.LoopbackHost(b)
}
