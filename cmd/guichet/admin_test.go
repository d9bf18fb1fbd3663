package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestAdminAndInsightsAPI signs in to /admin/ with a token, reads the
// insights, triages a gap, and checks the API's bearer authentication.
func TestAdminAndInsightsAPI(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	no := false
	for _, v := range []string{"v1", "v2"} {
		m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "<script>alert(1)</script> invoice", Locale: "en", Source: "site", Visitor: v, Time: time.Now()})
	}
	m.Recorder.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "billing/refund", Locale: "en", Helpful: &no, Reason: "inaccurate", Comment: "<b>fee</b> is wrong"})
	m.Recorder.Flush(ctx)
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "test")
	if err != nil {
		t.Fatal(err)
	}
	tickets, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	do := func(method, target, body string, hdr ...string) *httptest.ResponseRecorder {
		return serve(m, method, target, body, hdr...)
	}

	// The API wants an admin bearer token and says nothing more.
	for _, auth := range []string{"", "Bearer nope", "Bearer " + tickets} {
		w := do("GET", "/api/v1/insights/gaps", "", "Authorization", auth)
		if w.Code != 401 || !strings.Contains(w.Body.String(), `"code":"unauthorized"`) || strings.Contains(w.Body.String(), "tickets") {
			t.Errorf("auth %q: %d %s", auth, w.Code, w.Body)
		}
	}
	w := do("GET", "/api/v1/insights/gaps?since=7d", "", "Authorization", "Bearer "+admin)
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"query":"\u003cscript\u003ealert(1)\u003c/script\u003e invoice"`) {
		t.Fatalf("gaps API: %d %s", w.Code, w.Body)
	}
	if w := do("GET", "/api/v1/insights/gaps?since=soon", "", "Authorization", "Bearer "+admin); w.Code != 400 {
		t.Errorf("bad since: %d", w.Code)
	}
	if w := do("GET", "/api/v1/insights/gaps?since=7d&until=tomorrow", "", "Authorization", "Bearer "+admin); w.Code != 400 || !strings.Contains(w.Body.String(), "until") {
		t.Errorf("bad until: %d %s", w.Code, w.Body)
	}
	// all (ignored gaps too) is a boolean: 1 or true; anything else is a 400
	// naming it rather than silently false.
	for q, want := range map[string]int{"all=true": 200, "all=1": 200, "all=0": 200, "all=yes": 400, "all=%ff": 400} {
		if w := do("GET", "/api/v1/insights/gaps?"+q, "", "Authorization", "Bearer "+admin); w.Code != want || (want == 400 && !strings.Contains(w.Body.String(), `"all must be`)) {
			t.Errorf("gaps?%s: %d %s, want %d", q, w.Code, w.Body, want)
		}
	}
	// A period that ended before the searches were made lists none of them.
	if w := do("GET", "/api/v1/insights/gaps?since=2020-01-01&until=2020-01-31", "", "Authorization", "Bearer "+admin); w.Code != 200 || strings.Contains(w.Body.String(), "invoice") {
		t.Errorf("gaps of January 2020: %d %s", w.Code, w.Body)
	}

	// The admin page: sign-in form, then a secure session cookie.
	if w := do("GET", "/admin/", ""); w.Code != 200 || !strings.Contains(w.Body.String(), `name="token"`) || !strings.Contains(w.Body.String(), "noindex") {
		t.Fatalf("sign-in page: %d", w.Code)
	}
	if w := do("POST", "/admin/login", "token=wrong"); w.Code != 401 || w.Header().Get("Set-Cookie") != "" {
		t.Errorf("wrong token: %d, cookie %q", w.Code, w.Header().Get("Set-Cookie"))
	}
	w = do("POST", "/admin/login", "token="+url.QueryEscape(admin))
	cookie := w.Header().Get("Set-Cookie")
	if w.Code != 303 || !strings.Contains(cookie, "Secure") || !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Strict") {
		t.Fatalf("login: %d, cookie %q", w.Code, cookie)
	}
	session := strings.Split(cookie, ";")[0]
	w = do("GET", "/admin/", "", "Cookie", session)
	page := w.Body.String()
	if w.Code != 200 || strings.Contains(page, "<script>alert(1)") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt; invoice") {
		t.Fatalf("admin page: %d, query not escaped or missing", w.Code)
	}
	if strings.Contains(page, "<b>fee</b>") || !strings.Contains(page, "&lt;b&gt;fee&lt;/b&gt; is wrong") || !strings.Contains(page, "billing/refund.md") || !strings.Contains(page, "inaccurate: 1") {
		t.Error("not-helpful section missing, unescaped, or without the source file")
	}
	csrf := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	gap := regexp.MustCompile(`name="gap" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if csrf == nil || gap == nil {
		t.Fatal("no triage form")
	}
	form := url.Values{"gap": {gap[1]}, "status": {"product_fix"}, "note": {"invoice page broken"}}
	if w := do("POST", "/admin/triage", form.Encode(), "Cookie", session); w.Code != 403 {
		t.Errorf("triage without CSRF token: %d", w.Code)
	}
	form.Set("csrf", csrf[1])
	if w := do("POST", "/admin/triage", form.Encode(), "Cookie", session, "Origin", "https://evil.example"); w.Code != 403 {
		t.Errorf("cross-site triage: %d", w.Code)
	}
	if w := do("POST", "/admin/triage", form.Encode()); w.Code != 401 {
		t.Errorf("triage without session: %d", w.Code)
	}
	// A form over 16 KiB (a note pasted whole) is a 413 saying so, not a
	// 403 telling the team the form expired.
	long := url.Values{"csrf": {csrf[1]}, "gap": {gap[1]}, "status": {"product_fix"}, "note": {strings.Repeat("n", 17000)}}
	// Admin forms work without JavaScript: their errors are pages, not JSON.
	if w := do("POST", "/admin/triage", long.Encode(), "Cookie", session); w.Code != 413 || !strings.Contains(w.Body.String(), "larger than") || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Errorf("triage with a 17 KB note: %d %s", w.Code, w.Body)
	}
	// A note at its limit of 1,000 characters (the input's maxlength) is
	// taken in any script: 9 bytes a character once percent-encoded in
	// Japanese, 12 in emoji.
	for _, ch := range []string{"界", "🙂"} {
		full := url.Values{"csrf": {csrf[1]}, "gap": {gap[1]}, "status": {"product_fix"}, "back": {"since=30d&locale=fr"}, "note": {strings.Repeat(ch, 1000)}}
		if w := do("POST", "/admin/triage", full.Encode(), "Cookie", session); w.Code != http.StatusSeeOther {
			t.Errorf("triage with a note of 1,000 %q: %d", ch, w.Code)
		}
	}
	if w := do("POST", "/admin/triage", form.Encode(), "Cookie", session); w.Code != 303 {
		t.Fatalf("triage: %d %s", w.Code, w.Body)
	}
	dec, _ := m.DB.Decisions(ctx)
	if len(dec) != 1 || dec[0].ID != gap[1] || dec[0].Status != "product_fix" || dec[0].Note != "invoice page broken" {
		t.Errorf("decisions %+v", dec)
	}
	if w := do("GET", "/admin/", "", "Cookie", session+"x"); !strings.Contains(w.Body.String(), `name="token"`) {
		t.Error("a tampered session cookie was accepted")
	}
	if w := do("POST", "/admin/logout", "csrf="+csrf[1], "Cookie", session); w.Code != http.StatusSeeOther || !strings.Contains(w.Header().Get("Set-Cookie"), "Max-Age=0") {
		t.Errorf("logout: %d %q", w.Code, w.Header().Get("Set-Cookie"))
	}
}

func TestTokenCommands(t *testing.T) {
	data := t.TempDir()
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"token", "create", "--scope", "admin", "--name", "ops", "--data", data}, &out, &errb); code != 0 {
		t.Fatalf("create: %s", errb.String())
	}
	secret := strings.TrimSpace(out.String())
	if !strings.HasPrefix(secret, "gch_") || !strings.Contains(errb.String(), "cannot be shown again") {
		t.Fatalf("create printed %q / %q", secret, errb.String())
	}
	out.Reset()
	run(context.Background(), []string{"token", "list", "--data", data}, &out, &errb)
	if !strings.Contains(out.String(), "admin") || !strings.Contains(out.String(), "ops") || strings.Contains(out.String(), secret) {
		t.Errorf("list:\n%s", out.String())
	}
	id := strings.Fields(strings.Split(out.String(), "\n")[1])[0]
	out.Reset()
	if code := run(context.Background(), []string{"token", "revoke", id, "--data", data}, &out, &errb); code != 0 {
		t.Errorf("revoke: %s", errb.String())
	}
	// list and revoke take no --scope or --name: one given (a filter, so
	// the reader thinks) is refused rather than ignored.
	// What was typed wrong exits 2; a token that does not exist, 1.
	for bad, want := range map[*[]string]int{{"token", "create", "--scope", "root"}: 2, {"token", "revoke", "nope"}: 1, {"token"}: 2, {"token", "frob"}: 2,
		{"token", "list", "--scope", "tickets"}: 2, {"token", "revoke", id, "--name", "ops"}: 2} {
		if code := run(context.Background(), append(*bad, "--data", data), &out, &errb); code != want {
			t.Errorf("%v: exit %d, want %d", *bad, code, want)
		}
	}
}

// TestTokenMissingDataFolder: a token made for a data folder that does not
// exist (a mistyped --data, or run from another folder than the server's,
// as `sudo guichet token create` in a home folder is beside a systemd
// service's /var/lib/guichet) is refused naming the folder, instead of a
// new database no server reads and a token that works nowhere; the same
// for listing and for importing tickets.
func TestTokenMissingDataFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "dta")
	file := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(file, []byte("id,subject,created_at\n1,Refund please,2026-01-02\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"token", "create", "--scope", "admin", "--data", missing},
		{"token", "list", "--data", missing},
		{"tickets", "import", file, "--format", "csv", "--content", "../../content", "--data", missing},
	} {
		var out, errb strings.Builder
		if code := run(context.Background(), args, &out, &errb); code != 1 || !strings.Contains(errb.String(), "data folder "+missing+" does not exist") {
			t.Errorf("%v: exit %d, %q; want 1 naming the missing data folder", args, code, errb.String())
		}
		if strings.Contains(out.String(), "gch_") {
			t.Errorf("%v printed a token: %q", args, out.String())
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v made the data folder %s", args, missing)
		}
	}
}

// TestTokenCreateRefusesStrayArguments: `guichet token create --scope
// admin "support team"` (the name without --name, as the README's own
// example reads at a glance) made a token with no name and dropped the
// text silently; a missing --scope was told `scope must be admin, tickets
// or publish, not ""`. Both are now refused naming the argument or the
// flag to give (-h shows --name), and make no token.
func TestTokenCreateRefusesStrayArguments(t *testing.T) {
	data := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"token", "create", "--scope", "admin", "support team"}, `guichet token create: unexpected argument "support team" (see guichet token create -h)`},
		{[]string{"token", "create", "--name", "ops"}, "a token needs a scope: give --scope admin, tickets or publish"},
		{[]string{"token", "list", "admin"}, `guichet token list: unexpected argument "admin"`},
	} {
		var out, errb strings.Builder
		if code := run(context.Background(), append(c.args, "--data", data), &out, &errb); code != 2 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, %q; want 2 (a usage error) and %q", c.args, code, errb.String(), c.want)
		}
		if strings.Contains(out.String(), "gch_") {
			t.Errorf("%v made a token", c.args)
		}
	}
}
