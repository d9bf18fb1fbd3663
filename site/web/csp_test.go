package web_test

import (
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"
)

// TestContentSecurityPolicy: every HTML page carries a policy that allows
// scripts from this origin only, no plugins, no <base>, and the page's own
// inline style by its hash (nothing else inline); and the other security
// headers.
func TestContentSecurityPolicy(t *testing.T) {
	e := newEnv(t)
	styles := regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	for _, path := range []string{"/", "/billing/", "/billing/refund", "/fr/billing/rembourser", "/search?q=refund", "/search?q=zzzz", "/faq", "/admin/", "/nope", "/widget/frame?color=%23ff0000", "/widget/demo"} {
		w := e.do(t, "GET", path, nil)
		if w.Code != 200 && w.Code != 404 {
			t.Fatalf("%s: %d", path, w.Code)
		}
		h := w.Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors "} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP %q allows inline code", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", path, h)
		}
		body := w.Body.String()
		for _, m := range styles.FindAllStringSubmatch(body, -1) {
			sum := sha256.Sum256([]byte(m[1]))
			if hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, hash) {
				t.Errorf("%s: inline style %q is not allowed by the CSP %q", path, m[1], csp)
			}
		}
		if regexp.MustCompile(`<script>|<script [^>]*>[^<]`).MatchString(strings.ReplaceAll(strings.ReplaceAll(body, `<script type="application/ld+json">`, ""), `<script type="application/json"`, "")) {
			t.Errorf("%s: inline script", path)
		}
		if strings.Contains(body, " style=") {
			t.Errorf("%s: a style attribute the CSP will block", path)
		}
	}
}
