package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRender feeds the renderer mutations of every Markdown test file,
// other tools' syntax included: it must never panic, and never emit a
// dangerous URL. Seeds run with go test; explore with
// go test ./site/content -run '^$' -fuzz FuzzRender -fuzztime 1m.
func FuzzRender(f *testing.F) {
	_ = filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".mdx")) {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
		return nil
	})
	f.Add("[x]({{< ref \"a\" >}}) {{< ref \"b\" >}} [y](<{{< relref \"c.md#d\" >}}>)")
	f.Add("{{< figure\n  src=\"a.png\"\n  caption=\"c\"\n>}}\n\n{{% note %}}\nx\n{{% /note %}}\n{{< /note >}}")
	r := NewRenderer(RenderOptions{})
	f.Fuzz(func(t *testing.T, src string) {
		out, err := r.Render(Input{Source: []byte(src), Locale: "en", File: "x.md", Title: "T",
			Params: map[string]any{"title": "T"}})
		if err != nil {
			return
		}
		for _, m := range urlAttr.FindAllStringSubmatch(string(out.HTML), -1) {
			if dangerousURL(m[2], m[1] == "src") {
				t.Fatalf("dangerous %s=%q from %q", m[1], m[2], src)
			}
		}
	})
}
