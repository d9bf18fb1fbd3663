package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
)

// bearer extracts the token of an Authorization: Bearer header.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// authenticate checks a token of scope for the client, counting failures
// against the client's authentication limit: a locked-out client gets
// ERATE whatever it sends. A wrong token is EUNAUTHORIZED; a store failure
// is returned as is (never EUNAUTHORIZED).
func (s *Server) authenticate(c echo.Context, secret, scope string) (string, error) {
	key := client(c)
	if d := s.limiter.auth.lockedFor(key); d > 0 {
		s.limiter.metrics.limited.WithLabelValues("auth").Inc()
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(d.Seconds()+0.999)))
		return "", site.Errorf(site.ERATE, "too many failed attempts; try again in a minute")
	}
	if s.opts.Auth == nil {
		return "", site.Errorf(site.ENOTFOUND, "authentication is not available")
	}
	id, err := s.opts.Auth.Authenticate(c.Request().Context(), secret, scope)
	if site.ErrorCode(err) == site.EUNAUTHORIZED {
		s.limiter.auth.fail(key)
		s.limiter.metrics.authFailures.Inc()
	}
	return id, err
}

// requireToken checks the request's bearer token for scope (see
// authenticate); a missing or wrong one answers 401 with a
// WWW-Authenticate challenge and no hint of which tokens exist.
func (s *Server) requireToken(c echo.Context, scope string) error {
	return s.requireSecret(c, bearer(c.Request()), scope)
}

// requireSecret is requireToken for a token the request carries elsewhere
// than in its Authorization header.
func (s *Server) requireSecret(c echo.Context, secret, scope string) error {
	_, err := s.authenticate(c, secret, scope)
	if site.ErrorCode(err) == site.EUNAUTHORIZED {
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="guichet"`)
		return site.Errorf(site.EUNAUTHORIZED, "a valid %s token is required", scope)
	}
	return err
}

// sameSite refuses a form posted from another site (cross-site request
// forgery): the browser's Origin header, when sent, must be this server's
// own (sameOrigin, as for the JSON posts), and Sec-Fetch-Site must not say
// cross-site. Requests without either (old browsers, scripts) pass; the
// forms that change state also carry a token (checkForm).
func (s *Server) sameSite(c echo.Context) error {
	r := c.Request()
	if o := r.Header.Get("Origin"); o != "" && !s.sameOrigin(c, strings.ToLower(o)) {
		return site.Errorf(site.EFORBIDDEN, "cross-site request refused")
	}
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return site.Errorf(site.EFORBIDDEN, "cross-site request refused")
	}
	return nil
}

// sameOrigin reports whether origin is this server's own (the Host the
// request came to, or the configured base URL).
func (s *Server) sameOrigin(c echo.Context, origin string) bool {
	if u, err := url.Parse(origin); err == nil && strings.EqualFold(u.Host, c.Request().Host) {
		return true
	}
	if st := s.state.Load(); st != nil {
		if base, err := site.NormalizeOrigin(originOf(st.view.Lib.Config.BaseURL)); err == nil && base == origin {
			return true
		}
	}
	return false
}

// originOf cuts a URL down to scheme://host[:port].
func originOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
