package web

import (
	"html/template"
	"time"

	"github.com/guichet/guichet/site"
)

// Structured data, sitemaps, robots.txt and feeds: everything search
// engines and feed readers read, built once per content snapshot.

// schemaCrumbs is the schema.org BreadcrumbList of a page's breadcrumbs
// in locale: the home page by the site's name (siteName, as search
// engines show it: "Acme Help", not the home link's "Help Center"); the
// current page (a crumb without URL) takes the canonical URL.
func schemaCrumbs(v *site.View, crumbs []crumb, current, locale string) template.JS {
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
		name := c.Title
		if i == 0 {
			name = siteName(v, locale)
		}
		items = append(items, item{Type: "ListItem", Position: i + 1, Name: name, Item: u})
	}
	return jsonLD(map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
}

// schemaArticle is the schema.org Article of an article page.
func schemaArticle(v *site.View, a *site.Article) template.JS {
	headline := site.Shorten(a.Title, 110)
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

// siteName is the site's title in locale: guichet.yaml's title for
// locale, else its title, else "Help Center" in locale.
func siteName(v *site.View, locale string) string {
	cfg := v.Lib.Config
	def := cfg.Title
	if !cfg.TitleSet {
		def = strs(v, locale)["home"]
	}
	if t := cfg.Localized("title", locale, def); t != "" {
		return t
	}
	return def
}
