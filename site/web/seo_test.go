package web_test

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

var ()

// jsonLD returns the text of the page's JSON-LD script elements.
func jsonLD(t *testing.T, page string) []string {
	t.Helper()
	var out []string
	for _, n := range webtest.Parse(t, page).All(`script[type="application/ld+json"]`) {
		if n.FirstChild != nil {
			out = append(out, n.FirstChild.Data)
		}
	}
	return out
}

// structured returns the page's JSON-LD blocks by @type.
func structured(t *testing.T, page string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, block := range jsonLD(t, page) {
		var v map[string]any
		if err := json.Unmarshal([]byte(block), &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, block)
		}
		out[v["@type"].(string)] = v
	}
	return out
}

// TestSEOHead: every public page type has one h1, a unique title and
// description, canonical, OpenGraph and Twitter tags, feeds, and its
// structured data.
func TestSEOHead(t *testing.T) {
	e := newEnv(t)
	titles, descriptions := map[string]string{}, map[string]string{}
	for _, c := range []struct {
		path, ogType string
		ld           []string
	}{
		{"/", "website", []string{"WebSite"}},
		{"/fr/", "website", []string{"WebSite"}},
		{"/billing/", "website", []string{"BreadcrumbList"}},
		{"/account/security/", "website", []string{"BreadcrumbList"}}, // no description of its own
		{"/billing/refund", "article", []string{"Article", "BreadcrumbList"}},
		{"/fr/billing/refund", "article", []string{"Article", "BreadcrumbList"}},
		{"/faq", "website", []string{"FAQPage"}},
		{"/search?q=refund", "website", nil},
	} {
		w := e.do(t, "GET", c.path, nil)
		page := w.Body.String()
		if w.Code != 200 {
			t.Fatalf("%s: %d", c.path, w.Code)
		}
		h := readHead(t, page)
		if n := len(h.h1); n != 1 {
			t.Errorf("%s: %d h1", c.path, n)
		}
		title := h.title
		if prev, dup := titles[title]; dup {
			t.Errorf("%s and %s share the title %q", prev, c.path, title)
		}
		titles[title] = c.path
		desc := h.desc
		if desc == "" {
			t.Errorf("%s: no meta description", c.path)
		}
		if prev, dup := descriptions[desc]; dup {
			t.Errorf("%s and %s share the description %q", prev, c.path, desc)
		}
		descriptions[desc] = c.path
		og := map[string]string{}
		for _, n := range webtest.Parse(t, page).All("meta[property]") {
			if k, ok := strings.CutPrefix(webtest.Attr(n, "property"), "og:"); ok && !strings.Contains(k, ":") {
				og[k] = webtest.Attr(n, "content")
			}
		}
		if og["type"] != c.ogType || og["title"] != title || og["description"] == "" || og["site_name"] != "Acme Help" {
			t.Errorf("%s: OpenGraph %v", c.path, og)
		}
		if canon := h.canonical; canon != "" && og["url"] != canon {
			t.Errorf("%s: og:url %q, canonical %q", c.path, og["url"], canon)
		}
		if !strings.Contains(page, `<meta name="twitter:card" content="summary">`) {
			t.Errorf("%s: no Twitter card", c.path)
		}
		feed := `<link rel="alternate" type="application/atom+xml"`
		if !strings.Contains(page, feed) {
			t.Errorf("%s: no feed link", c.path)
		}
		ld := structured(t, page)
		if len(ld) != len(c.ld) {
			t.Errorf("%s: JSON-LD types %v, want %v", c.path, ld, c.ld)
		}
		for _, typ := range c.ld {
			if ld[typ] == nil {
				t.Errorf("%s: no %s JSON-LD", c.path, typ)
			}
		}
	}

	page := e.page(t, "/billing/refund")
	ld := structured(t, page)
	art := ld["Article"]
	if art["headline"] != "How do I get a refund?" || art["inLanguage"] != "en" || !strings.HasPrefix(art["dateModified"].(string), "2026-09-14") ||
		art["url"] != "https://help.acme.test/billing/refund" {
		t.Errorf("Article: %v", art)
	}
	crumbs := ld["BreadcrumbList"]["itemListElement"].([]any)
	last := crumbs[len(crumbs)-1].(map[string]any)
	if len(crumbs) != 3 || last["name"] != "How do I get a refund?" || last["item"] != "https://help.acme.test/billing/refund" || last["position"] != 3.0 {
		t.Errorf("breadcrumbs: %v", crumbs)
	}
	// The home page by the site's name, as search engines show it.
	if home := crumbs[0].(map[string]any); home["name"] != "Acme Help" || home["item"] != "https://help.acme.test/" {
		t.Errorf("breadcrumbs' home: %v, want Acme Help", home)
	}
	if !strings.Contains(page, `<link rel="alternate" type="application/atom+xml" title="Acme Help – New and updated articles (ATOM)" href="/feed.atom">`) {
		t.Error("article does not link the locale's feed")
	}
	cat := e.page(t, "/billing/")
	if !strings.Contains(cat, `href="/billing/feed.rss"`) {
		t.Error("category does not link its own feed")
	}
	home := structured(t, e.page(t, "/fr/"))["WebSite"]
	action := home["potentialAction"].(map[string]any)
	if target := action["target"].(map[string]any)["urlTemplate"]; target != "https://help.acme.test/fr/search?q={search_term_string}" {
		t.Errorf("SearchAction target %v", target)
	}

	// A title made of markup cannot leave its script element.
	xss := e.page(t, "/billing/xss")
	for _, block := range jsonLD(t, xss) {
		if strings.Contains(block, "<") {
			t.Errorf("JSON-LD holds a raw <: %s", block)
		}
	}
	if got := structured(t, xss)["Article"]["headline"]; got != "<script>alert(1)</script> Tricky title" {
		t.Errorf("escaped headline decodes to %q", got)
	}
}

