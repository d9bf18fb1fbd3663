package web

import (
	"encoding/xml"
	"fmt"
	"html"
	"html/template"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/feeds"

	"github.com/guichet/guichet/site"
)

// Structured data, sitemaps, robots.txt and feeds: everything search
// engines and feed readers read, built once per content snapshot.

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

// feedSet is a snapshot's feeds of new and updated articles: each served
// locale's (/feed.atom, /fr/feed.rss…) and each category's, its sections
// included (/billing/feed.json…). Which articles go in each is decided
// when the snapshot is built; a feed is rendered (in its three formats) on
// its first request and kept with the snapshot, because formatting every
// feed of a large help center costs more than the rest of a restart and
// feeds are read rarely.
type feedSet struct {
	feeds    map[string]*lazyFeed // path → its feed (three paths per feed)
	contents sync.Map             // *site.Article → content with absolute links, shared by the feeds
}

// lazyFeed is one feed, rendered once.
type lazyFeed struct {
	job   feedJob
	once  sync.Once
	blobs map[string]*blob
	err   error
}

// newFeedSet sorts the view's published articles once and groups them by
// category in one pass.
func newFeedSet(v *site.View) *feedSet {
	fs := &feedSet{feeds: map[string]*lazyFeed{}}
	add := func(j feedJob) {
		f := &lazyFeed{job: j}
		for _, format := range feedFormats {
			fs.feeds[j.base+"feed."+format.ext] = f
		}
	}
	for _, loc := range servedLocales(v) {
		var all []*site.Article
		for _, a := range v.ByLocale[loc] {
			if a.Visible(v.Now, false) {
				all = append(all, a)
			}
		}
		sort.SliceStable(all, func(i, j int) bool {
			if !all[i].Updated.Equal(all[j].Updated) {
				return all[i].Updated.After(all[j].Updated)
			}
			return all[i].URL < all[j].URL
		})
		byCat := map[string][]*site.Article{}
		for _, a := range all {
			for _, c := range v.Ancestors(a.SectionID, loc) {
				if len(byCat[c.ID]) < feedSize {
					byCat[c.ID] = append(byCat[c.ID], a)
				}
			}
		}
		t := strs(loc)
		desc := v.Lib.Config.Description
		if desc == "" {
			desc = t["description"]
		}
		add(feedJob{localePrefix(v, loc) + "/", siteName(v, loc) + " – " + t["feed_title"], desc, all[:min(feedSize, len(all))]})
		for _, c := range v.Lib.Categories {
			if list := byCat[c.ID]; c.Locale == loc && len(list) > 0 {
				add(feedJob{c.URL, c.Title + " – " + t["feed_title"], c.Description, list})
			}
		}
	}
	return fs
}

// blob returns the feed at path, rendering it on first use; false when
// path is not a feed.
func (fs *feedSet) blob(v *site.View, path string) (*blob, bool, error) {
	f, ok := fs.feeds[path]
	if !ok {
		return nil, false, nil
	}
	f.once.Do(func() { f.blobs, f.err = f.job.render(v, fs.content(v)) })
	return f.blobs[path], true, f.err
}

// content returns an article's feed content: its HTML with site-relative
// links made absolute, computed once per snapshot.
func (fs *feedSet) content(v *site.View) func(*site.Article) string {
	return func(a *site.Article) string {
		if c, ok := fs.contents.Load(a); ok {
			return c.(string)
		}
		c := absLinks(v, string(a.HTML))
		fs.contents.Store(a, c)
		return c
	}
}

// feedJob is one feed: its path prefix ("/", "/fr/", "/billing/"), title,
// description and articles, newest first, at most feedSize.
type feedJob struct {
	base, title, description string
	list                     []*site.Article
}

// render makes the job's feed in the three formats, keyed by path.
func (j feedJob) render(v *site.View, content func(*site.Article) string) (map[string]*blob, error) {
	// Atom's summary (type="html") and RSS's description are read as
	// HTML by feed readers: plain text goes in escaped, so a description
	// holding markup stays text. JSON Feed's summary is plain text.
	f := &feeds.Feed{Title: j.title, Link: &feeds.Link{Href: absURL(v, j.base)}, Description: html.EscapeString(j.description)}
	for _, a := range j.list {
		created := a.Updated
		if !a.PublishAt.IsZero() {
			created = a.PublishAt
		}
		f.Items = append(f.Items, &feeds.Item{
			Title: a.Title, Link: &feeds.Link{Href: absURL(v, a.URL)}, Id: absURL(v, a.URL),
			Description: html.EscapeString(a.Description), Content: content(a), Created: created.UTC(), Updated: a.Updated.UTC(),
		})
		if a.Updated.After(f.Updated) {
			f.Updated = a.Updated.UTC()
		}
	}
	if f.Updated.IsZero() {
		f.Updated = v.Now.UTC().Truncate(24 * time.Hour)
	}
	f.Created = f.Updated
	out := map[string]*blob{}
	for _, format := range feedFormats {
		var body string
		var err error
		switch format.ext {
		case "atom":
			body, err = f.ToAtom()
		case "rss":
			body, err = f.ToRss()
		case "json":
			plain := *f
			plain.Description = j.description
			plain.Items = make([]*feeds.Item, len(f.Items))
			for i, it := range f.Items {
				cp := *it
				cp.Description = j.list[i].Description
				plain.Items[i] = &cp
			}
			body, err = plain.ToJSON()
		}
		if err != nil {
			return nil, fmt.Errorf("render feed %sfeed.%s: %w", j.base, format.ext, err)
		}
		out[j.base+"feed."+format.ext] = newBlob(format.ctype+"; charset=utf-8", []byte(body))
	}
	return out, nil
}

// absLinks makes an article's site-relative links and images (href="/…",
// src="/…", not protocol-relative "//…") absolute, so they work in feed
// readers.
func absLinks(v *site.View, html string) string {
	base := strings.TrimRight(v.Lib.Config.BaseURL, "/")
	var b strings.Builder
	b.Grow(len(html) + 256)
	for {
		i := strings.Index(html, `="/`)
		if i < 0 {
			break
		}
		attr := html[:i]
		rooted := (strings.HasSuffix(attr, " href") || strings.HasSuffix(attr, " src")) && !strings.HasPrefix(html[i+3:], "/")
		b.WriteString(html[:i+2])
		if rooted {
			b.WriteString(base)
		}
		html = html[i+2:]
	}
	b.WriteString(html)
	return b.String()
}

// maxSitemapURLs is the most URLs one sitemap file may list (the sitemaps
// protocol's limit); above it /sitemap.xml becomes an index.
const maxSitemapURLs = 50000

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
			if !a.Visible(v.Now, false) {
				continue
			}
			paths := map[string]string{}
			for l, t := range v.Translations(a.ID) {
				if t.Visible(v.Now, false) {
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

// buildSitemaps renders /sitemap.xml: one urlset, or past perFile URLs
// (maxSitemapURLs) an index of /sitemap-1.xml, /sitemap-2.xml…
func buildSitemaps(v *site.View, entries []sitemapURL, perFile int, pages map[string]*blob) error {
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
	if len(entries) <= perFile {
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
	for i := 0; i*perFile < len(entries); i++ {
		part := entries[i*perFile : min((i+1)*perFile, len(entries))]
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
