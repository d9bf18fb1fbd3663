package web

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/guichet/guichet/site"
)

// Structured data, sitemaps, robots.txt and feeds: everything search
// engines and feed readers read, built once per content snapshot.

// publicArticle reports whether an article belongs in sitemaps, feeds and
// structured data: not a draft, not scheduled (the preview shows those).
func publicArticle(v *site.View, a *site.Article) bool {
	return !a.Draft && (a.PublishAt.IsZero() || !a.PublishAt.After(v.Now))
}

// schemaCrumbs is the schema.org BreadcrumbList of a page's breadcrumbs;
// the current page (a crumb without URL) takes the canonical URL.
func schemaCrumbs(v *site.View, crumbs []crumb, current string) template.JS {
	type item struct {
		Type     string `json:"@type"`
		Position int    `json:"position"`
		Name     string `json:"name"`
		Item     string `json:"item"`
	}
	items := make([]item, 0, len(crumbs))
	for i, c := range crumbs {
		u := current
		if c.URL != "" {
			u = absURL(v, c.URL)
		}
		items = append(items, item{Type: "ListItem", Position: i + 1, Name: c.Title, Item: u})
	}
	return jsonLD(map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
}

// schemaArticle is the schema.org Article of an article page.
func schemaArticle(v *site.View, a *site.Article) template.JS {
	headline := a.Title
	if r := []rune(headline); len(r) > 110 {
		headline = string(r[:109]) + "…"
	}
	published := a.Updated
	if !a.PublishAt.IsZero() {
		published = a.PublishAt
	}
	org := map[string]any{"@type": "Organization", "name": siteName(v, a.Locale)}
	return jsonLD(map[string]any{
		"@context": "https://schema.org", "@type": "Article",
		"headline": headline, "description": a.Description, "inLanguage": a.Locale,
		"datePublished": published.UTC().Format(time.RFC3339), "dateModified": a.Updated.UTC().Format(time.RFC3339),
		"url": absURL(v, a.URL), "mainEntityOfPage": absURL(v, a.URL),
		"author": org, "publisher": org,
	})
}

// schemaWebSite is the schema.org WebSite of a home page, with the search
// box search engines may show (SearchAction).
func schemaWebSite(v *site.View, locale string) template.JS {
	prefix := localePrefix(v, locale)
	return jsonLD(map[string]any{
		"@context": "https://schema.org", "@type": "WebSite",
		"name": siteName(v, locale), "url": absURL(v, prefix+"/"), "inLanguage": locale,
		"potentialAction": map[string]any{
			"@type":       "SearchAction",
			"target":      map[string]string{"@type": "EntryPoint", "urlTemplate": absURL(v, prefix+"/search") + "?q={search_term_string}"},
			"query-input": "required name=search_term_string",
		},
	})
}

// siteName is the site's title, or the help center's name in locale.
func siteName(v *site.View, locale string) string {
	if v.Lib.Config.Title != "" {
		return v.Lib.Config.Title
	}
	return strs(locale)["home"]
}

// feedLink is a <link rel="alternate"> to a feed. TypeAttr is the whole
// type attribute, from feedFormats (constants), so "+" stays as is.
type feedLink struct {
	TypeAttr   template.HTMLAttr
	Title, URL string
}

// feedFormats are the feeds of each locale and category: file suffix and
// media type.
var feedFormats = []struct{ ext, ctype string }{
	{"atom", "application/atom+xml"},
	{"rss", "application/rss+xml"},
	{"json", "application/feed+json"},
}

// feedSize is the number of articles in a feed.
const feedSize = 50

// feedLinks are the alternates a page of locale links to: the locale's
// feeds, and the category's when given.
func feedLinks(v *site.View, locale string, c *site.Category) []feedLink {
	t := strs(locale)
	var out []feedLink
	add := func(base, title string) {
		for _, f := range feedFormats {
			out = append(out, feedLink{TypeAttr: template.HTMLAttr(`type="` + f.ctype + `"`), Title: title + " (" + strings.ToUpper(f.ext) + ")", URL: base + "feed." + f.ext})
		}
	}
	add(localePrefix(v, locale)+"/", siteName(v, locale)+" – "+t["feed_title"])
	if c != nil {
		add(c.URL, c.Title+" – "+t["feed_title"])
	}
	return out
}

// buildFeeds renders the Atom, RSS and JSON feeds of new and updated
// articles of every served locale (/feed.atom, /fr/feed.atom…) and of each
// category with articles (/billing/feed.atom…) into pages.
func buildFeeds(v *site.View, pages map[string]*blob) error {
	for _, loc := range servedLocales(v) {
		var all []*site.Article
		for _, a := range v.ByLocale[loc] {
			if publicArticle(v, a) {
				all = append(all, a)
			}
		}
		t := strs(loc)
		desc := v.Lib.Config.Description
		if desc == "" {
			desc = t["description"]
		}
		if err := writeFeeds(v, pages, localePrefix(v, loc)+"/", siteName(v, loc)+" – "+t["feed_title"], desc, all); err != nil {
			return err
		}
		for _, c := range v.Lib.Categories {
			if c.Locale != loc || v.CountIn(c.ID, loc) == 0 {
				continue
			}
			var in []*site.Article
			for _, a := range all {
				if a.SectionID == c.ID || a.CategoryID == c.ID || under(v, a, c.ID) {
					in = append(in, a)
				}
			}
			if err := writeFeeds(v, pages, c.URL, c.Title+" – "+t["feed_title"], c.Description, in); err != nil {
				return err
			}
		}
	}
	return nil
}

// under reports whether the article sits somewhere below category id.
func under(v *site.View, a *site.Article, id string) bool {
	for _, c := range v.Ancestors(a.SectionID, a.Locale) {
		if c.ID == id {
			return true
		}
	}
	return false
}

// writeFeeds renders one feed in the three formats under base ("/",
// "/fr/", "/billing/"): the feedSize most recently updated articles.
func writeFeeds(v *site.View, pages map[string]*blob, base, title, description string, list []*site.Article) error {
	list = append([]*site.Article(nil), list...)
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].Updated.Equal(list[j].Updated) {
			return list[i].Updated.After(list[j].Updated)
		}
		return list[i].URL < list[j].URL
	})
	if len(list) > feedSize {
		list = list[:feedSize]
	}
	f := &feeds.Feed{
		Title:       title,
		Link:        &feeds.Link{Href: absURL(v, base)},
		Description: description,
		Id:          absURL(v, base+"feed.atom"),
	}
	for _, a := range list {
		created := a.Updated
		if !a.PublishAt.IsZero() {
			created = a.PublishAt
		}
		f.Items = append(f.Items, &feeds.Item{
			Title: a.Title, Link: &feeds.Link{Href: absURL(v, a.URL)}, Id: absURL(v, a.URL),
			Description: a.Description, Content: absLinks(v, string(a.HTML)), Created: created.UTC(), Updated: a.Updated.UTC(),
		})
		if a.Updated.After(f.Updated) {
			f.Updated = a.Updated.UTC()
		}
	}
	if f.Updated.IsZero() {
		f.Updated = v.Now.UTC().Truncate(24 * time.Hour)
	}
	f.Created = f.Updated
	for _, format := range feedFormats {
		var body string
		var err error
		switch format.ext {
		case "atom":
			body, err = f.ToAtom()
		case "rss":
			body, err = f.ToRss()
		case "json":
			body, err = f.ToJSON()
		}
		if err != nil {
			return fmt.Errorf("render feed %sfeed.%s: %w", base, format.ext, err)
		}
		pages[base+"feed."+format.ext] = newBlob(format.ctype+"; charset=utf-8", []byte(body))
	}
	return nil
}