type sitemapDoc struct {
	URLs []struct {
		Loc        string `xml:"loc"`
		LastMod    string `xml:"lastmod"`
		Alternates []struct {
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"url"`
}

// TestSitemapAndRobots: every published page in every locale with its
// last update and alternates; drafts and scheduled articles absent;
// robots.txt points to it and keeps crawlers off search, admin and API.
func TestSitemapAndRobots(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "GET", "/sitemap.xml", nil)
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/xml") {
		t.Fatalf("/sitemap.xml: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	var doc sitemapDoc
	if err := xml.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	byLoc := map[string]int{}
	for i, u := range doc.URLs {
		byLoc[u.Loc] = i
	}
	for _, want := range []string{"/", "/fr/", "/faq", "/billing/", "/fr/billing/", "/billing/refund", "/fr/billing/refund", "/billing/invoices", "/account/security/", "/account/security/two-factor"} {
		if _, ok := byLoc["https://help.acme.test"+want]; !ok {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	for loc := range byLoc {
		if strings.Contains(loc, "secret") || strings.Contains(loc, "future") || strings.Contains(loc, "search") {
			t.Errorf("sitemap lists %s", loc)
		}
	}
	refund := doc.URLs[byLoc["https://help.acme.test/billing/refund"]]
	alts := map[string]string{}
	for _, a := range refund.Alternates {
		alts[a.Hreflang] = a.Href
	}
	if refund.LastMod != "2026-09-14" || alts["fr"] != "https://help.acme.test/fr/billing/refund" || alts["x-default"] != "https://help.acme.test/billing/refund" || alts["en"] == "" {
		t.Errorf("refund in the sitemap: %+v", refund)
	}
	if inv := doc.URLs[byLoc["https://help.acme.test/billing/invoices"]]; len(inv.Alternates) != 0 {
		t.Errorf("an article without translation has alternates: %+v", inv)
	}

	robots := e.page(t, "/robots.txt")
	for _, want := range []string{"Sitemap: https://help.acme.test/sitemap.xml", "Disallow: /search?", "Disallow: /fr/search?", "Disallow: /admin/", "Disallow: /api/"} {
		if !strings.Contains(robots, want) {
			t.Errorf("robots.txt lacks %q:\n%s", want, robots)
		}
	}
	if got := e.do(t, "GET", "/api/v1/search?q=refund", nil).Header().Get("X-Robots-Tag"); got != "noindex" {
		t.Errorf("API X-Robots-Tag %q", got)
	}
	if !strings.Contains(e.page(t, "/search?q=refund"), `<meta name="robots" content="noindex">`) {
		t.Error("search page is indexable")
	}
}

// TestFeeds: Atom, RSS and JSON Feed per locale and per category, newest
// first, published articles only, links made absolute.
func TestFeeds(t *testing.T) {
	e := newEnv(t)
	var atom struct {
		Title   string `xml:"title"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	w := e.do(t, "GET", "/feed.atom", nil)
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("/feed.atom: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if err := xml.Unmarshal(w.Body.Bytes(), &atom); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, en := range atom.Entries {
		ids[en.ID] = true
		if strings.Contains(en.Content, `href="/`) {
			t.Errorf("%s: relative link in the feed", en.ID)
		}
	}
	if atom.Title != "Acme Help – New and updated articles" || !ids["https://help.acme.test/billing/refund"] || ids["https://help.acme.test/billing/secret"] ||
		ids["https://help.acme.test/billing/future"] || ids["https://help.acme.test/fr/billing/refund"] {
		t.Errorf("English Atom feed: %q %v", atom.Title, ids)
	}

	var rss struct {
		Channel struct {
			Items []struct {
				Link string `xml:"link"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(e.do(t, "GET", "/fr/feed.rss", nil).Body.Bytes(), &rss); err != nil {
		t.Fatal(err)
	}
	if len(rss.Channel.Items) != 1 || rss.Channel.Items[0].Link != "https://help.acme.test/fr/billing/refund" {
		t.Errorf("French RSS feed: %+v", rss.Channel.Items)
	}

	var jf struct {
		Version string `json:"version"`
		Items   []struct {
			URL string `json:"url"`
		} `json:"items"`
	}
	w = e.do(t, "GET", "/account/feed.json", nil)
	if err := json.Unmarshal(w.Body.Bytes(), &jf); err != nil {
		t.Fatalf("category JSON feed: %v\n%s", err, w.Body.String())
	}
	var urls []string
	for _, it := range jf.Items {
		urls = append(urls, it.URL)
	}
	// The category's feed holds its sections' articles too.
	if !strings.HasPrefix(jf.Version, "https://jsonfeed.org/version/") || strings.Join(urls, " ") != "https://help.acme.test/account/password https://help.acme.test/account/security/two-factor" &&
		strings.Join(urls, " ") != "https://help.acme.test/account/security/two-factor https://help.acme.test/account/password" {
		t.Errorf("account JSON feed: %s %v", jf.Version, urls)
	}
	if w := e.do(t, "HEAD", "/feed.rss", nil); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD /feed.rss: %d", w.Code)
	}
}

// TestFeedsKeepTextAsText: a description holding markup is text in every
// feed: escaped in Atom's HTML summary and RSS's description (which
// readers render as HTML), as is in JSON Feed's plain-text summary.
func TestFeedsKeepTextAsText(t *testing.T) {
	e := newEnv(t)
	const desc = "<img src=x onerror=alert(2)>"
	var atom struct {
		Entries []struct {
			ID      string `xml:"id"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	w := e.do(t, "GET", "/feed.atom", nil)
	if err := xml.Unmarshal(w.Body.Bytes(), &atom); err != nil || w.Code != 200 {
		t.Fatalf("atom: %d %v", w.Code, err)
	}
	var rss struct {
		Items []struct {
			Link        string `xml:"link"`
			Description string `xml:"description"`
		} `xml:"channel>item"`
	}
	w = e.do(t, "GET", "/feed.rss", nil)
	if err := xml.Unmarshal(w.Body.Bytes(), &rss); err != nil || w.Code != 200 {
		t.Fatalf("rss: %d %v", w.Code, err)
	}
	var jf struct {
		Items []struct {
			URL     string `json:"url"`
			Summary string `json:"summary"`
		} `json:"items"`
	}
	w = e.do(t, "GET", "/feed.json", nil)
	if err := json.Unmarshal(w.Body.Bytes(), &jf); err != nil || w.Code != 200 {
		t.Fatalf("json: %d %v", w.Code, err)
	}
	found := 0
	for _, en := range atom.Entries {
		if strings.HasSuffix(en.ID, "/billing/xss") {
			found++
			if d := webtest.Parse(t, en.Summary); d.Count("img") != 0 || en.Summary != html.EscapeString(desc) {
				t.Errorf("Atom summary is markup: %q", en.Summary)
			}
		}
	}
	for _, it := range rss.Items {
		if strings.HasSuffix(it.Link, "/billing/xss") {
			found++
			if d := webtest.Parse(t, it.Description); d.Count("img") != 0 {
				t.Errorf("RSS description is markup: %q", it.Description)
			}
		}
	}
	for _, it := range jf.Items {
		if strings.HasSuffix(it.URL, "/billing/xss") {
			found++
			if it.Summary != desc {
				t.Errorf("JSON Feed summary %q, want the text as written", it.Summary)
			}
		}
	}
	if found != 3 {
		t.Fatalf("the article is in %d of 3 feeds", found)
	}
}

// TestNamesakesHaveDistinctTitles: sections and articles of one locale that
// share a name ("Administration" under two products, one article title in
// two categories) get distinct <title>s, og:titles and descriptions, told
// apart by their categories nearest first; a title nobody shares stays
// as it is. Search Console reports duplicate titles; 37 groups of the
// Microsoft corpus did (10 sections called "Administration").
func TestNamesakesHaveDistinctTitles(t *testing.T) {
	md := func(title string) string {
		return "---\ntitle: " + title + "\nupdated: 2026-01-02\n---\nSome text about " + title + ".\n"
	}
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":                        "title: Docs\nbase_url: https://docs.test\n",
		"exchange/online/_index.md":           "---\ntitle: Exchange Online\n---\n",
		"exchange/server/_index.md":           "---\ntitle: Exchange Server\n---\n",
		"exchange/online/administration/a.md": md("Mailbox quota"),
		"exchange/server/administration/b.md": md("Mailbox quota"),
		"exchange/server/administration/c.md": md("Database size"),
		"teams/administration/d.md":           md("Add a team"),
		"teams/administration/only-title.md":  md("A title nobody shares"),
	})
	tests := []struct{ path, title, desc string }{
		{"/exchange/online/administration/", "Administration – Exchange Online – Docs", "Administration – Exchange Online: 1 article."},
		{"/exchange/server/administration/", "Administration – Exchange Server – Docs", "Administration – Exchange Server: 2 articles."},
		{"/teams/administration/", "Administration – Teams – Docs", "Administration – Teams: 2 articles."},
		{"/exchange/online/administration/a", "Mailbox quota – Administration – Exchange Online – Docs", ""},
		{"/exchange/server/administration/b", "Mailbox quota – Administration – Exchange Server – Docs", ""},
		{"/teams/administration/only-title", "A title nobody shares – Docs", ""},
		{"/exchange/", "Exchange – Docs", ""},
	}
	for _, tt := range tests {
		page := e.page(t, tt.path)
		h := readHead(t, page)
		if h.title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.path, h.title, tt.title)
		}
		if tt.desc != "" && h.desc != tt.desc {
			t.Errorf("%s: description %q, want %q", tt.path, h.desc, tt.desc)
		}
		og := webtest.Parse(t, page).First(`meta[property="og:title"]`)
		if og == nil || webtest.Attr(og, "content") != tt.title {
			t.Errorf("%s: og:title differs from the title", tt.path)
		}
	}
}

// TestFeedsNameTheirAuthor: an Atom feed whose entries name no author must
// name one itself (RFC 4287 4.1.1; the W3C feed validator rejects it
// otherwise, and some readers then drop the feed), so every Atom feed, of
// a locale or a category, and every JSON Feed names the site; RSS's
// managingEditor, an e-mail address, stays unset.
func TestFeedsNameTheirAuthor(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/feed.atom", "/fr/feed.atom", "/billing/feed.atom"} {
		var atom struct {
			Authors []struct {
				Name string `xml:"name"`
			} `xml:"author"`
		}
		w := e.do(t, "GET", path, nil)
		if err := xml.Unmarshal(w.Body.Bytes(), &atom); err != nil || w.Code != 200 {
			t.Fatalf("%s: %d %v", path, w.Code, err)
		}
		if len(atom.Authors) != 1 || atom.Authors[0].Name != "Acme Help" {
			t.Errorf("%s: feed authors %+v, want the site, Acme Help", path, atom.Authors)
		}
	}
	var jf struct {
		Authors []struct {
			Name string `json:"name"`
		} `json:"authors"`
	}
	if err := json.Unmarshal(e.do(t, "GET", "/feed.json", nil).Body.Bytes(), &jf); err != nil || len(jf.Authors) != 1 || jf.Authors[0].Name != "Acme Help" {
		t.Errorf("/feed.json authors %+v (%v)", jf.Authors, err)
	}
	if rss := e.do(t, "GET", "/feed.rss", nil).Body.String(); strings.Contains(rss, "managingEditor") {
		t.Errorf("/feed.rss names a managingEditor that is no e-mail address:\n%s", rss)
	}
}

