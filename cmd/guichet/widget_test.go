package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/web/webtest"
)

// widgetSite is a help center whose widget may be embedded by one origin.
func widgetSite(t *testing.T) (*Main, string) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: https://help.acme.example\nbrand_color: \"#ffd400\"\ncontact_url: https://acme.example/contact\nwidget:\n  allowed_origins: [\"https://app.acme.example\"]\n")
	writeFile(t, dir, "billing/cards.md", "---\ntitle: Update your card\ndescription: Change the card you pay with.\ncontexts: [checkout, /settings/billing/*]\n---\nChange the card you pay with.\n")
	writeFile(t, dir, "account/password.md", "---\ntitle: Reset your password\nfaq: pinned\n---\nUse the forgot-password link.\n")
	return openMain(t, dir, false), dir
}

// TestWidgetLoader: one small script, with the site's colour and labels,
// no cookies, cacheable.
func TestWidgetLoader(t *testing.T) {
	m, _ := widgetSite(t)
	w := serve(m, "GET", "/widget.js", "", "Accept-Encoding", "gzip")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/javascript") {
		t.Fatalf("GET /widget.js: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if w.Header().Get("Content-Encoding") != "gzip" {
		t.Fatal("/widget.js is not compressed")
	}
	const budget = 6 << 10
	if n := w.Body.Len(); n >= budget {
		t.Errorf("/widget.js is %d bytes gzipped; the budget is under %d", n, budget)
	}
	// The README states the size: it must be the one served, to 0.2 KB.
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	said := regexp.MustCompile("`/widget.js`, ([0-9.]+) KB gzipped").FindSubmatch(readme)
	if said == nil {
		t.Fatal("README.md no longer states the size of /widget.js gzipped")
	}
	if kb, _ := strconv.ParseFloat(string(said[1]), 64); math.Abs(kb-float64(w.Body.Len())/1024) > 0.2 {
		t.Errorf("README.md says /widget.js is %s KB gzipped; it is served in %.2f KB", said[1], float64(w.Body.Len())/1024)
	}
	zr, err := gzip.NewReader(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	js, _ := io.ReadAll(zr)
	for _, want := range []string{`"color":"#ffd400"`, `"text":"#000"`, `"open":"Help"`, `"close":"Close help"`} {
		if !bytes.Contains(js, []byte(want)) {
			t.Errorf("/widget.js lacks the site's settings %s", want)
		}
	}
	for _, banned := range []string{"document.cookie", "localStorage", "document.write"} {
		if bytes.Contains(js, []byte(banned)) {
			t.Errorf("/widget.js uses %s", banned)
		}
	}
	if w.Header().Get("Set-Cookie") != "" || !strings.Contains(w.Header().Get("Cache-Control"), "max-age") {
		t.Errorf("/widget.js headers: %v", w.Header())
	}
	if w := serve(m, "GET", "/widget.js", "", "If-None-Match", w.Header().Get("ETag")); w.Code != 304 {
		t.Errorf("/widget.js revalidation: %d, want 304", w.Code)
	}
}

// TestWidgetFrame: the panel for a host page, its CSP, and what a host
// page cannot do to it.
func TestWidgetFrame(t *testing.T) {
	m, _ := widgetSite(t)
	const app = "https://app.acme.example"
	for _, c := range []struct {
		name, query string
		code        int
		want, not   []string
	}{
		{"path match", "origin=" + app + "&path=/settings/billing/cards", 200,
			[]string{`data-host="https://app.acme.example"`, "Suggested for this page", "Update your card", `href="https://acme.example/contact"`, "--on-brand:#000"}, []string{"Reset your password"}},
		{"key match", "origin=" + app + "&context=checkout&locale=en", 200, []string{"Update your card"}, nil},
		{"no match: top FAQ", "origin=" + app + "&path=/reports", 200, []string{"Popular articles", "Reset your password"}, nil},
		{"markup in the context is text", "origin=" + app + "&context=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", 200,
			[]string{`data-context="&lt;img src=x onerror=alert(1)&gt;"`}, []string{"<img src=x"}},
		{"host colour and theme", "origin=" + app + "&color=%23123456&theme=dark", 200, []string{"--brand:#123456", "--on-brand:#fff", `data-theme="dark"`}, nil},
		{"origin not allowed", "origin=https://evil.example", 403, nil, nil},
		{"origin not an origin", "origin=javascript:alert(1)", 400, nil, nil},
		{"path not a path", "origin=" + app + "&path=javascript:alert(1)", 400, nil, nil},
		{"colour not a colour", "origin=" + app + "&color=%23fff%3Bbackground:url(x)", 400, nil, nil},
		{"theme unknown", "origin=" + app + "&theme=neon", 400, nil, nil},
	} {
		w := serve(m, "GET", "/widget/frame?"+c.query, "")
		body := w.Body.String()
		if w.Code != c.code {
			t.Errorf("%s: %d, want %d: %.300s", c.name, w.Code, c.code, body)
			continue
		}
		for _, s := range c.want {
			if !strings.Contains(body, s) {
				t.Errorf("%s: the frame lacks %q", c.name, s)
			}
		}
		// What the panel shows: without the next steps it keeps for a
		// search without results (the top FAQ among them).
		shown := body
		if i, j := strings.Index(body, `<template id="g-w-next">`), strings.Index(body, `<template id="g-w-feedback">`); i >= 0 && j > i {
			shown = body[:i] + body[j:]
		}
		for _, s := range c.not {
			if strings.Contains(shown, s) {
				t.Errorf("%s: the frame has %q", c.name, s)
			}
		}
		if c.code == 200 {
			csp := w.Header().Get("Content-Security-Policy")
			if !strings.Contains(csp, "frame-ancestors 'self' "+app) || !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("%s: CSP %q", c.name, csp)
			}
		}
	}
	// Other pages may not be framed by other sites.
	if csp := serve(m, "GET", "/", "").Header().Get("Content-Security-Policy"); !strings.HasSuffix(csp, "; frame-ancestors 'self'") {
		t.Errorf("home page CSP %q", csp)
	}
}

