package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestInsightsAPIRequests checks what an integrator of the insights API
// sees on a quiet help center: a bad query is a 400 whose JSON error names
// the parameter, the answer is never cached, CSV downloads have a file
// name and the header row a spreadsheet needs, and the period answered is
// the one asked for.
func TestInsightsAPIRequests(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Quiet Help\nlocales: [en, de]\n")
	writeFile(t, dir, "start/hello.md", "---\ntitle: Hello\n---\nHow to start using the product.\n")
	clk := &clock{t: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	if err != nil {
		t.Fatal(err)
	}
	bearer := []string{"Authorization", "Bearer " + admin}
	paths := []string{"/api/v1/insights/summary", "/api/v1/insights/articles", "/api/v1/insights/todo"}

	for _, tt := range []struct{ query, field string }{
		{"since=0d", "since"},
		{"since=3661d", "since"},
		{"since=yesterday-ish", "since"},
		{"since=7d&until=30/11/2026", "until"},
		{"since=2026-11-20&until=2026-11-10", "since"},
		{"locale=fr", "locale"},
		{"locale=" + strings.Repeat("x", 40), "locale"},
		{"format=xlsx", "format"},
	} {
		for _, path := range paths {
			w := serve(m, "GET", path+"?"+tt.query, "", bearer...)
			var body struct {
				Error struct{ Code, Message string }
			}
			if w.Code != 400 || json.Unmarshal(w.Body.Bytes(), &body) != nil || body.Error.Code != "invalid" || !strings.HasPrefix(body.Error.Message, tt.field) {
				t.Errorf("%s?%s: %d %s, want 400 with an error starting %q", path, tt.query, w.Code, w.Body, tt.field)
			}
		}
	}

	for _, tt := range []struct{ path, file, header string }{
		{"/api/v1/insights/summary", "summary.csv", "day,searches,no_result_searches,no_click_searches,clicked_searches,no_result_rate,click_through_rate,views"},
		{"/api/v1/insights/articles", "articles.csv", "id,locale,title,url,source,updated,views,helpful,not_helpful,helpful_share,tickets,contacts_after_reading"},
		{"/api/v1/insights/todo", "todo.csv", "rank,kind,people,title,why,action,target,gap_id,article_id,locale"},
	} {
		w := serve(m, "GET", tt.path+"?since=3d&format=csv", "", bearer...)
		if w.Code != 200 {
			t.Fatalf("%s CSV: %d %s", tt.path, w.Code, w.Body)
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Errorf("%s CSV Content-Type %q", tt.path, ct)
		}
		if cd := w.Header().Get("Content-Disposition"); cd != `attachment; filename="`+tt.file+`"` {
			t.Errorf("%s CSV Content-Disposition %q, want attachment %s", tt.path, cd, tt.file)
		}
		if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s Cache-Control %q, want no-store", tt.path, cc)
		}
		rows, err := csv.NewReader(strings.NewReader(w.Body.String())).ReadAll()
		if err != nil || len(rows) == 0 || !strings.HasPrefix(strings.Join(rows[0], ","), tt.header) {
			t.Errorf("%s CSV header %v (%v), want it to start %s", tt.path, rows, err, tt.header)
		}
		if tt.file == "summary.csv" {
			// One row per day of the period, even the quiet days, oldest first.
			if len(rows) != 4 || rows[1][0] != "2026-11-28" || rows[3][0] != "2026-11-30" || rows[1][1] != "0" {
				t.Errorf("summary CSV rows %q, want 3 days 2026-11-28..30 counting 0", rows)
			}
		}
	}

	// JSON answers name the period answered; an empty to-do list is [] not null.
	for _, path := range []string{"/api/v1/insights/articles", "/api/v1/insights/todo"} {
		w := serve(m, "GET", path+"?since="+url.QueryEscape("2026-11-01")+"&until=2026-11-15&locale=de", "", bearer...)
		var got struct {
			From, To, Locale string
			Tasks            json.RawMessage
		}
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &got) != nil || got.From != "2026-11-01" || got.To != "2026-11-15" || got.Locale != "de" {
			t.Errorf("%s: %d %s, want from 2026-11-01 to 2026-11-15 in de", path, w.Code, w.Body)
		}
		if strings.HasSuffix(path, "todo") && string(got.Tasks) != "[]" {
			t.Errorf("todo tasks = %s, want []", got.Tasks)
		}
		if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s Cache-Control %q, want no-store", path, cc)
		}
	}

	// Tokens: none, unknown, another scheme and an empty bearer are 401
	// (each from its own client: repeated failures from one are throttled).
	for i, hdr := range [][]string{nil, {"Authorization", "Bearer nope"}, {"Authorization", "Basic " + admin}, {"Authorization", "Bearer"}} {
		for j, path := range paths {
			if w := from(m, fmt.Sprintf("192.0.2.%d:1", 10*i+j+1), "GET", path, "", hdr...); w.Code != 401 {
				t.Errorf("%s with %q: %d, want 401", path, hdr, w.Code)
			}
		}
	}
}