// rootRelative matches links and images given as site paths.
var rootRelative = regexp.MustCompile(`\b(href|src)="/([^/"])`)

// absLinks makes an article's site-relative links and images absolute, so
// they work in feed readers.
func absLinks(v *site.View, html string) string {
	return rootRelative.ReplaceAllString(html, `$1="`+strings.TrimRight(v.Lib.Config.BaseURL, "/")+`/$2`)
}

// maxSitemapURLs is the most URLs one sitemap file may list (the sitemaps
// protocol's limit); above it /sitemap.xml becomes an index.
var maxSitemapURLs = 50000

// sitemapURL is one <url> of a sitemap.
type sitemapURL struct {
	Loc        string         `xml:"loc"`
	LastMod    string         `xml:"lastmod,omitempty"`
	Alternates []sitemapXLink `xml:"xhtml:link"`
}

type sitemapXLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemapEntries lists every public page worth indexing: each served
// locale's home and FAQ, each category with articles, each published
// article, with the last update and the other languages' versions.
func sitemapEntries(v *site.View, hasFAQ func(loc string) bool) []sitemapURL {
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02")
	}
	alternates := func(paths map[string]string) []sitemapXLink {
		if len(paths) < 2 {
			return nil
		}
		var out []sitemapXLink
		for _, loc := range v.Lib.Locales() {
			if p, ok := paths[loc]; ok {
				out = append(out, sitemapXLink{"alternate", loc, absURL(v, p)})
			}
		}
		if p, ok := paths[v.Lib.Config.DefaultLocale]; ok {
			out = append(out, sitemapXLink{"alternate", "x-default", absURL(v, p)})
		}
		return out
	}
	latest := map[string]time.Time{} // category ID|locale, and "|locale" for the whole locale
	var articles []sitemapURL
	for _, loc := range servedLocales(v) {
		for _, a := range v.ByLocale[loc] {
			if !publicArticle(v, a) {
				continue
			}
			paths := map[string]string{}
			for l, t := range v.Translations(a.ID) {
				if publicArticle(v, t) {
					paths[l] = t.URL
				}
			}
			articles = append(articles, sitemapURL{Loc: absURL(v, a.URL), LastMod: day(a.Updated), Alternates: alternates(paths)})
			keys := []string{"|" + loc}
			for _, c := range v.Ancestors(a.SectionID, loc) {
				keys = append(keys, c.ID+"|"+loc)
			}
			for _, k := range keys {
				if a.Updated.After(latest[k]) {
					latest[k] = a.Updated
				}
			}
		}
	}
	var out []sitemapURL
	homes, faqs := map[string]string{}, map[string]string{}
	for _, loc := range servedLocales(v) {
		homes[loc] = localePrefix(v, loc) + "/"
		if hasFAQ(loc) {
			faqs[loc] = localePrefix(v, loc) + "/faq"
		}
	}
	for _, loc := range servedLocales(v) {
		out = append(out, sitemapURL{Loc: absURL(v, homes[loc]), LastMod: day(latest["|"+loc]), Alternates: alternates(homes)})
		if p, ok := faqs[loc]; ok {
			out = append(out, sitemapURL{Loc: absURL(v, p), LastMod: day(latest["|"+loc]), Alternates: alternates(faqs)})
		}
	}
	for _, c := range v.Lib.Categories {
		if v.CountIn(c.ID, c.Locale) == 0 {
			continue
		}
		paths := map[string]string{}
		for l, t := range v.CategoryTranslations(c.ID) {
			if v.CountIn(c.ID, l) > 0 {
				paths[l] = t.URL
			}
		}
		out = append(out, sitemapURL{Loc: absURL(v, c.URL), LastMod: day(latest[c.ID+"|"+c.Locale]), Alternates: alternates(paths)})
	}
	return append(out, articles...)
}