// TestWidgetFrameOrigins: with no allowed_origins only the help center
// itself may embed the panel; "*" written out lets any site; a list with a
// malformed entry fails closed: the server does not start on it, and a
// reload keeps the last valid list.
func TestWidgetFrameOrigins(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/cards.md", "---\ntitle: Update your card\n---\nChange the card.\n")
	m := openMain(t, dir, false)
	w := serve(m, "GET", "/widget/frame?origin=https://anyone.example", "")
	if w.Code != 403 || !strings.HasSuffix(w.Header().Get("Content-Security-Policy"), "frame-ancestors 'self'") {
		t.Errorf("frame for another origin with no list: %d, CSP %q", w.Code, w.Header().Get("Content-Security-Policy"))
	}
	if w := serve(m, "POST", "/api/v1/events", `{"type":"open","source":"widget","path":"/x"}`, "Content-Type", "application/json", "Origin", "https://anyone.example"); w.Code != 403 {
		t.Errorf("event from another origin with no list: %d", w.Code)
	}

	writeFile(t, dir, "guichet.yaml", "widget:\n  allowed_origins: [\"*\"]\n")
	if err := m.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	w = serve(m, "GET", "/widget/frame?origin=https://anyone.example", "")
	if w.Code != 200 || !strings.HasSuffix(w.Header().Get("Content-Security-Policy"), "frame-ancestors *") {
		t.Errorf("frame for any origin: %d, CSP %q", w.Code, w.Header().Get("Content-Security-Policy"))
	}

	// A malformed entry added on reload: the previous list stays.
	writeFile(t, dir, "guichet.yaml", "widget:\n  allowed_origins: [\"*\", \"app.example.com\"]\n")
	if err := m.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if w := serve(m, "GET", "/widget/frame?origin=https://anyone.example", ""); w.Code != 200 {
		t.Errorf("after a bad reload the last valid list is not kept: %d", w.Code)
	}
	writeFile(t, dir, "guichet.yaml", "widget:\n  allowed_origins: [\"https://app.example.com/path\"]\n")
	if err := m.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if w := serve(m, "GET", "/widget/frame?origin=https://anyone.example", ""); w.Code != 200 {
		t.Errorf("after a bad reload the last valid list is not kept: %d", w.Code)
	}

	// At start: refused.
	m2 := &Main{Config: testConfig(dir, t.TempDir()), Logger: m.Logger}
	err := m2.Open(context.Background())
	m2.Close(context.Background())
	if err == nil || !strings.Contains(err.Error(), "widget.allowed_origins") {
		t.Errorf("start with a malformed origin: %v", err)
	}
}

