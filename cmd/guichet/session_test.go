package main

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// signIn posts an admin token to the sign-in form and returns the session
// cookie ("name=value").
func signIn(t *testing.T, m *Main, token string) string {
	t.Helper()
	w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(token))
	cookie := w.Header().Get("Set-Cookie")
	if w.Code != 303 || cookie == "" {
		t.Fatalf("sign-in: %d %q", w.Code, cookie)
	}
	return strings.Split(cookie, ";")[0]
}

// signedIn reports whether the admin page shows the insights (not the
// sign-in form) for cookie.
func signedIn(t *testing.T, m *Main, cookie string) bool {
	t.Helper()
	w := serve(m, "GET", "/admin/", "", "Cookie", cookie)
	if w.Code != 200 {
		t.Fatalf("admin page: %d", w.Code)
	}
	return !strings.Contains(w.Body.String(), `name="token"`)
}

// TestSessionsEnd checks that an admin session is kept on the server: sign-
// out ends it, revoking its token (from the command line, another process
// on the same database) ends it at once, and a copy of the database is not
// enough to make a working cookie.
func TestSessionsEnd(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	token, tok, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "lead")
	if err != nil {
		t.Fatal(err)
	}

	// Sign-out ends the session: replaying the old cookie signs nobody in.
	first := signIn(t, m, token)
	if !signedIn(t, m, first) {
		t.Fatal("fresh session not signed in")
	}
	page := mustGet(t, m, "/admin/", "Cookie", first)
	csrf := page[strings.Index(page, `name="csrf" value="`)+len(`name="csrf" value="`):]
	csrf = csrf[:strings.IndexByte(csrf, '"')]
	if w := serve(m, "POST", "/admin/logout", "csrf="+csrf, "Cookie", first); w.Code != 303 {
		t.Fatalf("sign-out: %d", w.Code)
	}
	if signedIn(t, m, first) {
		t.Error("the cookie still signs in after sign-out")
	}

	// A copy of the database holds no usable secret: neither the stored
	// session hash nor anything else in it works as a cookie.
	second := signIn(t, m, token)
	stolen := filepath.Join(t.TempDir(), "stolen.db")
	if err := m.DB.Backup(ctx, stolen); err != nil {
		t.Fatal(err)
	}
	copyDB, err := sql.Open("sqlite", stolen)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	var candidates []string
	for _, q := range []string{`SELECT hash FROM admin_sessions`, `SELECT hash FROM tokens`, `SELECT hex(value) FROM secrets`, `SELECT lower(hex(value)) FROM secrets`} {
		rows, err := copyDB.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v string
			rows.Scan(&v)
			candidates = append(candidates, v)
		}
		rows.Close()
	}
	if len(candidates) < 2 {
		t.Fatalf("stolen copy holds %d values", len(candidates))
	}
	raw, _ := os.ReadFile(stolen)
	if strings.Contains(string(raw), strings.TrimPrefix(second, "guichet_admin=")) {
		t.Fatal("the session secret is in the database file")
	}
	for _, v := range candidates {
		if signedIn(t, m, "guichet_admin="+v) {
			t.Errorf("a value read from the database (%s…) signs in", v[:8])
		}
	}
	if !signedIn(t, m, second) {
		t.Fatal("the real session stopped working")
	}

	// Revoking the token from the command line ends its sessions at once.
	var out, errb strings.Builder
	if code := run(ctx, []string{"token", "revoke", tok.ID, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("token revoke: %s", errb.String())
	}
	if signedIn(t, m, second) {
		t.Error("the session outlived the revocation of its token")
	}
	if w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(token)); w.Code != 401 {
		t.Errorf("sign-in with a revoked token: %d", w.Code)
	}
}
