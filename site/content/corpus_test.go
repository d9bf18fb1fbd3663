package content

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/testrun"
)

// corpusDir is a real help center: 2,448 Microsoft support articles with
// docfx front matter, nested three to five folders deep.
const corpusDir = "/work/shared/corpora/officedocs-support"

const corpusArticles = 2448

func corpus(tb testing.TB) string {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("corpus missing in CI: %v", err)
		}
		tb.Skipf("corpus not available: %v", err)
	}
	return corpusDir
}

func TestLoadCorpus(t *testing.T) {
	testrun.SerialLater(t) // Load's concurrency is under the detector in the tests on small folders
	dir := corpus(t)
	lib, err := Load(context.Background(), os.DirFS(dir), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(lib.Articles); got != corpusArticles {
		t.Errorf("loaded %d articles, want %d", got, corpusArticles)
	}
	urls := map[string]string{}
	for _, a := range lib.Articles {
		if prev, dup := urls[a.URL]; dup {
			t.Errorf("URL %s used by %s and %s", a.URL, prev, a.SourcePath)
		}
		urls[a.URL] = a.SourcePath
		if a.HTML == "" || a.Title == "" || a.Text == "" {
			t.Errorf("%s: empty HTML, title or text", a.SourcePath)
		}
		if a.Updated.IsZero() {
			t.Errorf("%s: no updated date", a.SourcePath)
		}
	}
	warnings := 0
	for _, p := range lib.Problems {
		if p.Severity == site.SeverityWarning {
			warnings++
			continue
		}
		// Errors are allowed (the corpus links to includes and images it
		// does not ship) but never about front matter, which would drop
		// an article. Links into the other doc sets of learn.microsoft.com
		// name links.root, the setting that sends them there.
		if p.Field != "" && p.Field != "links.root" {
			t.Errorf("front-matter error: %s", p)
		}
	}
	if warnings == 0 {
		t.Error("no warnings for the corpus's unknown ms.* fields")
	}
	if lib.Hash == "" {
		t.Error("empty hash")
	}
}

func BenchmarkLoadCorpus(b *testing.B) {
	dir := corpus(b)
	fsys := os.DirFS(dir)
	for b.Loop() {
		lib, err := Load(context.Background(), fsys, Options{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if len(lib.Articles) != corpusArticles {
			b.Fatalf("loaded %d articles", len(lib.Articles))
		}
	}
}

// TestCorpusShowsNoOtherSyntax: no article of the Microsoft corpus shows
// DocFX syntax (or any other tool's) outside code, in its HTML or its
// description. GUICHET_IMPORT_DIRS (colon-separated content folders, such
// as a Hugo documentation site's content/en) adds other corpora.
func TestCorpusShowsNoOtherSyntax(t *testing.T) {
	testrun.SerialLater(t)
	dirs := []string{corpus(t)}
	if extra := os.Getenv("GUICHET_IMPORT_DIRS"); extra != "" {
		dirs = append(dirs, strings.Split(extra, ":")...)
	}
	for _, dir := range dirs {
		lib, err := Load(context.Background(), os.DirFS(dir), Options{})
		if err != nil {
			t.Fatal(err)
		}
		leaks := 0
		for _, a := range lib.Articles {
			lines := leakedSyntax(string(a.HTML))
			if m := otherSyntax.FindString(a.Description); m != "" {
				lines = append(lines, "description: "+a.Description)
			}
			if len(lines) > 0 {
				leaks++
				if leaks <= 20 {
					t.Errorf("%s: %d lines show another tool's syntax, first: %.200s", a.SourcePath, len(lines), lines[0])
				}
			}
		}
		t.Logf("%s: %d articles, %d showing another tool's syntax", dir, len(lib.Articles), leaks)
	}
}
