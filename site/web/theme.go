package web

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// themeSet is a theme read and parsed: its templates, its assets (with the
// site's JavaScript) and its interface strings.
type themeSet struct {
	tmpl    *templates
	assets  *assetSet
	strings site.Strings
}

// StringsError is a theme whose strings files (i18n/<locale>.yaml) do not
// read: Errs, one for each mistake, *i18n.Error naming the file's path in
// the theme and the line. guichet check reports each with its file.
type StringsError struct{ Errs []error }

func (e *StringsError) Error() string {
	return fmt.Sprintf("theme strings: %v", errors.Join(e.Errs...))
}

// readTheme parses the templates, assets and strings of theme.
func readTheme(static, theme fs.FS, extraCSS string) (*themeSet, error) {
	assets, err := loadAssets(static, theme, extraCSS)
	if err != nil {
		return nil, err
	}
	tmpl, err := parseTemplates(theme, assets.url)
	if err != nil {
		return nil, err
	}
	strs, errs := i18n.ReadDir(theme)
	if len(errs) > 0 {
		return nil, &StringsError{Errs: errs}
	}
	if _, ok := strs[i18n.Reference]; !ok {
		return nil, fmt.Errorf("theme strings: %s/%s.yaml is missing", i18n.Dir, i18n.Reference)
	}
	return &themeSet{tmpl: tmpl, assets: assets, strings: strs}, nil
}

// CheckTheme loads a theme the way the server does (templates, assets,
// strings) and, given a view, writes one page of each kind of it with the
// theme, as a publication does. It returns the first error (see
// ThemeProblem).
func CheckTheme(theme fs.FS, v *site.View) error {
	t, err := readTheme(nil, theme, "")
	if err != nil || v == nil {
		return err
	}
	s := &Server{}
	_, err = s.build(v, nil, t)
	return err
}

// templateError finds the file and line in an html/template error:
// "template: templates/layout.html:45: bad character" when parsing,
// "template: templates/home.html:3:12: executing …" when rendering,
// "html/template:templates/footer.html:2:11: no such template" when
// escaping.
var templateError = regexp.MustCompile(`template: ?([^:\s]+):(\d+)(?::(\d+))?: (.*)`)

// ThemeProblem turns an error of CheckTheme or of a publication into a
// problem naming the theme file (its path in the content folder when the
// content's theme folder dir, in content, has it: theme/templates/layout.html;
// else its path in the default theme) and the line.
func ThemeProblem(err error, content fs.FS, dir string) site.Problem {
	p := themeProblem(err, content, dir)
	return *p
}

func themeProblem(err error, content fs.FS, dir string) *site.Problem {
	p := &site.Problem{Severity: site.SeverityError, Kind: site.KindTheme, File: dir, Message: err.Error()}
	if p.File == "" {
		p.File = "themes/default"
	}
	if se := (*StringsError)(nil); errors.As(err, &se) {
		// The first mistake at its file, theme/i18n/de.yaml:3, not
		// i18n/de.yaml, the content folder's own strings file.
		if e := (*i18n.Error)(nil); errors.As(se.Errs[0], &e) && dir != "" {
			p.File, p.Line, p.Message = path.Join(dir, e.File), e.Line, e.Msg
		}
		return p
	}
	m := templateError.FindStringSubmatch(err.Error())
	if m == nil {
		return p
	}
	p.File = themeFile(content, dir, m[1])
	p.Line, _ = strconv.Atoi(m[2])
	p.Column, _ = strconv.Atoi(m[3])
	p.Message = m[4]
	// "executing "layout" at <.Foo>: can't evaluate field Foo in type
	// *web.homePage": the template and the value, not Go's types.
	if i := strings.Index(p.Message, " in type "); i > 0 {
		p.Message = p.Message[:i] + " (no such field or string on this page)"
	}
	for _, h := range templateHints {
		if strings.Contains(p.Message, h[0]) {
			p.Message += " (" + h[1] + ")"
			break
		}
	}
	return p
}

// templateHints say in a writer's words what html/template's most common
// errors usually mean.
var templateHints = [][2]string{
	{"bad character U+007D '}'", "an action closed with one } instead of }}"},
	{"unexpected EOF", "an {{if}}, {{range}}, {{with}} or {{define}} without its {{end}}"},
	{"unexpected {{end}}", "an {{end}} with no {{if}}, {{range}}, {{with}} or {{define}} open"},
	{"map has no entry for key", "no interface string of that name: add it to the content folder's i18n/<locale>.yaml files"},
	{"no such template", "a {{template}} call names a template no file defines: check the spelling"},
	{"not defined", "a function or template this theme does not have: check the spelling against themes/default"},
}

// themeFile is the path a writer knows a theme file by: under the content
// folder's theme folder when it is there, else in the default theme.
func themeFile(content fs.FS, dir, name string) string {
	if dir != "" && content != nil {
		if _, err := fs.Stat(content, path.Join(dir, name)); err == nil {
			return path.Join(dir, name)
		}
	}
	return path.Join("themes/default", name)
}

// panelContext is how many lines of the file the dev panel shows on each
// side of the line in error.
const panelContext = 4

// themePanel is the page every URL shows in dev mode while the theme does
// not load: it is the server's own, not the theme's, so a broken theme
// cannot break it. It uses the last good stylesheet and reloads the page
// when a publication follows (dev.js).
var themePanel = template.Must(template.New("panel").Parse(`{{define "layout"}}<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Theme error: {{.P.File}}</title>
<meta name="robots" content="noindex">
<link rel="stylesheet" href="{{.CSS}}">
<script src="{{.DevJS}}" defer></script>
</head>
<body>
<main id="g-main" class="wrap">
<div class="error-panel" role="alert">
<h1>{{.P.File}} has an error</h1>
<p><code>{{.P.File}}{{if .P.Line}}:{{.P.Line}}{{if .P.Column}}:{{.P.Column}}{{end}}{{end}}</code> {{.P.Message}}</p>
{{if .Lines}}<pre class="error-source" tabindex="0"><code>{{range .Lines}}<span{{if .Error}} class="error-line"{{end}}>{{printf "%3d" .N}}  {{.Text}}</span>
{{end}}</code></pre>{{end}}
<p>Every page shows this while you work (<code>--dev</code>); your articles are still published. A server without <code>--dev</code> keeps serving its last good theme until the file is fixed (and does not start on a broken one); <code>guichet check</code> reports the same error. Fix the file and save: the page reloads.</p>
</div>
</main>
</body>
</html>
{{end}}`))

// panel returns t with every page replaced by the dev-mode panel of
// problem, showing the lines around the one in error.
func (t *themeSet) panel(problem *site.Problem, content fs.FS, dir string) *themeSet {
	data := map[string]any{"P": problem, "CSS": t.assets.url("style.css"), "DevJS": t.assets.url("js/dev.js")}
	if content != nil && problem.Line > 0 && strings.HasPrefix(problem.File, dir+"/") {
		if body, err := fs.ReadFile(content, problem.File); err == nil {
			var lines []panelLine
			for i, l := range strings.Split(string(body), "\n") {
				if n := i + 1; n >= problem.Line-panelContext && n <= problem.Line+panelContext {
					lines = append(lines, panelLine{N: n, Text: l, Error: n == problem.Line})
				}
			}
			data["Lines"] = lines
		}
	}
	p := &themeSet{tmpl: &templates{pages: map[string]*template.Template{}, fixed: data}, assets: t.assets, strings: t.strings}
	for _, name := range pageNames {
		p.tmpl.pages[name] = themePanel
	}
	return p
}