// TestWidgetEvents: openings recorded with whether the screen has help,
// searches and votes with the host path and context; the event endpoint's
// CORS follows widget.allowed_origins.
func TestWidgetEvents(t *testing.T) {
	m, _ := widgetSite(t)
	post := func(body string, hdr ...string) (int, string) {
		w := serve(m, "POST", "/api/v1/events", body, hdr...)
		return w.Code, w.Body.String()
	}
	const app = "https://app.acme.example"
	for _, c := range []struct {
		name, body, origin string
		code               int
		want               string
	}{
		{"open on a screen with help", `{"type":"open","source":"widget","path":"/settings/billing/cards","locale":"en"}`, app, 202, `"matched":true`},
		{"open by key", `{"type":"open","source":"widget","context":"checkout"}`, app, 202, `"matched":true`},
		{"open with no help", `{"type":"open","source":"widget","path":"/reports/2024-05/8412","context":""}`, app, 202, `"matched":false`},
		{"open, same origin", `{"type":"open","source":"widget","path":"/reports/2024-06/9"}`, "http://example.com", 202, `"matched":false`},
		{"open not from the widget", `{"type":"open","path":"/x"}`, app, 400, "source must be widget"},
		{"path not a path", `{"type":"open","source":"widget","path":"https://x"}`, app, 400, "path must be"},
		{"search with host path", `{"type":"search","source":"widget","query":"refund policy","results":0,"path":"/settings/billing","context":"checkout"}`, app, 202, "search_id"},
		{"vote with host path", `{"type":"vote","source":"widget","article_id":"billing/cards","helpful":false,"path":"/settings/billing","context":"checkout"}`, app, 202, "accepted"},
		{"origin not allowed", `{"type":"open","source":"widget","path":"/x"}`, "https://evil.example", 403, "widget.allowed_origins"},
	} {
		code, body := post(c.body, "Origin", c.origin)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d %s, want %d with %s", c.name, code, body, c.code, c.want)
		}
	}
	// Preflights: allowed origin gets its own origin back; others nothing.
	w := serve(m, "OPTIONS", "/api/v1/events", "", "Origin", app, "Access-Control-Request-Method", "POST")
	if w.Code != 204 || w.Header().Get("Access-Control-Allow-Origin") != app || w.Header().Get("Access-Control-Allow-Methods") != "POST" {
		t.Errorf("preflight from %s: %d %v", app, w.Code, w.Header())
	}
	w = serve(m, "OPTIONS", "/api/v1/events", "", "Origin", "https://evil.example", "Access-Control-Request-Method", "POST")
	if w.Code != 403 || w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another origin: %d %v", w.Code, w.Header())
	}
	// The read endpoints answer any origin.
	for _, p := range []string{"/api/v1/search?q=card", "/api/v1/suggest?q=ca", "/api/v1/articles/billing/cards"} {
		if w := serve(m, "GET", p, "", "Origin", "https://evil.example"); w.Code != 200 || w.Header().Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s from any origin: %d %q", p, w.Code, w.Header().Get("Access-Control-Allow-Origin"))
		}
	}

	ctx := context.Background()
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	since := time.Now().Add(-time.Hour)
	// The openings, as the dashboard and the gap report count them.
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "test")
	if err != nil {
		t.Fatal(err)
	}
	var sum struct {
		WidgetOpens int `json:"widget_opens"`
	}
	var opened struct {
		Openings int `json:"openings_without_help"`
	}
	json.Unmarshal(serve(m, "GET", "/api/v1/insights/summary?since=1d", "", "Authorization", "Bearer "+admin).Body.Bytes(), &sum)
	json.Unmarshal(serve(m, "GET", "/api/v1/insights/gaps?since=1d&min_visitors=1", "", "Authorization", "Bearer "+admin).Body.Bytes(), &opened)
	if sum.WidgetOpens != 4 || opened.Openings != 2 {
		t.Errorf("widget openings: %d, %d with no help; want 4, 2", sum.WidgetOpens, opened.Openings)
	}
	var screens, searches []gaps.Record
	err = m.DB.GapRecords(ctx, since, func(r gaps.Record) error {
		switch {
		case r.Kind == gaps.NoHelp:
			screens = append(screens, r)
		case r.Kind == "" && r.Source == "widget":
			searches = append(searches, r)
		}
		return nil
	})
	if err != nil || len(screens) != 2 {
		t.Fatalf("screens with no help: %+v %v", screens, err)
	}
	if len(searches) != 1 || searches[0].Source != "widget" || searches[0].Path != "/settings/billing" || searches[0].Context != "checkout" {
		t.Errorf("widget search stored as %+v", searches)
	}
	events, _ := m.DB.RecentEvents(ctx, 10)
	if len(events) != 1 || events[0].Path != "/settings/billing" || events[0].Context != "checkout" || events[0].Source != "widget" {
		t.Errorf("widget vote stored as %+v", events)
	}
	// Two people on the same report screen (IDs folded) make one gap.
	rep, err := m.Gaps.Report(ctx, gaps.Options{Since: since})
	report := rep.Gaps
	if err != nil {
		t.Fatal(err)
	}
	var screen *gaps.Gap
	for i, g := range report {
		if g.Kind == gaps.NoHelp {
			if screen != nil {
				t.Errorf("second screen gap %+v", g)
			}
			screen = &report[i]
		}
	}
	if screen == nil || screen.Key != "/reports/*/*" || screen.Searches != 2 || screen.Paths["/reports/*/*"] != 2 {
		t.Errorf("screen with no help in the gap report: %+v", screen)
	}
}

