package content

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// otherSyntax finds what another tool's syntax looks like when it leaks
// into a page as text.
var otherSyntax = regexp.MustCompile(`\{\{[<%]|[>%]\}\}|:::|\[!(?i:include|div|video|note|tip|important|warning|caution)\b|\[\^[^\]]+\]|^\s*(!!!|\?\?\?\+?|===) |\{\{ *\.`)

// codeParts are the parts of a page where code is shown as written.
var codeParts = regexp.MustCompile(`(?s)<pre[ >].*?</pre>|<code[ >].*?</code>`)

// leakedSyntax returns the lines of rendered HTML, outside code, that show
// another tool's syntax.
func leakedSyntax(html string) []string {
	var out []string
	for _, line := range strings.Split(codeParts.ReplaceAllString(html, ""), "\n") {
		if otherSyntax.MatchString(line) {
			out = append(out, line)
		}
	}
	return out
}

// TestImportGolden renders a content folder written for each tool, with
// the loader (links, includes, images), into one golden file per tool:
// every article's URL, contents and HTML, then the problems.
func TestImportGolden(t *testing.T) {
	for _, name := range []string{"hugo", "docfx", "docusaurus", "mkdocs"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", "import", name)
			if _, err := os.Stat(dir); err != nil {
				t.Skip(err)
			}
			lib, err := Load(context.Background(), os.DirFS(dir), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, c := range lib.Categories {
				fmt.Fprintf(&b, "=== category %s %s %q\n", c.ID, c.URL, c.Title)
			}
			for _, a := range lib.Articles {
				fmt.Fprintf(&b, "=== %s %s %q\ndescription: %s\n", a.SourcePath, a.URL, a.Title, a.Description)
				for _, h := range a.TOC {
					fmt.Fprintf(&b, "toc: %d #%s %s\n", h.Level, h.ID, h.Text)
				}
				b.WriteString(string(a.HTML))
				for _, l := range leakedSyntax(string(a.HTML)) {
					t.Errorf("%s shows another tool's syntax: %s", a.SourcePath, l)
				}
				if m := otherSyntax.FindString(a.Description); m != "" {
					t.Errorf("%s: description shows %q", a.SourcePath, m)
				}
			}
			b.WriteString("=== problems\n")
			for _, p := range lib.Problems {
				b.WriteString(p.String() + "\n")
			}
			golden := filepath.Join("testdata", "import", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs from %s (go test -update, then review the diff):\n%s", name, golden, b.String())
			}
		})
	}
}
