package web

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// basePage carries what every page needs: locale, strings, SEO slots.
type basePage struct {
	Locale string
	// Dir is the locale's writing direction, rtl or ltr.
	Dir string
	T   map[string]string
	// TLang gives, for every key of T, the language its string is shown
	// in when it is not the page's (a string the locale lacks, shown in
	// English or the default locale's language), "" when it is the
	// page's: for the lang attribute of the elements showing it (see the
	// uiLang and langIn template functions).
	TLang map[string]string
	// CountForms are the plural forms of "3 suggestions available", as
	// JSON, for the autocomplete script.
	CountForms string
	// LangNames names each locale of the site in its own language.
	LangNames map[string]string
	// Logo and LogoDark (dark mode) are the brand's images, Favicon its
	// icon: URLs, or "" for the theme's.
	Logo, LogoDark, Favicon string
	SiteTitle               string
	// SiteTitleLang is the language of SiteTitle when it is not the
	// page's (guichet.yaml gives no title for the locale: the default
	// locale's shows), for the lang attribute of the elements showing it;
	// "" otherwise.
	SiteTitleLang string
	Title         string // the whole <title>
	Description   string
	Canonical     string
	Alternates    []alternate // hreflang links, x-default included
	Languages     []alternate // language switcher
	NoIndex       bool
	BrandColor    string
	// BrandCSS is the page's one inline style (the brand colour); the
	// Content-Security-Policy allows exactly it by its hash (styleHash).
	BrandCSS template.CSS
	HomeURL  string
	// Base is the public URL's path (publicPath), which the pages'
	// scripts write before the paths they make.
	Base       string
	SearchURL  string
	ContactURL string
	// ContactForm: ContactURL is the help center's own contact form,
	// whose requests are the contacts the insights count (following the
	// link to it is not one: the form answers first).
	ContactForm bool
	Query       string
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
	// Lang is the title's language when it is not the page's, "".
	Lang string
}

// catCard is a category or section as a page lists it.
type catCard struct {
	Category   *site.Category
	Articles   []*site.Article
	CountLabel string
	More       bool
	// TitleLang is the language of the category's title and description
	// when it is not the page's, for their lang attribute; ArticlesLang
	// that of its articles when none is in the page's language (a category
	// of the default locale, or one titled in the page's with articles not
	// translated yet), said after the count. "" otherwise.
	TitleLang, ArticlesLang string
}

type errorPage struct {
	basePage
	Status  int
	Heading string
	Text    string
	// HeadingLang and TextLang are their languages when they are not the
	// page's (TLang; a server's message is in English), "" otherwise.
	HeadingLang, TextLang string
	Hits                  []*site.Article
	Categories            []*site.Category
	// Back is, for an admin error shown here (a theme's admin.html
	// written before .Failure; else they are on the admin layout:
	// Server.adminError), the admin page it came from.
	Back string
}

// localePrefix is "" for the default locale and "/fr" for the others.
func localePrefix(v *site.View, locale string) string {
	if locale == v.Lib.Config.DefaultLocale {
		return ""
	}
	return "/" + locale
}

// absURL joins the site's base URL and a path, percent-encoded as a URI
// writes it (site.AbsoluteURL): the sitemap, feeds, JSON-LD and APIs
// write it where no template encodes it ("/seguranca/capacete-para-criança"
// was a raw <loc> in the sitemap, rv24a).
func absURL(v *site.View, p string) string {
	return site.AbsoluteURL(v.Lib.Config.BaseURL, p)
}

// publicPath is the path of the public URL (base_url) without its final
// slash: "/help" for https://example.com/help/, "" at the root. Behind a
// proxy that serves the help center under that path, and hands it the
// requests without it, the pages the widget shows on other sites write
// it before their own paths (prefixPaths).
func publicPath(v *site.View) string {
	u, err := url.Parse(v.Lib.Config.BaseURL)
	if err != nil {
		return ""
	}
	return strings.TrimRight(u.EscapedPath(), "/")
}

