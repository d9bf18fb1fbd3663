package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
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

// TestLastGoodVersionSurvivesRestart: a server restarted (an upgrade, a
// reboot) on an article whose file broke meanwhile, or broke before and
// was kept, serves the article's last good version, from the data folder,
// and says so as a running server does: the warning in the log, the
// admin page's content errors, the reload's "kept". Once the file is
// fixed, the fix is served; once it is deleted, no restart brings the
// old version back.
func TestLastGoodVersionSurvivesRestart(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	writeFile(t, dir, "billing/links.md", "---\ntitle: Links\n---\nSee [refunds](refund.md).\n")
	var logs lockedLog
	open := func() *Main {
		t.Helper()
		logs.Reset()
		m := &Main{Config: testConfig(dir, data), Logger: slog.New(slog.NewTextHandler(&logs, nil))}
		if err := m.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		m.Publisher.Wait()
		return m
	}
	m := open()
	m.Close(context.Background())

	// Broken while the server was down: the restart serves the last good
	// version, and says so.
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds: now faster\n  tags [oops\n---\nMoney back in three days.\n")
	m = open()
	w := serve(m, "GET", "/billing/refund", "")
	if w.Code != 200 || !strings.Contains(w.Body.String(), "five days") {
		t.Fatalf("restart on a broken file: %d, last good version not served", w.Code)
	}
	if body := mustGet(t, m, "/billing/links"); !strings.Contains(body, `href="/billing/refund"`) {
		t.Error("links to the kept article broke")
	}
	if l := logs.String(); !strings.Contains(l, "content warning") || !strings.Contains(l, "last good version of this article is served") {
		t.Errorf("the log does not say the last good version is served:\n%s", l)
	}
	admin, _, err := m.DB.CreateToken(t.Context(), "admin", "")
	if err != nil {
		t.Fatal(err)
	}
	page := serve(m, "GET", "/admin/", "", "Cookie", signIn(t, m, admin)).Body.String()
	if !strings.Contains(page, "Content errors") || !strings.Contains(page, "<code>billing/refund.md:") {
		t.Error("the admin page's content errors do not list the broken file")
	}
	kept := false
	for _, p := range m.Server.View().Lib.Problems {
		kept = kept || p.File == "billing/refund.md" && p.Kind == "kept"
	}
	if !kept {
		t.Errorf("the problems (the reload's \"kept\") do not say the last good version is served: %v", m.Server.View().Lib.Problems)
	}
	m.Close(context.Background())

	// Restarted again, still broken: still the last good version.
	m = open()
	if w := serve(m, "GET", "/billing/refund", ""); w.Code != 200 || !strings.Contains(w.Body.String(), "five days") {
		t.Errorf("second restart on the broken file: %d, last good version not served", w.Code)
	}
	// Fixed: the fix is served, and is the version a restart keeps.
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in three days.\n")
	if err := m.Reload(t.Context()); err != nil {
		t.Fatal(err)
	}
	if body := mustGet(t, m, "/billing/refund"); !strings.Contains(body, "three days") {
		t.Error("the fix is not published")
	}
	m.Close(context.Background())
	writeFile(t, dir, "billing/refund.md", "---\ntitle: [broken\n---\nMoney back in one day.\n")
	m = open()
	if w := serve(m, "GET", "/billing/refund", ""); w.Code != 200 || !strings.Contains(w.Body.String(), "three days") {
		t.Errorf("restart on the fix broken again: %d, the fix is not the version kept", w.Code)
	}
	// Deleted: gone, and a restart on a new broken file of that name does
	// not bring the old version back.
	if err := os.Remove(filepath.Join(dir, "billing/refund.md")); err != nil {
		t.Fatal(err)
	}
	if err := m.Reload(t.Context()); err != nil {
		t.Fatal(err)
	}
	m.Publisher.Wait()
	if got := status(m, "/billing/refund"); got != 404 {
		t.Errorf("deleted: %d", got)
	}
	m.Close(context.Background())
	writeFile(t, dir, "billing/refund.md", "---\ntitle: [broken\n---\nNew.\n")
	m = open()
	defer m.Close(context.Background())
	if got := status(m, "/billing/refund"); got != 404 {
		t.Errorf("restart after the file was deleted, then added broken: %d, want 404", got)
	}
}

// lockedLog is a log written by several goroutines.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *lockedLog) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b.Reset()
}
