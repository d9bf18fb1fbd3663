package content

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// urlAttr finds URL attributes in rendered HTML.
var urlAttr = regexp.MustCompile(`(href|src)="([^"]*)"`)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func TestRenderGolden(t *testing.T) {
	tests := []struct {
		name      string
		locale    string
		title     string
		allowHTML bool
	}{
		{name: "alerts", locale: "en"},
		{name: "alerts-fr", locale: "fr"},
		{name: "tables", locale: "en"},
		{name: "code", locale: "en"},
		{name: "headings", locale: "en", title: "Something else"},
		{name: "images", locale: "en"},
		{name: "unsafe", locale: "en"},
		{name: "unsafe-allowed", locale: "en", allowHTML: true},
		{name: "title", locale: "en", title: "How do I get a refund?"},
		{name: "footnotes", locale: "en"},
		{name: "footnotes-fr", locale: "fr"},
	}
	safe := NewRenderer(RenderOptions{})
	unsafe := NewRenderer(RenderOptions{AllowHTML: true})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "render", tt.name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			r := safe
			if tt.allowHTML {
				r = unsafe
			}
			out, err := r.Render(Input{Source: src, Locale: tt.locale, Title: tt.title, File: tt.name + ".md"})
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "render", tt.name+".golden.html")
			if *update {
				if err := os.WriteFile(golden, []byte(out.HTML), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if string(out.HTML) != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", tt.name, golden, out.HTML, want)
			}
		})
	}
}

// TestRenderSafety asserts what the golden files show, so that an -update
// cannot silently accept an unsafe output.
func TestRenderSafety(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "render", "unsafe.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, allow := range []bool{false, true} {
		out, err := NewRenderer(RenderOptions{AllowHTML: allow}).Render(Input{Source: src, Locale: "en"})
		if err != nil {
			t.Fatal(err)
		}
		html := strings.ToLower(string(out.HTML))
		for _, m := range urlAttr.FindAllStringSubmatch(string(out.HTML), -1) {
			if dangerousURL(m[2], m[1] == "src") {
				t.Errorf("allowHTML=%v: dangerous %s=%q in\n%s", allow, m[1], m[2], out.HTML)
			}
		}
		if !allow && (strings.Contains(html, "<script") || strings.Contains(html, "<div")) {
			t.Errorf("raw HTML rendered with allow_html off:\n%s", out.HTML)
		}
		if !strings.Contains(html, `href="https://example.com"`) || !strings.Contains(html, `href="mailto:help@example.com"`) {
			t.Errorf("allowHTML=%v: safe links lost:\n%s", allow, out.HTML)
		}
	}
}

func TestRenderOutline(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "render", "headings.md"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: src, Locale: "en", Title: "Something else"})
	if err != nil {
		t.Fatal(err)
	}
	var ids, toc []string
	for _, h := range out.Headings {
		ids = append(ids, h.ID)
	}
	for _, h := range out.TOC {
		toc = append(toc, h.ID)
	}
	wantIDs := "another-title fees--taxes fees--taxes-1 étapes-à-suivre my-anchor deep-heading second-top-heading"
	if got := strings.Join(ids, " "); got != wantIDs {
		t.Errorf("ids = %s\nwant  %s", got, wantIDs)
	}
	wantTOC := "another-title fees--taxes fees--taxes-1 étapes-à-suivre my-anchor second-top-heading"
	if got := strings.Join(toc, " "); got != wantTOC {
		t.Errorf("toc = %s\nwant  %s", got, wantTOC)
	}
	// The body opens with a heading: no untitled first section.
	if len(out.Sections) != 7 || out.Sections[0].Heading.ID != "another-title" || out.Sections[0].Text != "Intro." {
		t.Errorf("sections = %#v", out.Sections)
	}
}
