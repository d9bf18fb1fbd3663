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

// isFeedPath reports whether path names a feed file (feed.atom, feed.rss
// or feed.json under some prefix), without grouping the feeds.
func isFeedPath(path string) bool {
	for _, f := range feedFormats {
		if strings.HasSuffix(path, "/feed."+f.ext) {
			return true
		}
	}
	return false
}

// feedSize is the number of articles in a feed.
const feedSize = 50

// feedLinks are the alternates a page of locale links to: the locale's
// feeds, and the category's when given; none for a locale without
// articles of its own, which has no feed (its pages show the default
// locale's articles).
func feedLinks(v *site.View, locale string, c *site.Category) []feedLink {
	if !hasArticles(v, locale) {
		return nil
	}
	t := strs(v, locale)
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
	folded   map[string]string    // lower-case path → path, for variant
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
	fs := &feedSet{feeds: map[string]*lazyFeed{}, folded: map[string]string{}}
	add := func(j feedJob) {
		f := &lazyFeed{job: j}
		for _, format := range feedFormats {
			fs.feeds[j.base+"feed."+format.ext] = f
			fs.folded[strings.ToLower(j.base+"feed."+format.ext)] = j.base + "feed." + format.ext
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
		t := strs(v, loc)
		desc := metaDescription(v, loc)
		name := siteName(v, loc)
		add(feedJob{localePrefix(v, loc) + "/", name + " – " + t["feed_title"], desc, name, loc, all[:min(feedSize, len(all))]})
		for _, c := range v.Lib.Categories {
			if list := byCat[c.ID]; c.Locale == loc && len(list) > 0 {
				add(feedJob{c.URL, c.Title + " – " + t["feed_title"], c.Description, name, loc, list})
			}
		}
	}
	return fs
}

// variant returns the feed path that path writes in other letter case or
// with a trailing slash (/Feed.atom, /billing/feed.rss/), as pages answer
// such forms: false when path is a feed as written or names none.
func (fs *feedSet) variant(path string) (string, bool) {
	to, ok := fs.folded[strings.ToLower(strings.TrimSuffix(path, "/"))]
	return to, ok && to != path
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
		c := absLinks(v, a.URL, string(a.HTML))
		fs.contents.Store(a, c)
		return c
	}
}

// feedJob is one feed: its path prefix ("/", "/fr/", "/billing/"), title,
// description, author (the site's name in the feed's locale), locale and
// articles, newest first, at most feedSize.
type feedJob struct {
	base, title, description, author, locale string
	list                                     []*site.Article
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
			// Atom requires an author of the feed when its entries name
			// none (RFC 4287 4.1.1): the site, as in the pages' JSON-LD.
			// RSS has no place for it: its managingEditor is an e-mail.
			withAuthor := *f
			withAuthor.Author = &feeds.Author{Name: j.author}
			body, err = feeds.ToXML(newAtomFeed((&feeds.Atom{Feed: &withAuthor}).AtomFeed(), absURL(v, j.base+"feed.atom"), j.locale))
		case "rss":
			// Its language, as Atom's xml:lang and JSON Feed's language
			// say it.
			rss := (&feeds.Rss{Feed: f}).RssFeed()
			rss.Language = j.locale
			body, err = feeds.ToXML(rss)
		case "json":
			plain := *f
			plain.Description = j.description
			plain.Author = &feeds.Author{Name: j.author}
			plain.Items = make([]*feeds.Item, len(f.Items))
			for i, it := range f.Items {
				cp := *it
				cp.Description = j.list[i].Description
				plain.Items[i] = &cp
			}
			// Its language and its own address (feed_url, which JSON
			// Feed strongly recommends), as the Atom feed gives them.
			jf := (&feeds.JSON{Feed: &plain}).JSONFeed()
			jf.Language, jf.FeedUrl = j.locale, absURL(v, j.base+"feed.json")
			body, err = jf.ToJSON()
		}
		if err != nil {
			return nil, fmt.Errorf("render feed %sfeed.%s: %w", j.base, format.ext, err)
		}
		out[j.base+"feed."+format.ext] = newBlob(format.ctype+"; charset=utf-8", []byte(body))
	}
	return out, nil
}

// atomFeed is gorilla/feeds' Atom feed with what it cannot say: the
// feed's language (xml:lang, which readers and validators take for its
// entries' too) and its own address (rel="self", which RFC 4287 asks every
// feed to give, so that a reader handed a copy knows where to poll).
type atomFeed struct {
	XMLName  xml.Name `xml:"feed"`
	Xmlns    string   `xml:"xmlns,attr"`
	Lang     string   `xml:"xml:lang,attr,omitempty"`
	Title    string   `xml:"title"`
	ID       string   `xml:"id"`
	Updated  string   `xml:"updated"`
	Subtitle string   `xml:"subtitle,omitempty"`
	Links    []*feeds.AtomLink
	Author   *feeds.AtomAuthor  `xml:"author,omitempty"`
	Entries  []*feeds.AtomEntry `xml:"entry"`
}

// newAtomFeed is f with a self link to self and the language lang.
func newAtomFeed(f *feeds.AtomFeed, self, lang string) *atomFeed {
	return &atomFeed{Xmlns: f.Xmlns, Lang: lang, Title: f.Title, ID: f.Id, Updated: f.Updated, Subtitle: f.Subtitle,
		Links:  []*feeds.AtomLink{f.Link, {Href: self, Rel: "self", Type: "application/atom+xml"}},
		Author: f.Author, Entries: f.Entries}
}

// FeedXml makes atomFeed a feeds.XmlFeed, for feeds.ToXML.
func (a *atomFeed) FeedXml() any { return a }

// absLinks makes the site-relative links and images (href="/…", src="/…",
// not protocol-relative "//…") of an article's HTML absolute, and its
// links to a place of itself (href="#fees") links to that place of its
// page, pageURL, so they work in feed readers and search engines' reading
// of the FAQ, where the HTML is read away from its page.
func absLinks(v *site.View, pageURL, html string) string {
	base := strings.TrimRight(v.Lib.Config.BaseURL, "/")
	return rootedLinks(v, strings.ReplaceAll(html, ` href="#`, ` href="`+base+pageURL+`#`))
}

// rootedLinks makes the site-relative links and images (href="/…",
// src="/…", not protocol-relative "//…") of an article's HTML absolute
// under the site's base_url, and nothing else: a link to a place of the
// article itself (href="#fees") stays one, for HTML shown whole in
// another page (the articles API), whose headings keep their ids.
func rootedLinks(v *site.View, html string) string {
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
