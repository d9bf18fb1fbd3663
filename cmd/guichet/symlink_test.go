package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestContentConfined tries every kind of symbolic link a content
// repository can hold: links out of the folder (relative, absolute, to
// /etc/passwd, to the events database, to a folder) are neither published
// nor served and are reported as errors; links between files inside the
// folder work; /_content/ serves only the files published articles
// reference.
func TestContentConfined(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "content")
	outside := filepath.Join(base, "outside")
	data := filepath.Join(base, "data")
	writeFile(t, outside, "secret.md", "---\ntitle: Stolen secret\n---\nTop secret text.\n")
	writeFile(t, outside, "secret.png", "\x89PNG\r\n\x1a\nsecret")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n\n"+
		"![plan](images/plan.png) ![logo](images/logo.png) ![passwd](images/passwd.png) ![db](images/db.png) ![out](images/out.png)\n\n"+
		"[The guide](files/guide.pdf) and [the other article](alias.md).\n")
	writeFile(t, dir, "billing/images/plan.png", "\x89PNG\r\n\x1a\nplan")
	writeFile(t, dir, "billing/images/unused.png", "\x89PNG\r\n\x1a\nunused")
	writeFile(t, dir, "shared/logo.png", "\x89PNG\r\n\x1a\nlogo")
	writeFile(t, dir, "billing/files/guide.pdf", "%PDF-1.4 guide")
	m := &Main{Config: testConfig(dir, data), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	// The database exists before the links to it are made.
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"billing/leak.md":           filepath.Join("..", "..", "outside", "secret.md"),
		"billing/abs.md":            filepath.Join(outside, "secret.md"),
		"billing/images/passwd.png": "/etc/passwd",
		"billing/images/db.png":     filepath.Join(data, "guichet.db"),
		"billing/images/out.png":    filepath.Join("..", "..", "..", "outside", "secret.png"),
		"billing/outdir":            outside,
		"billing/alias.md":          "refund.md",                                     // inside: followed
		"billing/images/logo.png":   filepath.Join("..", "..", "shared", "logo.png"), // inside: followed
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close(context.Background())
	m.Publisher.Wait()

	for path, want := range map[string]int{
		"/billing/refund":                     200,
		"/billing/alias":                      200,
		"/billing/leak":                       404,
		"/billing/abs":                        404,
		"/billing/outdir/secret":              404,
		"/_content/billing/images/plan.png":   200,
		"/_content/billing/images/logo.png":   200,
		"/_content/billing/files/guide.pdf":   200,
		"/_content/billing/images/unused.png": 404, // no article uses it
		"/_content/billing/images/passwd.png": 404,
		"/_content/billing/images/db.png":     404,
		"/_content/billing/images/out.png":    404,
		"/_content/billing/refund.md":         404,
		"/_content/guichet.yaml":              404,
		"/_content/../outside/secret.png":     404,
		"/_content/%2e%2e/outside/secret.png": 404,
	} {
		w := serve(m, "GET", path, "")
		if w.Code != want {
			t.Errorf("%s: %d, want %d", path, w.Code, want)
		}
		if b := w.Body.String(); strings.Contains(b, "root:") || strings.Contains(b, "Top secret") || strings.Contains(b, "SQLite format") {
			t.Errorf("%s leaks a file from outside the content folder", path)
		}
	}
	if w := serve(m, "GET", "/_content/billing/files/guide.pdf", ""); !strings.HasPrefix(w.Header().Get("Content-Disposition"), "attachment") || w.Header().Get("Content-Type") != "application/pdf" {
		t.Errorf("attachment served as %q, %q", w.Header().Get("Content-Type"), w.Header().Get("Content-Disposition"))
	}
	if w := serve(m, "GET", "/search?q=secret", ""); strings.Contains(w.Body.String(), "Stolen secret") {
		t.Error("an article from outside the folder is searchable")
	}

	// check reports each link that leaves the folder, as an error.
	var out, errb strings.Builder
	code := run(context.Background(), []string{"check", "--format", "json", "--content", dir}, &out, &errb)
	report := out.String() + errb.String()
	if code != 1 {
		t.Errorf("check exit %d, want 1:\n%s", code, report)
	}
	for _, name := range []string{"billing/leak.md", "billing/abs.md", "billing/images/passwd.png", "billing/images/db.png", "billing/images/out.png"} {
		if !strings.Contains(report, name) || !strings.Contains(report, "outside the content folder") {
			t.Errorf("check does not report %s:\n%s", name, report)
		}
	}
}

// TestDataInsideContent: a data folder inside the content folder could be
// published; serve refuses to start.
func TestDataInsideContent(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	m := &Main{Config: testConfig(dir, filepath.Join(dir, "billing", "data")), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	err := m.Open(context.Background())
	m.Close(context.Background())
	if err == nil || !strings.Contains(err.Error(), "inside the content folder") {
		t.Errorf("open with data inside content: %v", err)
	}
}
