package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/web/webtest"
)

// adminErrorPage checks that w is an admin error page: the status, the
// admin layout (no public search box or "Still need help"), and heading
// as its title and h1.
func adminErrorPage(t *testing.T, w *httptest.ResponseRecorder, status int, heading, text string) {
	t.Helper()
	body := w.Body.String()
	if w.Code != status {
		t.Fatalf("status %d, want %d: %.400s", w.Code, status, body)
	}
	doc := webtest.Parse(t, body)
	if doc.Count("body.admin-body") == 0 || doc.Count(".search-form") != 0 || strings.Contains(body, "Still need help") {
		t.Errorf("%d: not the admin layout: %.1500s", status, body)
	}
	if !strings.Contains(body, "<title>"+heading+" – ") || !regexp.MustCompile(`<h1[^>]*>`+regexp.QuoteMeta(heading)+`</h1>`).MatchString(body) {
		t.Errorf("%d: title and heading are not %q: %.1500s", status, heading, body)
	}
	if strings.Contains(body, "Bad request") && status != 400 {
		t.Errorf("%d titled Bad request", status)
	}
	if !strings.Contains(body, text) || !strings.Contains(body, `href="/admin/`) {
		t.Errorf("%d: no %q or no way back to the admin page: %.1500s", status, text, body)
	}
}

// TestAdminErrorPages: an admin form naming a gap that no longer exists is
// a 404 titled as one, in the site's default language (French here, the
// admin layout being English, marked lang="fr"), on the admin layout; an
// admin address that does not exist, and a bad period, likewise.
func TestAdminErrorPages(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Aide\ndefault_locale: fr\nlocales: [fr, en]\ncontact_url: https://acme.test/contact\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Remboursements\n---\nL'argent revient en cinq jours.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "test")
	if err != nil {
		t.Fatal(err)
	}
	lw := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(lw.Header().Get("Set-Cookie"), ";")[0]
	page := mustGet(t, m, "/admin/", "Cookie", session)
	csrf := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if csrf == nil {
		t.Fatal("no form token")
	}
	form := url.Values{"csrf": {csrf[1]}, "gap": {"0123456789abcdef"}, "status": {"ignored"}, "back": {"since=7d"}}
	w := serve(m, "POST", "/admin/triage", form.Encode(), "Cookie", session)
	adminErrorPage(t, w, 404, "Introuvable", "0123456789abcdef")
	if !strings.Contains(w.Body.String(), `<h1 lang="fr">Introuvable</h1>`) || !strings.Contains(w.Body.String(), `href="/admin/?since=7d"`) {
		t.Errorf("404 heading not marked French, or not back to the period: %.1500s", w.Body)
	}
	adminErrorPage(t, serve(m, "GET", "/admin/nothing-here", "", "Cookie", session), 404, "Introuvable", "")
	adminErrorPage(t, serve(m, "GET", "/admin/?since=soon", "", "Cookie", session), 400, "Requête invalide", "since")
	// A form posted after the session ended.
	adminErrorPage(t, serve(m, "POST", "/admin/triage", form.Encode()), 401, "Connexion requise", "")
}

// TestAdminContentErrorsOfflineFirst: the admin page lists the first 50
// content errors; an article whose front matter keeps it offline is listed
// among them even behind 60 files with a broken link each, which come
// first in file order.
func TestAdminContentErrorsOfflineFirst(t *testing.T) {
	dir := t.TempDir()
	for i := range 60 {
		writeFile(t, dir, fmt.Sprintf("a/note-%02d.md", i), fmt.Sprintf("---\ntitle: Note %d\n---\nSee [the guide](/nowhere/guide-%d).\n", i, i))
	}
	writeFile(t, dir, "z/offline.md", "---\ntitle: [unclosed\n---\nText.\n")
	m := openMain(t, dir, false)
	admin, _, err := m.DB.CreateToken(context.Background(), site.ScopeAdmin, "test")
	if err != nil {
		t.Fatal(err)
	}
	lw := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(lw.Header().Get("Set-Cookie"), ";")[0]
	page := mustGet(t, m, "/admin/", "Cookie", session)
	if !strings.Contains(page, "Content errors <span class=\"meta\">(61)</span>") {
		t.Errorf("content errors not counted 61")
	}
	if !strings.Contains(page, "<code>z/offline.md:2") {
		t.Errorf("the offline article's error is not listed among the first 50")
	}
}

// TestAdminDatabaseDown: with PostgreSQL unreachable, the admin sign-in
// says what is down on the admin layout (the message the API gives a
// script), not only "Please try again in a moment".
func TestAdminDatabaseDown(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	m := &Main{Config: testConfig(dir, t.TempDir(), func(c *Config) { c.Database = dsn }), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	m.Publisher.Wait()
	admin, _, err := m.DB.CreateToken(context.Background(), site.ScopeAdmin, "test")
	if err != nil {
		t.Fatal(err)
	}
	// PostgreSQL stops (the shared server, as TestReplicas… stops it).
	pg := pgtest.Need(t)
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := pg.Start(); err != nil {
			t.Fatal(err)
		}
	}()
	adminErrorPage(t, serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin)), 503, "Something went wrong", "database cannot be reached")
}

// TestOldErrorTemplate: a theme's error.html copied from the default theme
// before admin errors moved to the admin layout (it shows .Back) still
// renders the site's error pages.
func TestOldErrorTemplate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	old, err := os.ReadFile("testdata/error-before-admin-layout.html")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "theme/templates/error.html", string(old))
	m := openMain(t, dir, false)
	if w := serve(m, "GET", "/billing/nothing-here", ""); w.Code != 404 || !strings.Contains(w.Body.String(), "Page not found") {
		t.Errorf("404 with an older error.html: %d %.500s", w.Code, w.Body)
	}
}

// TestOldAdminTemplate: a theme's admin.html written before admin errors
// had the admin layout (no .Failure) does not swallow them into its
// sign-in form: they are shown by error.html, titled by their status, with
// the link back.
func TestOldAdminTemplate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	old, err := os.ReadFile("testdata/admin-before-failure.html")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "theme/templates/admin.html", string(old))
	m := openMain(t, dir, false)
	w := serve(m, "GET", "/admin/nothing-here", "")
	if body := w.Body.String(); w.Code != 404 || !strings.Contains(body, "<h1>Not found</h1>") || !strings.Contains(body, `href="/admin/"`) || strings.Contains(body, `name="token"`) {
		t.Errorf("admin 404 with an older admin.html: %d %.3000s", w.Code, body)
	}
}

// TestAdminSignInSaysWhichToken: a newcomer who created the token in
// another data folder than the server's (go run from the repository while
// the server runs with --data elsewhere), or pasted a publish token, was
// told only "This token is not valid." and the hint named no data folder.
// The page now says what token it takes and where to create it, without
// telling which tokens exist.
func TestAdminSignInSaysWhichToken(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	m := openMain(t, dir, false)
	publish, _, err := m.DB.CreateToken(context.Background(), "publish", "webhook")
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range []string{publish, "gch_from_another_data_folder"} {
		w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(tok))
		body := w.Body.String()
		if w.Code != 401 || strings.Contains(body, "publish") {
			t.Errorf("sign-in with %.8s…: %d, tells the scope of the token", tok, w.Code)
		}
		for _, want := range []string{"takes a token of scope admin", "--data (or --database) this server runs with", "guichet token create --scope admin --data DIR"} {
			if !strings.Contains(body, want) {
				t.Errorf("sign-in with %.8s…: page lacks %q", tok, want)
			}
		}
	}
}
