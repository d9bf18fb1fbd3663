package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
)

// basePage carries what every page needs: locale, strings, SEO slots.
type basePage struct {
	Locale      string
	T           map[string]string
	SiteTitle   string
	Title       string // the whole <title>
	Description string
	Canonical   string
	Alternates  []alternate // hreflang links, x-default included
	Languages   []alternate // language switcher
	NoIndex     bool
	BrandColor  string
	// BrandCSS is the page's one inline style (the brand colour); the
	// Content-Security-Policy allows exactly it by its hash (styleHash).
	BrandCSS   template.CSS
	HomeURL    string
	SearchURL  string
	ContactURL string
	Query      string
	// HideHeaderSearch is set on pages that show their own search box.
	HideHeaderSearch bool
	// Dev adds the script that reloads the page when content changes.
	Dev bool
	// JSONLD holds structured-data blocks, already JSON-encoded with <, >
	// and & escaped, so no value can close the script element.
	JSONLD []template.JS
	// OGType is the OpenGraph type: website, or article.
	OGType string
	// Feeds are the feeds the page links to.
	Feeds []feedLink
}

// alternate is one language version of a page.
type alternate struct {
	Locale  string // hreflang value ("en", "fr", "x-default")
	Name    string // the language's own name
	URL     string // absolute, for hreflang
	Path    string // site path, for the switcher
	Current bool
}

type crumb struct {
	Title string
	URL   string // empty for the current page
}

type catCard struct {
	Category   *site.Category
	Articles   []*site.Article
	CountLabel string
	More       bool
}

type errorPage struct {
	basePage
	Status     int
	Heading    string
	Text       string
	Hits       []*site.Article
	Categories []*site.Category
}

// localePrefix is "" for the default locale and "/fr" for the others.
func localePrefix(v *site.View, locale string) string {
	if locale == v.Lib.Config.DefaultLocale {
		return ""
	}
	return "/" + locale
}

// absURL joins the site's base URL and a path.
func absURL(v *site.View, p string) string {
	return strings.TrimRight(v.Lib.Config.BaseURL, "/") + p
}

// newBase fills the parts of basePage common to every page of locale.
func newBase(v *site.View, locale, title, description, path string) basePage {
	cfg := v.Lib.Config
	t := strs(locale)
	siteTitle := cfg.Title
	if siteTitle == "" {
		siteTitle = t["home"]
	}
	full := siteTitle
	if title != "" && title != siteTitle {
		full = title + " – " + siteTitle
	}
	if description == "" {
		description = cfg.Description
	}
	if description == "" {
		description = t["description"]
	}
	b := basePage{
		OGType:      "website",
		Feeds:       feedLinks(v, locale, nil),
		Locale:      locale,
		T:           t,
		SiteTitle:   siteTitle,
		Title:       full,
		Description: description,
		HomeURL:     localePrefix(v, locale) + "/",
		SearchURL:   localePrefix(v, locale) + "/search",
		ContactURL:  cfg.ContactURL,
		Dev:         v.Drafts,
	}
	if cfg.Contact.To != "" || cfg.Contact.Webhook != "" {
		// The contact form (contact.go) answers before the ticket.
		b.ContactURL = localePrefix(v, locale) + "/contact"
	}
	if path != "" {
		b.Canonical = absURL(v, path)
	}
	if site.ValidColor(cfg.BrandColor) {
		b.BrandColor = cfg.BrandColor
		b.BrandCSS = brandCSS(cfg.BrandColor)
	}
	return b
}

// setAlternates fills hreflang alternates and the language switcher from a
// locale → path map of the page's versions.
func (b *basePage) setAlternates(v *site.View, paths map[string]string) {
	if len(paths) < 2 {
		return
	}
	for _, loc := range v.Lib.Locales() {
		p, ok := paths[loc]
		if !ok {
			continue
		}
		a := alternate{Locale: loc, Name: langName(loc), URL: absURL(v, p), Path: p, Current: loc == b.Locale}
		b.Alternates = append(b.Alternates, a)
		b.Languages = append(b.Languages, a)
	}
	if p, ok := paths[v.Lib.Config.DefaultLocale]; ok {
		b.Alternates = append(b.Alternates, alternate{Locale: "x-default", URL: absURL(v, p)})
	}
}

// countLabel says "3 articles" in locale.
func countLabel(t map[string]string, n int) string {
	if n == 1 {
		return "1 " + t["article_one"]
	}
	return fmt.Sprintf("%d %s", n, t["articles"])
}

var monthNames = map[string][]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
}

// humanDate formats a date the way readers of locale expect.
func humanDate(t time.Time, locale string) string {
	if t.IsZero() {
		return ""
	}
	base, _, _ := strings.Cut(locale, "-")
	months, ok := monthNames[base]
	if !ok {
		return t.Format("2006-01-02")
	}
	if base == "en" {
		return fmt.Sprintf("%s %d, %d", months[t.Month()-1], t.Day(), t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// crumbsFor builds breadcrumbs from home down to the category or section id;
// the last crumb links too unless current is true.
func crumbsFor(v *site.View, id, locale string, current bool) []crumb {
	out := []crumb{{Title: strs(locale)["home"], URL: localePrefix(v, locale) + "/"}}
	chain := v.Ancestors(id, locale)
	for i, c := range chain {
		cr := crumb{Title: c.Title, URL: c.URL}
		if current && i == len(chain)-1 {
			cr.URL = ""
		}
		out = append(out, cr)
	}
	return out
}

// jsonLD encodes a structured-data object for a script element: Go's JSON
// encoder escapes <, > and &, so a title cannot end the element.
func jsonLD(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(b)
}
