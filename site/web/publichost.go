package web

import (
	"net"
	"net/url"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
)

// maxHostWarnings bounds the hosts publicHost warns about, whatever
// clients put in their Host headers.
const maxHostWarnings = 5

// hostWarnings remembers the hosts already warned about.
type hostWarnings struct {
	mu   sync.Mutex
	seen map[string]bool
}

// publicHost warns the operator, once per host, when visitors reach the
// site under a name its links do not use: with neither base_url nor
// --base-url, canonical links, hreflang, the sitemap, feeds, e-mails and
// webhooks name the address the server listens on, which a reverse proxy
// in front of 127.0.0.1 hides from it. The host is the request's, or the
// X-Forwarded-Host a proxy sets. Loopback names (localhost, 127.0.0.1,
// ::1) are one host.
func (s *Server) publicHost(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		st := s.state.Load()
		if st == nil || !st.view.Lib.Config.BaseURLGuessed {
			return next(c)
		}
		r := c.Request()
		host := r.Host
		if fwd := r.Header.Get("X-Forwarded-Host"); fwd != "" {
			host, _, _ = strings.Cut(fwd, ",")
		}
		base, err := url.Parse(st.view.Lib.Config.BaseURL)
		if err != nil || sameHost(hostName(host), base.Hostname()) {
			return next(c)
		}
		s.hosts.mu.Lock()
		warn := !s.hosts.seen[host] && len(s.hosts.seen) < maxHostWarnings
		if warn {
			if s.hosts.seen == nil {
				s.hosts.seen = map[string]bool{}
			}
			s.hosts.seen[host] = true
		}
		s.hosts.mu.Unlock()
		if warn {
			s.opts.Logger.Warn("visitors reach this help center as "+strings.TrimSpace(host)+", but its canonical links, sitemap, feeds, e-mails and webhooks say "+st.view.Lib.Config.BaseURL+": set base_url in guichet.yaml or --base-url to its public URL",
				"host", strings.TrimSpace(host), "base_url", st.view.Lib.Config.BaseURL)
		}
		return next(c)
	}
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
	return strings.EqualFold(a, b) || loopbackName(a) && loopbackName(b)
}

func loopbackName(h string) bool {
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
