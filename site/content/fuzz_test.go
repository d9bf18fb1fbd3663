package content

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// seedMarkdown adds the render golden inputs as seeds, and the files
// written for other tools (Hugo, DocFX, Docusaurus, MkDocs).
func seedMarkdown(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "render", "*.md"))
	for _, glob := range []string{"*/*.md", "*/*/*.md", "*/*/*.mdx", "*/*/*/*.md", "*/*/*/*/*.md"} {
		more, _ := filepath.Glob(filepath.Join("testdata", "import", glob))
		files = append(files, more...)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("[x]({{< ref \"a\" >}}) {{< ref \"b\" >}} [y](<{{< relref \"c.md#d\" >}}>)"))
	f.Add([]byte("{{< figure\n  src=\"a.png\"\n  caption=\"c\"\n>}}\n\n{{% note %}}\nx\n{{% /note %}}\n{{< /note >}}"))
}

// scriptable finds markup that could run script or load a dangerous URL.
// A scheme counts with its colon, written or as a character reference: a
// link to "javascript" alone is a relative path.
var scriptable = regexp.MustCompile(`(?i)<script|<iframe|<object|<embed|<style|<base|<form|\son[a-z]+\s*=|\sstyle\s*=|\ssrcdoc\s*=|(href|src)\s*=\s*"\s*((javascript|vbscript)\s*(:|&#0*58;?|&#x0*3a;?|&colon;)|data:text)`)

// FuzzFrontMatter loads an article whose whole file is the input: the
// loader never fails or panics on content, every page's text stays valid
// UTF-8, and nothing scriptable reaches the HTML.
func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: Refunds\ndescription: Money back.\ntags: [billing]\ncontexts: [/settings/*, checkout]\npublish_at: 2026-01-02\n---\nBody.\n"))
	f.Add([]byte("---\ntitle: [unclosed\n---\n"))
	f.Add([]byte("---\ntitle: a: b\n\tbad: tab\n---\n# x"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitle: \xff\xfe\n---\n\xc3\x28"))
	f.Add([]byte("---\ntitle: &a [*a, *a]\nx: *a\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"guichet.yaml":         {Data: []byte("title: Fuzz\nlocales: [en, fr]\n")},
			"billing/fuzz.md":      {Data: data},
			"billing/other.md":     {Data: []byte("---\ntitle: Other\n---\nSee [fuzz](fuzz.md).\n")},
			"billing/images/x.png": {Data: []byte("\x89PNG\r\n\x1a\n")},
		}
		lib, err := Load(context.Background(), fsys, Options{})
		if err != nil {
			t.Fatalf("Load failed on content: %v", err)
		}
		for _, a := range lib.Articles {
			for what, s := range map[string]string{"title": a.Title, "description": a.Description, "html": string(a.HTML), "text": a.Text, "url": a.URL, "id": a.ID} {
				if !utf8.ValidString(s) {
					t.Errorf("%s %s is not valid UTF-8: %q", a.SourcePath, what, s)
				}
			}
			if m := scriptable.FindString(string(a.HTML)); m != "" {
				t.Errorf("%s: %q in the HTML", a.SourcePath, m)
			}
		}
	})
}

// FuzzMarkdown renders any body, raw HTML allowed and not: no panic, valid
// UTF-8, nothing scriptable.
func FuzzMarkdown(f *testing.F) {
	seedMarkdown(f)
	f.Add([]byte(`<a href="jav&#x09;ascript:alert(1)">x</a> <img src=x onerror=alert(1)> [a](javascript:alert(1)) ## H {style="x"}`))
	f.Add([]byte("| a | b |\n|:-|-:|\n| <script>x</script> | ![i](data:text/html,x) |\n"))
	rs := []*Renderer{NewRenderer(RenderOptions{}), NewRenderer(RenderOptions{AllowHTML: true})}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, r := range rs {
			out, err := r.Render(Input{Source: src, File: "billing/fuzz.md", Title: "Fuzz"})
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			html := string(out.HTML)
			if !utf8.ValidString(html) || !utf8.ValidString(out.Text) {
				t.Errorf("output is not valid UTF-8")
			}
			// Text in the page may say "javascript:"; only markup counts.
			markup := regexp.MustCompile(`>[^<]*<`).ReplaceAllString(html, "><")
			if m := scriptable.FindString(markup); m != "" {
				t.Errorf("%q in %q", m, html)
			}
		}
	})
}
