package content

import (
	"strconv"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestProblemColumn: a problem found while rendering Markdown (a broken
// link, a missing image or include, another tool's syntax) is placed at
// its line and at the column of what the writer must fix: the link's or
// image's destination, the include's path, counted in characters from 1
// as an editor shows it, so that `check --verbose` prints
// path:line:column and an editor or CI annotation opens right there.
func TestProblemColumn(t *testing.T) {
	front := "---\ntitle: Page\n---\n" // the body starts on line 4
	tests := []struct {
		name       string
		line       string // the body's first line, where the problem is
		kind       string
		quote      string // in the message
		wantColumn int
	}{
		{"link", "See [the refund](nope.md) now.", site.KindBrokenLink, `"nope.md"`, 18},
		{"accents before it", "Café à l’écran : [voir](nope.md).", site.KindBrokenLink, `"nope.md"`, 25},
		{"emphasis in its text", "A [**bold** `code`](nope.md) link", site.KindBrokenLink, `"nope.md"`, 21},
		{"empty text", "x [](nope.md)", site.KindBrokenLink, `"nope.md"`, 6},
		{"spaces and angle brackets", "x [a](  <nope.md>)", site.KindBrokenLink, `"nope.md"`, 10},
		{"in a list item", "   - read [b](../../outside.md)", site.KindBrokenLink, `"../../outside.md"`, 15},
		{"in a table", "| a | b |\n|---|---|\n| x | [c](nope.md) |", site.KindBrokenLink, `"nope.md"`, 11},
		{"root-absolute page", "Go to [setup](/setup/domain) first", site.KindBrokenLink, `"/setup/domain"`, 15},
		{"missing anchor", "See [it](other.md#nope).", site.KindBrokenLink, `"other.md#nope"`, 10},
		{"attachment", "Get [the form](files/form.pdf).", site.KindBrokenLink, `"files/form.pdf"`, 16},
		{"image", "Look: ![The screen](img/none.png)", site.KindImage, `"img/none.png"`, 21},
		{"image without alt", "![](img/none.png)", site.KindImage, `"img/none.png"`, 5},
		{"refused scheme", "Call [us](ftp://example.com/x)", site.KindBrokenLink, `"ftp://example.com/x"`, 11},
		{"DocFX image", `:::image type="content" source="img/none.png" alt-text="The screen":::`, site.KindImage, `"img/none.png"`, 33},
		{"Hugo figure", `{{< figure src="img/none.png" alt="The screen" >}}`, site.KindImage, `"img/none.png"`, 17},
		{"DocFX include", "[!INCLUDE [note](includes/none.md)]", site.KindInclude, `"includes/none.md"`, 18},
		// A link by reference is fixed where it is written or defined:
		// its place is its start.
		{"by reference", "Read [the guide][g] now.\n\n[g]: nope.md", site.KindBrokenLink, `"nope.md"`, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := load(t, map[string]string{
				"docs/page.md":  front + tt.line + "\n",
				"docs/other.md": "# Other\n\n## Steps\n",
			})
			line := 4
			if tt.name == "in a table" {
				line = 6
			}
			var found []string
			for _, p := range lib.Problems {
				if p.File != "docs/page.md" || p.Kind != tt.kind || !strings.Contains(p.Message, tt.quote) {
					continue
				}
				found = append(found, p.String())
				if p.Line != line || p.Column != tt.wantColumn {
					t.Errorf("%s placed at %d:%d, want %d:%d", p.Message, p.Line, p.Column, line, tt.wantColumn)
				}
				if prefix := "docs/page.md:" + strconv.Itoa(line) + ":" + strconv.Itoa(tt.wantColumn) + ": "; !strings.HasPrefix(p.String(), prefix) {
					t.Errorf("check --verbose prints %q, want it to start with %q", p.String(), prefix)
				}
			}
			if len(found) == 0 {
				t.Fatalf("no %s problem about %s in %v", tt.kind, tt.quote, lib.Problems)
			}
		})
	}
}

// TestMissingImageShowsItsAltText: an image whose file is not in the
// content folder is shown to customers as its alt text (nothing when it
// has none), never as a broken picture; check still reports it as an
// error, and an image that exists is still a picture.
func TestMissingImageShowsItsAltText(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // in the page
	}{
		{"markdown", "Click ![the gear icon](img/gear.png) then Save.", "<p>Click the gear icon then Save.</p>"},
		{"markdown without alt", "Open it ![](img/gear.png) here.", "<p>Open it  here.</p>"},
		{"inside a link", "[![Download the app](img/badge.png)](https://example.com/app)", `<a href="https://example.com/app">Download the app</a>`},
		{"DocFX", `:::image type="content" source="img/screen.png" alt-text="The settings screen":::`, "The settings screen"},
		{"Hugo figure", `{{< figure src="img/screen.png" alt="The settings screen" caption="Settings" >}}`, "The settings screen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := load(t, map[string]string{
				"docs/page.md":      "---\ntitle: Page\n---\n" + tt.body + "\n\n![The logo](img/logo.png)\n",
				"docs/img/logo.png": "\x89PNG\r\n\x1a\n",
			})
			html := string(article(t, lib, "docs/page.md").HTML)
			if n := strings.Count(html, "<img"); n != 1 || !strings.Contains(html, `src="/_content/docs/img/logo.png"`) {
				t.Errorf("want only the logo as a picture (%d <img>):\n%s", n, html)
			}
			if !strings.Contains(html, tt.want) {
				t.Errorf("page lacks %q:\n%s", tt.want, html)
			}
			errs := 0
			for _, p := range lib.Problems {
				if p.Kind == site.KindImage && p.Severity == site.SeverityError && strings.Contains(p.Message, "not found") {
					errs++
				}
			}
			if errs != 1 {
				t.Errorf("%d missing-image errors, want 1: %v", errs, lib.Problems)
			}
		})
	}
}
