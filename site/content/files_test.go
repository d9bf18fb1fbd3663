//go:build unix

package content

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/guichet/guichet/site"
)

// loadDir loads a real folder through OpenDir, as guichet serve does.
func loadDir(t *testing.T, dir string) *site.Library {
	t.Helper()
	fsys, closer, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	lib, err := Load(context.Background(), fsys, Options{Dir: dir})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return lib
}

func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestContentFileLinks: files that are not plain files of the folder are
// never published, and each refusal names the file and says what to do;
// links to files of the same kind inside the folder are followed.
func TestContentFileLinks(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "content")
	outside := filepath.Join(base, "secret.md")
	writeFile(t, base, "secret.md", "---\ntitle: Secret\n---\nPasswords.\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nFive days.\n![logo](logo.png)\n")
	writeFile(t, dir, "billing/logo.png", "\x89PNG")
	writeFile(t, dir, ".git/config", "[core]\n")
	writeFile(t, dir, "docs/guide.pdf", "%PDF")
	writeFile(t, dir, "big/huge.md", "---\ntitle: Huge\n---\n"+strings.Repeat("word ", maxArticleBytes/5+10))
	writeFile(t, dir, "linked/original.md", "---\ntitle: Original\n---\nHard-linked.\n")
	if err := os.Link(filepath.Join(dir, "linked/original.md"), filepath.Join(base, "elsewhere.md")); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"billing/same.md":       "refund.md",         // an article to an article: followed
		"billing/chain.md":      "same.md",           // through another link
		"billing/outside.md":    "../../secret.md",   // leaves the folder
		"billing/absolute.md":   outside,             // absolute
		"billing/dangling.md":   "nope.md",           // to nothing
		"billing/folder.md":     "../docs",           // a folder
		"billing/kind.md":       "logo.png",          // an article named for an image
		"billing/git.md":        "../.git/config",    // into a hidden folder
		"billing/settings.md":   "../guichet.yaml",   // a settings file
		"billing/loop-a.md":     "loop-b.md",         // a loop
		"billing/loop-b.md":     "loop-a.md",         //
		"billing/logo-copy.png": "logo.png",          // an image to an image: followed
		"billing/guide.pdf":     "../docs/guide.pdf", // an attachment to the same type: followed
	}
	writeFile(t, dir, "guichet.yaml", "title: Help\n")
	// An include of a refused link says so (it said the file did not
	// exist; a newcomer, rv20d).
	writeFile(t, dir, "billing/includer.md", "---\ntitle: Includer\n---\nSee:\n\n[!INCLUDE [secret](absolute.md)]\n")
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "billing/pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}

	lib := loadDir(t, dir)
	for _, kept := range []string{"billing/refund.md", "billing/same.md", "billing/chain.md", "billing/includer.md"} {
		if !hasArticle(lib, kept) {
			t.Errorf("%s did not load: %v", kept, lib.Problems)
		}
	}
	for _, w := range []want{
		{site.SeverityError, "billing/outside.md", 0, "", "points outside the content folder"},
		{site.SeverityError, "billing/absolute.md", 0, "", "is absolute"},
		{site.SeverityError, "billing/dangling.md", 0, "", "which does not exist"},
		{site.SeverityWarning, "billing/folder.md", 0, "", "symbolic link to a folder is not followed"},
		{site.SeverityError, "billing/kind.md", 0, "", "a file of another kind"},
		{site.SeverityError, "billing/git.md", 0, "", "a hidden file or folder"},
		{site.SeverityError, "billing/settings.md", 0, "", "a site settings file"},
		{site.SeverityError, "billing/loop-a.md", 0, "", "loop"},
		{site.SeverityWarning, "billing/pipe.md", 0, "", "not a regular file"},
		{site.SeverityError, "big/huge.md", 0, "", "over the 1024 KB an article may be"},
		{site.SeverityError, "linked/original.md", 0, "", "hard-linked from elsewhere"},
		{site.SeverityError, "billing/includer.md", 6, "", "billing/absolute.md is a symbolic link that is not published"},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v; problems:\n%s", w, problemList(lib))
		}
	}
	for _, a := range lib.Articles {
		if strings.Contains(string(a.HTML), "Passwords") || a.Title == "Secret" || a.Title == "Huge" || a.Title == "Original" {
			t.Errorf("%s was published from a refused file", a.SourcePath)
		}
	}
	if len(lib.Articles) != 4 {
		var got []string
		for _, a := range lib.Articles {
			got = append(got, a.SourcePath)
		}
		t.Errorf("articles %v, want refund, its two links and the includer", got)
	}
}

func problemList(lib *site.Library) string {
	var b strings.Builder
	for _, p := range lib.Problems {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestBadTarget(t *testing.T) {
	for _, c := range []struct {
		link, target string
		want         string // "" when allowed
	}{
		{"a.md", "b/c.md", ""},
		{"a.MD", "b.mdx", ""},
		{"a.png", "img/b.jpg", ""},
		{"a.pdf", "docs/b.pdf", ""},
		{"a.pdf", "docs/b.zip", "another kind"},
		{"a.md", "b.png", "another kind"},
		{"a.txt", "b.md", "another kind"},
		{"a.sh", "b.sh", "another kind"},
		{"a.md", ".hidden/b.md", "hidden"},
		{"a.md", "x/.git/b.md", "hidden"},
		{"a.yaml", "guichet.yaml", "settings"},
		{"a.yaml", "synonyms.yaml", "settings"},
		{"a.yaml", "redirects.yaml", "settings"},
	} {
		got := badTarget(c.link, c.target)
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("badTarget(%s, %s) = %q, want %q", c.link, c.target, got, c.want)
		}
	}
}