// buildSitemaps renders /sitemap.xml: one urlset, or past maxSitemapURLs
// an index of /sitemap-1.xml, /sitemap-2.xml…
func buildSitemaps(v *site.View, entries []sitemapURL, pages map[string]*blob) error {
	const xmlType = "application/xml; charset=utf-8"
	urlset := func(list []sitemapURL) ([]byte, error) {
		doc := struct {
			XMLName xml.Name     `xml:"urlset"`
			NS      string       `xml:"xmlns,attr"`
			XHTML   string       `xml:"xmlns:xhtml,attr"`
			URLs    []sitemapURL `xml:"url"`
		}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml", URLs: list}
		b, err := xml.MarshalIndent(doc, "", " ")
		return append([]byte(xml.Header), b...), err
	}
	if len(entries) <= maxSitemapURLs {
		b, err := urlset(entries)
		if err != nil {
			return fmt.Errorf("render sitemap: %w", err)
		}
		pages["/sitemap.xml"] = newBlob(xmlType, b)
		return nil
	}
	type sm struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	index := struct {
		XMLName  xml.Name `xml:"sitemapindex"`
		NS       string   `xml:"xmlns,attr"`
		Sitemaps []sm     `xml:"sitemap"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for i := 0; i*maxSitemapURLs < len(entries); i++ {
		part := entries[i*maxSitemapURLs : min((i+1)*maxSitemapURLs, len(entries))]
		b, err := urlset(part)
		if err != nil {
			return fmt.Errorf("render sitemap part %d: %w", i+1, err)
		}
		name := fmt.Sprintf("/sitemap-%d.xml", i+1)
		pages[name] = newBlob(xmlType, b)
		last := ""
		for _, u := range part {
			if u.LastMod > last {
				last = u.LastMod
			}
		}
		index.Sitemaps = append(index.Sitemaps, sm{Loc: absURL(v, name), LastMod: last})
	}
	b, err := xml.MarshalIndent(index, "", " ")
	if err != nil {
		return fmt.Errorf("render sitemap index: %w", err)
	}
	pages["/sitemap.xml"] = newBlob(xmlType, append([]byte(xml.Header), b...))
	return nil
}

// robotsTxt keeps crawlers off search results, the admin, the API and the
// widget's frame and demo, and points them to the sitemap.
func robotsTxt(v *site.View) *blob {
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	for _, loc := range servedLocales(v) {
		// The results page, not categories whose name starts with "search".
		fmt.Fprintf(&b, "Disallow: %[1]s/search$\nDisallow: %[1]s/search?\n", localePrefix(v, loc))
	}
	b.WriteString("Disallow: /admin/\nDisallow: /api/\nDisallow: /widget/\nDisallow: /feedback\n")
	fmt.Fprintf(&b, "\nSitemap: %s\n", absURL(v, "/sitemap.xml"))
	return newBlob("text/plain; charset=utf-8", []byte(b.String()))
}