// TestFeedURLVariants: a feed's URL written in other letter case or with a
// trailing slash answers 301 to the feed, as a page's does (/FAQ, /Sitemap.xml
// did; /Feed.atom, /billing/feed.rss/ were 404s for a feed reader given the
// address by hand); a feed that does not exist stays a 404.
func TestFeedURLVariants(t *testing.T) {
	e := newEnv(t)
	for path, want := range map[string]string{
		"/Feed.atom":         "/feed.atom",
		"/feed.atom/":        "/feed.atom",
		"/billing/feed.rss/": "/billing/feed.rss",
		"/Billing/FEED.json": "/billing/feed.json",
		"/FR/Feed.Rss":       "/fr/feed.rss",
	} {
		w := e.do(t, "GET", path, nil)
		if w.Code != 301 || w.Header().Get("Location") != want {
			t.Errorf("GET %s: %d %q, want 301 %s", path, w.Code, w.Header().Get("Location"), want)
		}
	}
	for _, path := range []string{"/nope/feed.atom", "/feed.xml", "/billing/feed.atom/x"} {
		if w := e.do(t, "GET", path, nil); w.Code != 404 {
			t.Errorf("GET %s: %d, want 404", path, w.Code)
		}
	}
}

// TestOpenGraphLocale: og:locale and its alternates are written as the
// Open Graph protocol reads them, language_TERRITORY ("fr_FR"), not as the
// BCP 47 code of the page ("fr"), which it ignores.
func TestOpenGraphLocale(t *testing.T) {
	e := newEnv(t)
	page := e.do(t, "GET", "/fr/billing/refund", nil).Body.String()
	for _, want := range []string{`<meta property="og:locale" content="fr_FR">`, `<meta property="og:locale:alternate" content="en_US">`} {
		if !strings.Contains(page, want) {
			t.Errorf("/fr/billing/refund lacks %s", want)
		}
	}
}
