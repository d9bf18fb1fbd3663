package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/i18n"
)

// pageNames are the page templates of a theme; each is parsed together with
// layout.html into its own template set.
var pageNames = []string{"home", "category", "article", "broken", "search", "error", "thanks", "admin", "faq", "widget", "demo", "contact", "subscription"}

// partialNames are the templates a theme shares between pages besides
// layout.html (templates/NAME.html), parsed into every page's set.
var partialNames = []string{"header", "footer", "subscribe_mail"}

// templates holds one parsed template set per page.
type templates struct {
	pages map[string]*template.Template
	// fixed, when set, is what every page is rendered with instead of
	// its own data (the dev-mode theme error panel, theme.go).
	fixed any
	// adminFailure says the theme's admin.html shows .Failure (an admin
	// error on the admin layout); one written before does not, and
	// admin errors are then shown by error.html (Server.adminError).
	adminFailure bool
}

// parseTemplates parses the theme's templates/ folder. asset maps a logical
// asset name to its fingerprinted URL.
func parseTemplates(theme fs.FS, asset func(string) string) (*templates, error) {
	funcs := template.FuncMap{
		"asset": asset,
		"add":   func(a, b int) int { return a + b },
		// count and noun count in English on the admin page ("1 ticket",
		// "2 tickets"; noun for a number shown apart): site.CountOf.
		"count": site.CountOf,
		"noun":  site.Noun,
		"date": func(t any) string {
			switch v := t.(type) {
			case time.Time:
				return v.UTC().Format("2006-01-02")
			case *time.Time:
				if v != nil {
					return v.UTC().Format("2006-01-02")
				}
			}
			return ""
		},
		// gapsOf renders the gap table for another list of the admin page.
		"gapsOf": func(p *adminPage, list []gaps.Gap) *adminPage {
			q := *p
			q.Gaps = list
			return &q
		},
		"label": func(s string) string { return strings.ReplaceAll(s, "_", " ") },
		"pct":   pct,
		// isURL tells an address from a bare path (an edit target).
		"isURL": func(s string) bool { return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") },
		// task names a kind of the to-do list, and its action.
		"task": func(s string) string { return taskLabels[s] },
		// why passes the vote-reason form its strings and options, and
		// the strings' languages (TLang; a theme written before it
		// passes none: all in the page's).
		"why": func(t map[string]string, reasons []reason, hidden bool, tlang ...map[string]string) map[string]any {
			return map[string]any{"T": t, "TLang": langsOr(t, tlang), "Reasons": reasons, "Hidden": hidden}
		},
		// feedbackOf passes the "Was this helpful?" form what it shows;
		// source is the events' source ("" for the site); TLang as why.
		"feedbackOf": func(t map[string]string, reasons []reason, locale, articleID, source string, tlang ...map[string]string) map[string]any {
			return map[string]any{"T": t, "TLang": langsOr(t, tlang), "Reasons": reasons, "Locale": locale, "ArticleID": articleID, "Source": source}
		},
		"uiLang":  uiLang,
		"langIn":  langIn,
		"quoting": quoting,
		// ogLocale writes a locale as og:locale does: de_DE, pt_BR.
		"ogLocale": i18n.OpenGraph,
	}
	// Each file is parsed as a template named by its path in the theme
	// (templates/layout.html), so an error, at parse or at render, says
	// "template: templates/layout.html:45: …" (see ThemeProblem).
	layoutFile := "templates/layout.html"
	layout, err := fs.ReadFile(theme, layoutFile)
	if err != nil {
		return nil, fmt.Errorf("read theme layout: %w", err)
	}
	var partials []string
	for _, name := range partialNames {
		body, err := fs.ReadFile(theme, path.Join("templates", name+".html"))
		if err != nil {
			return nil, fmt.Errorf("read theme template: %w", err)
		}
		partials = append(partials, string(body))
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, name := range pageNames {
		file := path.Join("templates", name+".html")
		body, err := fs.ReadFile(theme, file)
		if err != nil {
			return nil, fmt.Errorf("read theme template %s: %w", file, err)
		}
		// A key missing from a map (a string of T, say) is an error, not "".
		set := template.New(name).Option("missingkey=error").Funcs(funcs)
		if _, err := set.New(layoutFile).Parse(string(layout)); err != nil {
			return nil, fmt.Errorf("parse theme template: %w", err)
		}
		for i, body := range partials {
			if _, err := set.New(path.Join("templates", partialNames[i]+".html")).Parse(body); err != nil {
				return nil, fmt.Errorf("parse theme template: %w", err)
			}
		}
		if _, err := set.New(file).Parse(string(body)); err != nil {
			return nil, fmt.Errorf("parse theme template: %w", err)
		}
		t.pages[name] = set
		if name == "admin" {
			t.adminFailure = strings.Contains(string(body), ".Failure")
		}
	}
	return t, nil
}

// langsOr is the TLang a template passed (why, feedbackOf), else every
// key of t in the page's language.
func langsOr(t map[string]string, tlang []map[string]string) map[string]string {
	if len(tlang) > 0 && tlang[0] != nil {
		return tlang[0]
	}
	out := make(map[string]string, len(t))
	for k := range t {
		out[k] = ""
	}
	return out
}

// uiLang is the lang attribute of an element showing the interface
// strings keys, given the page's TLang: the language they are shown in
// when it is not the page's and all of them share it, else "" (an
// element mixing strings of two languages is left as the page's).
// {{with uiLang .TLang "footer"}} lang="{{.}}"{{end}}
func uiLang(tlang map[string]string, keys ...string) string {
	lang := ""
	for i, k := range keys {
		l := tlang[k]
		if l == "" || i > 0 && l != lang {
			return ""
		}
		lang = l
	}
	return lang
}

// langIn is the lang attribute of an element showing the string key
// inside one marked for the strings outer (uiLang): "" when it is in the
// same language, else its own (locale, the page's, when it is in the
// page's language). key "" is text in the page's language (a date, a
// title, the reader's query) inside an interface element.
// {{with langIn .TLang .Locale "contact" "still_need_help"}} lang="{{.}}"{{end}}
func langIn(tlang map[string]string, locale, key string, outer ...string) string {
	in, out := tlang[key], uiLang(tlang, outer...)
	if in == out {
		return ""
	}
	if in == "" {
		return locale
	}
	return in
}

// quoting writes text, a sentence of the theme quoting the reader's words
// q, escaped, and q in it marked lang=locale when the sentence is shown in
// another language (lang, the sentence's TLang; "" when it is the page's):
// the reader's words are in the page's language (langIn's key ""), and a
// Japanese query inside a German sentence was read with German rules.
// {{quoting .Heading .HeadingQuery .HeadingLang .Locale}}
func quoting(text, q, lang, locale string) template.HTML {
	i := -1
	if lang != "" && q != "" {
		i = strings.LastIndex(text, q)
	}
	if i < 0 {
		return template.HTML(template.HTMLEscapeString(text))
	}
	return template.HTML(template.HTMLEscapeString(text[:i]) + `<span lang="` + template.HTMLEscapeString(locale) + `">` +
		template.HTMLEscapeString(q) + `</span>` + template.HTMLEscapeString(text[i+len(q):]))
}

// render executes page name with data into a new buffer, so a template error
// never leaves a half-written response.
func (t *templates) render(name string, data any) ([]byte, error) {
	set, ok := t.pages[name]
	if !ok {
		return nil, fmt.Errorf("render %s: no such template", name)
	}
	if t.fixed != nil {
		data = t.fixed
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// PageTemplates returns the names of the page templates a theme provides:
// templates/NAME.html, each rendered inside templates/layout.html.
func PageTemplates() []string { return slices.Clone(pageNames) }
