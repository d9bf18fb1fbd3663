package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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
	// Streamed: ranges and revalidation work.
	if w := serve(m, "GET", "/_content/billing/files/guide.pdf", "", "Range", "bytes=5-8"); w.Code != 206 || w.Body.String() != "1.4 " {
		t.Errorf("range request: %d %q", w.Code, w.Body.String())
	}
	etag := serve(m, "GET", "/_content/billing/images/plan.png", "").Header().Get("ETag")
	if w := serve(m, "GET", "/_content/billing/images/plan.png", "", "If-None-Match", etag); etag == "" || w.Code != 304 {
		t.Errorf("revalidation with %q: %d", etag, w.Code)
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

// TestLinksInsideTheFolder: links that stay inside the content folder but
// point to what is never published (git's files, the site's settings, an
// article's source under an image's name) are refused and reported, as are
// hard links, pipes and oversized articles; a link of the right kind is
// followed.
func TestLinksInsideTheFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "content")
	writeFile(t, dir, "guichet.yaml", "title: Acme\n")
	writeFile(t, dir, ".git/config", "[remote \"origin\"]\n\turl = https://user:ghp_SECRET@example.com/repo\n")
	writeFile(t, dir, "drafts/secret.md", "---\ntitle: Secret plan\ndraft: true\n---\nThe secret launch plan.\n")
	writeFile(t, dir, "shared/logo.png", "\x89PNG\r\n\x1a\nlogo")
	writeFile(t, base, "outside.png", "\x89PNG\r\n\x1a\nOUTSIDE")
	writeFile(t, dir, "docs/guide.md", "---\ntitle: Guide\n---\n![a](images/git.png) ![b](images/yaml.png) ![c](images/draft.png) ![d](images/logo.png) ![e](images/hard.png) ![f](images/abs.png)\n")
	links := map[string]string{
		"docs/images/git.png":   "../../.git/config",
		"docs/images/yaml.png":  "../../guichet.yaml",
		"docs/images/draft.png": "../../drafts/secret.md",
		"docs/images/logo.png":  "../../shared/logo.png",
		"docs/images/abs.png":   filepath.Join(dir, "shared", "logo.png"),
	}
	for name, target := range links {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Link(filepath.Join(base, "outside.png"), filepath.Join(dir, "docs", "images", "hard.png")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "docs", "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "docs/huge.md", "---\ntitle: Huge\n---\n"+strings.Repeat("[x]: /y\n", 200000))
	m := openMain(t, dir, false)
	for path, want := range map[string]int{
		"/_content/docs/images/logo.png":  200,
		"/_content/docs/images/git.png":   404,
		"/_content/docs/images/yaml.png":  404,
		"/_content/docs/images/draft.png": 404,
		"/_content/docs/images/hard.png":  404,
		"/_content/docs/images/abs.png":   404,
		"/docs/huge":                      404,
		"/docs/pipe":                      404,
	} {
		w := serve(m, "GET", path, "")
		if w.Code != want {
			t.Errorf("%s: %d, want %d", path, w.Code, want)
		}
		if b := w.Body.String(); strings.Contains(b, "ghp_SECRET") || strings.Contains(b, "launch plan") || strings.Contains(b, "OUTSIDE") || strings.Contains(b, "title: Acme") {
			t.Errorf("%s leaks a file", path)
		}
	}
	var out, errb strings.Builder
	run(context.Background(), []string{"check", "--format", "json", "--content", dir}, &out, &errb)
	for _, want := range []string{"docs/images/git.png", "a hidden file or folder", "docs/images/yaml.png", "a site settings file",
		"docs/images/draft.png", "a file of another kind", "hard-linked", "docs/images/abs.png", "is absolute", "not a regular file", "over the 1024 KB"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("check does not report %q", want)
		}
	}
}
