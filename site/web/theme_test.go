package web_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guichet/guichet/site/web"
	"github.com/guichet/guichet/themes"
)

// TestThemeProblem: a theme file that does not parse is named by its path
// in the content folder, with its line and what the error usually means.
func TestThemeProblem(t *testing.T) {
	base, _ := fs.Sub(themes.FS, "default")
	for _, tt := range []struct {
		name, body string
		line       int
		says       string
	}{
		{"one brace", "{{define \"footer\"}}<footer>\n{{if .ContactURL}</footer>{{end}}", 2, "closed with one } instead of }}"},
		{"no end", "{{define \"footer\"}}<footer>\n{{if .ContactURL}}\n</footer>{{end}}\n", 4, "without its {{end}}"},
		{"end too many", "{{define \"footer\"}}<footer>{{end}}\n</footer>{{end}}", 2, "with no {{if}}"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			content := fstest.MapFS{"theme/templates/footer.html": {Data: []byte(tt.body)}}
			over, _ := fs.Sub(content, "theme")
			err := web.CheckTheme(themes.Overlay(over, base), nil)
			if err == nil {
				t.Fatal("the broken footer loads")
			}
			p := web.ThemeProblem(err, content, "theme")
			if p.File != "theme/templates/footer.html" || p.Line != tt.line || !strings.Contains(p.Message, tt.says) {
				t.Errorf("problem %+v, want theme/templates/footer.html:%d saying %q", p, tt.line, tt.says)
			}
		})
	}
	// Escaping errors come as html/template's; a file of the default theme
	// is named where it lives.
	p := web.ThemeProblem(errorString(`render page /billing/: html/template:templates/footer.html:2:11: no such template "adress"`), fstest.MapFS{"theme/templates/footer.html": {}}, "theme")
	if p.File != "theme/templates/footer.html" || p.Line != 2 || p.Column != 11 || !strings.Contains(p.Message, "names a template no file defines") {
		t.Errorf("escaping error: %+v", p)
	}
	p = web.ThemeProblem(errorString("template: templates/article.html:7: unexpected EOF"), fstest.MapFS{}, "theme")
	if p.File != "themes/default/templates/article.html" || p.Line != 7 {
		t.Errorf("default theme file: %+v", p)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
