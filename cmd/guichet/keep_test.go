package main

import (
	"strings"
	"testing"
)

// TestBrokenEditKeepsLastGoodVersion: an edit that breaks an article's
// front matter keeps its last good version online (reported as a warning
// beside the error); fixing it publishes the fix; a new broken article
// stays out.
func TestBrokenEditKeepsLastGoodVersion(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	writeFile(t, dir, "billing/links.md", "---\ntitle: Links\n---\nSee [refunds](refund.md).\n")
	m := openMain(t, dir, false)
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds: now faster\n  tags [oops\n---\nMoney back in three days.\n")
	writeFile(t, dir, "billing/new.md", "---\ntitle: [broken\n---\nNew.\n")
	if err := m.Reload(t.Context()); err != nil {
		t.Fatal(err)
	}
	w := serve(m, "GET", "/billing/refund", "")
	if w.Code != 200 || !strings.Contains(w.Body.String(), "five days") {
		t.Errorf("broken edit: %d, last good version not served", w.Code)
	}
	if got := status(m, "/billing/new"); got != 404 {
		t.Errorf("a new broken article: %d", got)
	}
	if body := mustGet(t, m, "/billing/links"); !strings.Contains(body, `href="/billing/refund"`) {
		t.Error("links to the kept article broke")
	}
	var kept, broken bool
	for _, p := range m.Server.View().Lib.Problems {
		if p.File == "billing/refund.md" && p.Kind == "kept" {
			kept = true
		}
		if p.File == "billing/refund.md" && p.Severity == "error" {
			broken = true
		}
	}
	if !kept || !broken {
		t.Errorf("problems do not say the error and that the last good version is kept: %v", m.Server.View().Lib.Problems)
	}
	// The admin page lists the error.
	admin, _, err := m.DB.CreateToken(t.Context(), "admin", "")
	if err != nil {
		t.Fatal(err)
	}
	page := serve(m, "GET", "/admin/", "", "Cookie", signIn(t, m, admin)).Body.String()
	if !strings.Contains(page, "Content errors") || !strings.Contains(page, "billing/refund.md") || !strings.Contains(page, "billing/new.md") {
		t.Error("the admin page does not list the content errors")
	}
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in three days.\n")
	if err := m.Reload(t.Context()); err != nil {
		t.Fatal(err)
	}
	if body := mustGet(t, m, "/billing/refund"); !strings.Contains(body, "three days") {
		t.Error("the fix is not published")
	}
}

// TestDevErrorPanel: in --dev, an article whose front matter breaks shows
// an error panel (file, line, message, fix, the lines around) in place of
// the article, and its category marks it.
func TestDevErrorPanel(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/_index.md", "---\ntitle: Billing\n---\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	writeFile(t, dir, "billing/fees.md", "---\ntitle: Fees\n---\nNo fees.\n")
	m := openMain(t, dir, true)
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds: how long they take\ntags: [billing\n---\nMoney back in three days.\n")
	if err := m.Reload(t.Context()); err != nil {
		t.Fatal(err)
	}
	w := serve(m, "GET", "/billing/refund", "")
	page := w.Body.String()
	if w.Code != 200 || !strings.Contains(page, "error-panel") || !strings.Contains(page, "billing/refund.md:2") {
		t.Fatalf("dev page of a broken article: %d\n%s", w.Code, page)
	}
	for _, want := range []string{"Fix:", "title: Refunds: how long they take", `class="error-line"`, "noindex"} {
		if !strings.Contains(page, want) {
			t.Errorf("the panel lacks %q", want)
		}
	}
	if strings.Contains(page, "five days") {
		t.Error("the panel shows the old article instead")
	}
	if cat := mustGet(t, m, "/billing/"); !strings.Contains(cat, "has errors") || !strings.Contains(cat, `href="/billing/refund"`) {
		t.Error("the category does not mark the broken article")
	}
	// Not in production: a server started on the broken file has no last
	// good version to serve, and visitors get the plain 404, no panel.
	prod := openMain(t, dir, false)
	if w := serve(prod, "GET", "/billing/refund", ""); w.Code != 404 || strings.Contains(w.Body.String(), "error-panel") {
		t.Errorf("outside --dev: %d, panel shown: %v", w.Code, strings.Contains(w.Body.String(), "error-panel"))
	}
}