// rootedAttr finds the attributes of a page that hold a path from the
// site's root ("/api/v1/events", not "//host/…"), where the browser
// goes: links, images (a srcset of one URL), scripts, style sheets, forms and the API
// addresses the scripts read (data-suggest, data-events, data-api, the
// demo's screens' data-url). The
// host page's path (data-path) is the app's, not the help center's.
var rootedAttr = regexp.MustCompile(`\s(?:href|src|srcset|action|data-suggest|data-events|data-api|data-url)="/(?:[^/"]|")`)

// prefixPaths writes the public URL's path (publicPath) before every
// path of an HTML page that rootedAttr finds.
func prefixPaths(body []byte, prefix string) []byte {
	if prefix == "" {
		return body
	}
	return rootedAttr.ReplaceAllFunc(body, func(m []byte) []byte {
		i := bytes.IndexByte(m, '"') + 1
		return append(append(append([]byte{}, m[:i]...), prefix...), m[i:]...)
	})
}

// publicPathRedirects writes the public URL's path (publicPath) before
// the path a redirect leads to (an alias, a trailing slash, the admin's
// sign-in): behind a proxy serving the site under that path, /billing/
// is /help/billing/ to the browser.
func (s *Server) publicPathRedirects(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		st := s.state.Load()
		if st == nil || st.base == "" {
			return next(c)
		}
		h := c.Response().Header()
		c.Response().Before(func() {
			if loc := h.Get("Location"); strings.HasPrefix(loc, "/") && !strings.HasPrefix(loc, "//") && !strings.HasPrefix(loc, `/\`) {
				h.Set("Location", st.base+loc)
			}
		})
		return next(c)
	}
}

// newBase fills the parts of basePage common to every page of locale.
func newBase(v *site.View, locale, title, description, path string) basePage {
	cfg := v.Lib.Config
	t := strs(v, locale)
	siteTitle := siteName(v, locale)
	full := siteTitle
	if title != "" && title != siteTitle {
		full = title + " – " + siteTitle
	}
	if description == "" {
		description = metaDescription(v, locale)
	}
	b := basePage{
		OGType:        "website",
		Feeds:         feedLinks(v, locale, nil),
		Locale:        locale,
		Dir:           i18n.Direction(locale),
		T:             t,
		TLang:         v.UI.Langs(locale),
		SiteTitle:     siteTitle,
		SiteTitleLang: settingLang(v, "title", locale),
		Title:         full,
		Description:   description,
		Base:          publicPath(v),
		HomeURL:       localePrefix(v, locale) + "/",
		SearchURL:     localePrefix(v, locale) + "/search",
		ContactURL:    cfg.Localized("contact_url", locale, cfg.ContactURL),
		Dev:           v.Drafts,
		LangNames:     map[string]string{},
	}
	for _, loc := range v.Lib.Locales() {
		b.LangNames[loc] = langName(v, loc)
	}
	forms, _ := json.Marshal(v.UI.Forms(locale, "suggestions_count")) // strings: cannot fail
	b.CountForms = string(forms)
	if cfg.Logo != "" {
		b.Logo = "/_content/" + cfg.Logo
		if cfg.LogoDark != "" {
			b.LogoDark = "/_content/" + cfg.LogoDark
		}
	}
	if cfg.Favicon != "" {
		b.Favicon = "/_content/" + cfg.Favicon
	}
	if cfg.Contact.To != "" || cfg.Contact.Webhook != "" {
		// The contact form (contact.go) answers before the ticket.
		b.ContactURL, b.ContactForm = localePrefix(v, locale)+"/contact", true
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

// siteDescription is the site's description in locale and its language
// when it is not locale's (else ""): guichet.yaml's for locale, else its
// default locale's, else "Answers to your questions." in locale (in
// English when the locale has no string for it).
func siteDescription(v *site.View, locale string) (string, string) {
	cfg := v.Lib.Config
	if d := cfg.Localized("description", locale, cfg.Description); d != "" {
		return d, settingLang(v, "description", locale)
	}
	return strs(v, locale)["description"], v.UI.Langs(locale)["description"]
}

// metaDescription is the site's description for the meta tags and feeds
// of locale, which cannot say that a text is in another language than
// the page's: siteDescription when it is in locale's, else the theme's
// in locale ("Antworten auf Ihre Fragen."), unless the theme has none in
// locale's language either (its string is the default locale's).
func metaDescription(v *site.View, locale string) string {
	d, lang := siteDescription(v, locale)
	if lang == "" {
		return d
	}
	if t := strs(v, locale)["description"]; t != strs(v, lang)["description"] {
		return t
	}
	return d
}

// settingLang is the language a translatable setting of guichet.yaml
// (title, description) shows in on pages of locale when it is not
// locale's: the default locale, when guichet.yaml gives the setting but
// no value for locale (nor its base language) and the default locale's
// language is another; "" otherwise, the theme's wording included.
func settingLang(v *site.View, setting, locale string) string {
	cfg := v.Lib.Config
	def := cfg.DefaultLocale
	if cfg.Localized(setting, locale, "") != "" || i18n.Language(def) == i18n.Language(locale) {
		return ""
	}
	switch setting {
	case "title":
		if !cfg.TitleSet {
			return ""
		}
	case "description":
		if cfg.Description == "" {
			return ""
		}
	}
	return def
}

// setAlternates fills hreflang alternates and the language switcher from a
// locale → path map of the page's versions.
func (b *basePage) setAlternates(v *site.View, paths map[string]string) {
	b.setVersions(v, paths, paths)
}

// setVersions fills hreflang alternates from translated, the page's
// versions in the locales it is written in, when the page is one of them
// (a page shown in another locale's words has none: search engines are
// pointed to real translations only), and the language switcher from
// offered, every version a reader may switch to.
func (b *basePage) setVersions(v *site.View, translated, offered map[string]string) {
	if _, ok := translated[b.Locale]; ok && len(translated) >= 2 {
		for _, loc := range v.Lib.Locales() {
			if p, ok := translated[loc]; ok {
				b.Alternates = append(b.Alternates, alternate{Locale: loc, Name: langName(v, loc), URL: absURL(v, p), Path: p, Current: loc == b.Locale})
			}
		}
		if p, ok := translated[v.Lib.Config.DefaultLocale]; ok {
			b.Alternates = append(b.Alternates, alternate{Locale: "x-default", URL: absURL(v, p)})
		}
	}
	if len(offered) < 2 {
		return
	}
	for _, loc := range v.Lib.Locales() {
		if p, ok := offered[loc]; ok {
			b.Languages = append(b.Languages, alternate{Locale: loc, Name: langName(v, loc), URL: absURL(v, p), Path: p, Current: loc == b.Locale})
		}
	}
}

// messageLang is the language of the server's own messages (errors of a
// form or a request, written in English) on pages of loc when it is not
// loc's, for their lang attribute; "" otherwise.
func messageLang(loc string) string {
	if i18n.Language(loc) == "en" {
		return ""
	}
	return "en"
}

// shownIn is the locale the string key is shown in on the page: the
// page's, or the fallback's (TLang), for the words a sentence names in its
// own language ("showing results in {language}").
func (b *basePage) shownIn(key string) string {
	if l := b.TLang[key]; l != "" {
		return l
	}
	return b.Locale
}

// countLabel says "3 articles" in locale.
func countLabel(v *site.View, locale string, n int) string {
	return v.UI.Plural(locale, "article_count", n)
}

// humanDate formats a date the way readers of locale expect.
func humanDate(t time.Time, locale string) string { return i18n.Date(locale, t) }

// crumbsFor builds breadcrumbs from home down to the category or section id;
// the last crumb links too unless current is true. A category above it
// with no page in locale (no article of the locale, no title of its own)
// is linked in the default locale, as the home lists it.
func crumbsFor(v *site.View, id, locale string, current bool) []crumb {
	out := []crumb{{Title: strs(v, locale)["home"], URL: localePrefix(v, locale) + "/", Lang: v.UI.Langs(locale)["home"]}}
	chain := v.Ancestors(id, locale)
	for i, c := range chain {
		last := current && i == len(chain)-1
		if !last && c.Locale == locale && !v.HasPage(c) {
			if d, err := v.Category(c.ID, v.Lib.Config.DefaultLocale); err == nil {
				c = d
			}
		}
		cr := crumb{Title: c.Title, URL: c.URL, Lang: otherLang(c.Lang, locale)}
		if last {
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