// TestScreenAnsweredByContent: a screen with no help is marked answered
// once an article's contexts fit it.
func TestScreenAnsweredByContent(t *testing.T) {
	m, dir := widgetSite(t)
	if w := serve(m, "POST", "/api/v1/events", `{"type":"open","source":"widget","path":"/reports/2024"}`); w.Code != 202 || !strings.Contains(w.Body.String(), `"matched":false`) {
		t.Fatalf("open: %d %s", w.Code, w.Body.String())
	}
	// A second person on the screen (visitors are counted by address).
	m.Recorder.RecordOpen(site.WidgetOpen{Locale: "en", Path: "/reports/2025", Visitor: "another", Time: time.Now()})
	ctx := context.Background()
	m.Recorder.Flush(ctx)
	writeFile(t, dir, "reports/export.md", "---\ntitle: Export a report\ncontexts: [/reports/*]\n---\nChoose Export.\n")
	if err := m.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	m.Publisher.Wait()
	rep, err := m.Gaps.Report(ctx, gaps.Options{Since: time.Now().Add(-time.Hour)})
	report := rep.Gaps
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range report {
		if g.Kind == gaps.NoHelp {
			if g.AnsweredAt == nil || g.AnsweredBy != "reports/export" || g.Status != "" {
				t.Errorf("screen %s not marked answered: %+v", g.Key, g)
			}
			return
		}
	}
	t.Error("no screen gap in the report")
}

// TestWidgetDemo: a fake app with two screens taken from the content's
// contexts, each reachable by URL, the widget tag on it.
func TestWidgetDemo(t *testing.T) {
	m, _ := widgetSite(t)
	w := serve(m, "GET", "/widget/demo", "")
	body := w.Body.String()
	if w.Code != 200 {
		t.Fatalf("/widget/demo: %d", w.Code)
	}
	for _, want := range []string{`<script src="/widget.js" data-locale="en" data-context="checkout" data-path-prefix="/widget/demo" async>`,
		`href="/widget/demo/dashboard" data-context="checkout" aria-current="page"`, `href="/widget/demo/settings/billing/example"`, `<meta name="robots" content="noindex">`} {
		if !strings.Contains(body, want) {
			t.Errorf("/widget/demo lacks %s", want)
		}
	}
	w = serve(m, "GET", "/widget/demo/settings/billing/example", "")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `href="/widget/demo/settings/billing/example" data-context="" aria-current="page"`) {
		t.Errorf("second screen: %d", w.Code)
	}
	if w := serve(m, "GET", "/widget/demo/nowhere", ""); w.Code != 404 {
		t.Errorf("unknown demo screen: %d", w.Code)
	}
}

// TestBrokenConfigKeepsSettings: a guichet.yaml that stops parsing, or
// whose widget section has the wrong type, never turns a running site back
// to defaults; at start, the server refuses it (which sites may embed the
// widget cannot be told).
func TestBrokenConfigKeepsSettings(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\ncontact_url: mailto:help@acme.example\nwidget:\n  allowed_origins: [\"https://app.acme.example\"]\n")
	writeFile(t, dir, "billing/cards.md", "---\ntitle: Update your card\n---\nChange the card.\n")
	m := openMain(t, dir, false)
	for _, broken := range []string{
		"title: Acme: Help\n  nested: [oops\n",
		"title: Other\nwidget:\n  allowed_origins: \"https://app.acme.example\"\n",
		"title: Other\nlocales: 12\n",
	} {
		writeFile(t, dir, "guichet.yaml", broken)
		if err := m.Reload(context.Background()); err != nil {
			t.Fatal(err)
		}
		if title := webtest.Parse(t, mustGet(t, m, "/")).Text("title"); title != "Acme Help" {
			t.Errorf("after %q the home's title is %q", broken, title)
		}
		if w := serve(m, "GET", "/widget/frame?origin=https://app.acme.example", ""); w.Code != 200 {
			t.Errorf("after %q the allowed origin lost its panel: %d", broken, w.Code)
		}
	}
	for _, broken := range []string{"title: Acme: Help\n  nested: [oops\n", "widget:\n  allowed_origins: \"https://app.acme.example\"\n"} {
		writeFile(t, dir, "guichet.yaml", broken)
		m2 := &Main{Config: testConfig(dir, t.TempDir()), Logger: discard()}
		err := m2.Open(context.Background())
		m2.Close(context.Background())
		if err == nil || !strings.Contains(err.Error(), "guichet.yaml") {
			t.Errorf("start on %q: %v", broken, err)
		}
	}
}
