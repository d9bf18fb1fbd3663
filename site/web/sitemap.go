package web

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
)

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
	for _, loc := range v.Lib.Locales() {
		// The results page of every locale, translated or not (its
		// search answers in the default locale), not categories whose
		// name starts with "search".
		fmt.Fprintf(&b, "Disallow: %[1]s/search$\nDisallow: %[1]s/search?\n", localePrefix(v, loc))
	}
	b.WriteString("Disallow: /admin/\nDisallow: /api/\nDisallow: /widget/\nDisallow: /feedback\n")
	fmt.Fprintf(&b, "\nSitemap: %s\n", absURL(v, "/sitemap.xml"))
	return newBlob("text/plain; charset=utf-8", []byte(b.String()))
}