// TestAdminExportRequests: the dashboard's exports need a session, give
// the file asked for with its header row, and reject a bad period by name.
func TestAdminExportRequests(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Quiet Help\nlocales: [en]\n")
	writeFile(t, dir, "start/hello.md", "---\ntitle: Hello\n---\nHow to start using the product.\n")
	clk := &clock{t: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)}
	m := openMainAt(t, dir, clk)
	admin, _, err := m.DB.CreateToken(context.Background(), site.ScopeAdmin, "team")
	if err != nil {
		t.Fatal(err)
	}
	lw := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(lw.Header().Get("Set-Cookie"), ";")[0]
	if session == "" {
		t.Fatalf("login: %d, no session", lw.Code)
	}
	for _, tt := range []struct{ file, header string }{
		{"summary.csv", "day,searches,"},
		{"entry-points.csv", "source,screen,visits,self_service_visits,deflected_visits,deflection"},
		{"todo.csv", "rank,kind,people,"},
		{"articles.csv", "id,locale,title,"},
		{"comments.csv", "article_id,locale,comment,votes,last"},
		{"reasons.csv", "article_id,locale,reason,votes"},
	} {
		w := serve(m, "GET", "/admin/export/"+tt.file+"?since=custom&from=2026-11-01&until=2026-11-07", "", "Cookie", session)
		if w.Code != 200 || w.Header().Get("Content-Disposition") != `attachment; filename="`+tt.file+`"` ||
			!strings.HasPrefix(w.Body.String(), tt.header) {
			t.Errorf("%s: %d %q\n%s", tt.file, w.Code, w.Header().Get("Content-Disposition"), w.Body)
		}
		if tt.file == "summary.csv" {
			if n := strings.Count(w.Body.String(), "\n"); n != 8 {
				t.Errorf("summary.csv of a custom week: %d lines, want header + 7 days", n)
			}
		}
		if w := serve(m, "GET", "/admin/export/"+tt.file, ""); w.Code != 401 {
			t.Errorf("%s without a session: %d, want 401", tt.file, w.Code)
		}
		if w := serve(m, "GET", "/admin/export/"+tt.file, "", "Cookie", "guichet_session=forged"); w.Code != 401 {
			t.Errorf("%s with a forged session: %d, want 401", tt.file, w.Code)
		}
	}
	// The custom period's errors name its fields, From and To, as the
	// picker shows them, not since and until, which the team never typed.
	for _, tt := range []struct{ query, field string }{
		{"since=custom", "from: "},
		{"since=custom&from=tomorrow", "from: "},
		{"since=custom&from=2026-11-20&to=2026-11-01", "from: the period starts"},
		{"since=custom&from=2026-11-01&to=someday", "to: "},
		{"since=custom&from=1990-01-01&to=2026-11-01", "to: a period is at most"},
		{"since=7d&until=someday", "until: "},
		{"since=7d&locale=de", "locale"},
	} {
		w := serve(m, "GET", "/admin/export/summary.csv?"+tt.query, "", "Cookie", session)
		if w.Code != 400 || !strings.Contains(w.Body.String(), tt.field) || strings.Contains(tt.query, "custom") && strings.Contains(w.Body.String(), "since: ") {
			t.Errorf("export ?%s: %d %s, want 400 naming %s", tt.query, w.Code, w.Body, tt.field)
		}
	}
}

// TestAdminPeriodPicker: the admin page's period form shows the period
// being looked at, so a support lead knows which days the figures cover,
// and its export links ask for the same period.
func TestAdminPeriodPicker(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Quiet Help\nlocales: [en, de]\n")
	writeFile(t, dir, "start/hello.md", "---\ntitle: Hello\n---\nHow to start using the product.\n")
	m := openMainAt(t, dir, &clock{t: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)})
	admin, _, err := m.DB.CreateToken(context.Background(), site.ScopeAdmin, "team")
	if err != nil {
		t.Fatal(err)
	}
	lw := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(lw.Header().Get("Set-Cookie"), ";")[0]
	for _, tt := range []struct{ query, since, from, until, locale string }{
		{"", "30d", "2026-11-01", "2026-11-30", ""},
		{"since=7d&locale=de", "7d", "2026-11-24", "2026-11-30", "de"},
		{"since=7d&from=2020-01-01&to=2020-01-02", "7d", "2026-11-24", "2026-11-30", ""}, // the picker's days are for a custom period
		{"since=custom&from=2026-10-01&to=2026-10-31", "custom", "2026-10-01", "2026-10-31", ""},
		{"since=custom&from=2026-10-01&until=2026-10-31", "custom", "2026-10-01", "2026-10-31", ""}, // as links wrote it before
		// until in a link counts as the insights API counts it.
		{"since=7d&until=2026-11-27", "custom", "2026-11-24", "2026-11-27", ""},
		{"since=14d", "custom", "2026-11-17", "2026-11-30", ""},
	} {
		w := serve(m, "GET", "/admin/?"+tt.query, "", "Cookie", session)
		if w.Code != 200 {
			t.Fatalf("/admin/?%s: %d", tt.query, w.Code)
		}
		doc := webtest.Parse(t, w.Body.String())
		got := []string{doc.Attr(`#p-since option[selected]`, "value"), doc.Attr("#p-from", "value"), doc.Attr("#p-until", "value"), doc.Attr(`#p-locale option[selected]`, "value")}
		if want := []string{tt.since, tt.from, tt.until, tt.locale}; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("/admin/?%s: picker %q, want %q", tt.query, got, want)
		}
		// The summary export link gives one row per day of the same period.
		var link string
		for _, href := range doc.Attrs("a[download]", "href") {
			if strings.HasPrefix(href, "/admin/export/summary.csv") {
				link = href
			}
		}
		from, _ := time.Parse(time.DateOnly, tt.from)
		until, _ := time.Parse(time.DateOnly, tt.until)
		days := int(until.Sub(from).Hours()/24) + 1
		w = serve(m, "GET", link, "", "Cookie", session)
		if lines := strings.Split(strings.TrimSpace(w.Body.String()), "\n"); w.Code != 200 || len(lines) != days+1 || !strings.HasPrefix(lines[1], tt.from) {
			t.Errorf("/admin/?%s: export %q gives %d %d lines, want header + %d days from %s", tt.query, link, w.Code, len(lines), days, tt.from)
		}
	}
}
