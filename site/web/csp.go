package web

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"strings"

	"github.com/labstack/echo/v4"
)

// brandCSS is the inline style that sets the brand colour, a valid hex
// colour (site.ValidColor).
func brandCSS(color string) template.CSS {
	return template.CSS(":root{--brand:" + color + "}") //nolint:gosec // a validated hex colour
}

// contentSecurityPolicy is the policy of every HTML response: scripts from
// this origin only (no inline script, no eval), no plugins, no <base>,
// forms posting here only, styles from this origin plus the page's one
// inline style allowed by its hash, images also from data: and https:
// (articles may show images hosted elsewhere) and the origins of images,
// and framing limited to ancestors.
func contentSecurityPolicy(inlineStyle template.CSS, ancestors string, images ...string) string {
	style := "'self'"
	if inlineStyle != "" {
		sum := sha256.Sum256([]byte(inlineStyle))
		style += " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'",
		"style-src " + style,
		strings.Join(append(append([]string{"img-src 'self'"}, images...), "data:", "https:"), " "),
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors " + ancestors,
	}, "; ")
}

// securityHeaders sets the headers every response carries: the site's
// Content-Security-Policy (handlers that serve something else, like the
// widget's frame or content files, replace it), no MIME sniffing, a
// referrer policy, and noindex for what only people and apps use.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		csp := contentSecurityPolicy("", "'self'")
		if st := s.state.Load(); st != nil {
			csp = st.csp
		}
		h.Set("Content-Security-Policy", csp)
		if p := c.Request().URL.Path; strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/admin") || strings.HasPrefix(p, "/widget") {
			h.Set("X-Robots-Tag", "noindex")
		}
		return next(c)
	}
}
