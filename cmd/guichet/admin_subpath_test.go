package main

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestAdminUnderSubPath: with base_url https://example.com/help/ (a proxy
// stripping /help), the admin's sign-in sends the browser to
// /help/admin/ with a session cookie for that path; the cookie was set
// for /admin/, which the browser, at /help/admin/, never sends back:
// signed in, then at once the sign-in form again.
func TestAdminUnderSubPath(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: https://example.com/help/\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	m := openMain(t, dir, false)
	token, _, err := m.DB.CreateToken(context.Background(), site.ScopeAdmin, "lead")
	if err != nil {
		t.Fatal(err)
	}
	w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(token))
	cookie := w.Header().Get("Set-Cookie")
	if w.Code != 303 || w.Header().Get("Location") != "/help/admin/" || !strings.Contains(cookie, "Path=/help/admin/") {
		t.Errorf("sign-in: %d to %q, cookie %q; want /help/admin/ and a cookie for that path", w.Code, w.Header().Get("Location"), cookie)
	}
}
