package site

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// PathKeys returns the keys under which a request for the site path p may
// name a page written another way (a link copied from a repository,
// another tool or the help center a site moved from), each lower-cased and
// without its trailing slash, in the order they are tried: p itself in any
// case; then without an extension (.md, .html, .htm) or a last /index,
// /_index or /readme segment; then that without the default locale written
// as a prefix (/en/billing/refund, as a Hugo site that kept it in a
// folder links it), or without the /docs segment Docusaurus serves docs
// under, after a locale's prefix if any (/docs/x is /x, /fr/docs/x is
// /fr/x, /docs/ is /); and a Zendesk Guide address as its number
// (/hc/en-us/articles/360012345-Reset-the-lock is
// /hc/en-us/articles/360012345, whatever title follows the number). Keys
// repeat nothing; the site answers 301 from
// each to its page (site/web), and a ticket's article URL names the page
// (View.ArticleAt).
func (c Config) PathKeys(p string) []string {
	trim := func(k string) string {
		if len(k) > 1 {
			return strings.TrimSuffix(k, "/")
		}
		return k
	}
	k := strings.ToLower(p)
	out := []string{trim(k)}
	add := func(k string) {
		for _, o := range out {
			if o == k {
				return
			}
		}
		out = append(out, k)
	}
	for _, ext := range []string{".md", ".html", ".htm"} {
		k = strings.TrimSuffix(k, ext)
	}
	for _, index := range []string{"/index", "/_index", "/readme"} {
		if strings.HasSuffix(k, index) {
			k = strings.TrimSuffix(k, index) + "/"
		}
	}
	k = trim(k)
	add(k)
	seg, rest, _ := strings.Cut(strings.TrimPrefix(k, "/"), "/")
	if q, ok := c.LocalePath(k); ok {
		// /de-DE/x, /en_GB/x, /pt/x: the site's de, en, pt-BR.
		k = trim(strings.ToLower(q))
		add(k)
		seg, rest, _ = strings.Cut(strings.TrimPrefix(k, "/"), "/")
	}
	if sameLocale(seg, c.DefaultLocale) {
		add("/" + strings.TrimSuffix(rest, "/"))
	}
	if d, ok := c.withoutDocs(k); ok {
		add(d)
	}
	if m := zendeskPath.FindStringSubmatch(k); m != nil {
		add("/hc/" + m[1] + m[2] + "/" + m[3])
	}
	return out
}

// zendeskPath matches the address of a Zendesk Guide article, section or
// category: /hc/<locale>/articles/<number>-<title>, the locale and the
// title optional. Zendesk finds the page by its number whatever title
// follows it (the title changes with the article's), so PathKeys reads
// the address as its locale, kind and number: an alias written with the
// title the article had then is found by the address with another title
// or none.
var zendeskPath = regexp.MustCompile(`^/hc/([a-z]{2,3}(?:-[a-z0-9]{2,8})*/)?(articles|sections|categories)/(\d+)(?:-[^/]*)?$`)

// withoutDocs returns path key k without the /docs segment, after the
// prefix of a configured locale if any; false when k has none.
func (c Config) withoutDocs(k string) (string, bool) {
	prefix, rest := "", k
	seg, after, _ := strings.Cut(strings.TrimPrefix(k, "/"), "/")
	for _, loc := range append([]string{c.DefaultLocale}, c.Locales...) {
		if sameLocale(seg, loc) {
			if loc != c.DefaultLocale {
				prefix = "/" + strings.ToLower(loc)
			}
			rest = "/" + after
			break
		}
	}
	if rest != "/docs" && !strings.HasPrefix(rest, "/docs/") {
		return "", false
	}
	if d := strings.TrimSuffix(prefix+strings.TrimPrefix(rest, "/docs"), "/"); d != "" {
		return d, true
	}
	return "/", true
}

// LocalePath returns p with its first segment, a locale code the site
// does not have but whose language is one of its locales' (/de-DE/x,
// /en_gb/x, /pt/x on a site of de, en and pt-BR), written as that locale
// (/de/x, /en/x, /pt-BR/x), as another tool's links and apps asking for
// their users' locale write it; false when the first segment is no such
// code.
func (c Config) LocalePath(p string) (string, bool) {
	seg, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	loc := c.localeOfLanguage(strings.ToLower(seg))
	if loc == "" {
		return "", false
	}
	return "/" + loc + "/" + rest, true
}

// localeOfLanguage returns the site's locale a path segment names by its
// language with another region or none ("de-DE", "de_at" for de; "en-US"
// for en; "pt" for pt-BR), when the site has exactly one locale of that
// language and none the segment names as written; "" otherwise.
func (c Config) localeOfLanguage(seg string) string {
	if !localeSegment.MatchString(seg) {
		return ""
	}
	lang, _, _ := strings.Cut(strings.ReplaceAll(seg, "_", "-"), "-")
	found := ""
	for _, loc := range append([]string{c.DefaultLocale}, c.Locales...) {
		if loc == "" || sameLocale(seg, loc) {
			if loc != "" {
				return ""
			}
			continue
		}
		if l, _, _ := strings.Cut(loc, "-"); strings.EqualFold(l, lang) && !strings.EqualFold(loc, found) {
			if found != "" {
				return "" // two locales of the language: which one is not said
			}
			found = loc
		}
	}
	return found
}

// localeSegment matches a path segment shaped as a locale code: a
// language of two or three letters, then regions or scripts.
var localeSegment = regexp.MustCompile(`^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$`)

// sameLocale reports whether a path segment names locale, in any case and
// with - or _ between its parts (/pt_br/ is pt-BR's, as Hugo spells it).
func sameLocale(seg, locale string) bool {
	return locale != "" && strings.EqualFold(strings.ReplaceAll(seg, "_", "-"), locale)
}

// articlePaths maps the path keys (PathKeys) of the visible articles'
// URLs, aliases, the redirects.yaml entries leading to them and the URLs
// another tool served them at (Library.SlugURLs) to the articles; built on
// first use, shared by the copies of a view.
type articlePaths struct {
	once sync.Once
	at   map[string]*Article
	// ids maps the visible articles' IDs, lower-cased, to the IDs.
	ids map[string]string
}

// index builds the maps of p on first use.
func (p *articlePaths) index(v *View) *articlePaths {
	p.once.Do(func() {
		p.at = v.articlePaths()
		p.ids = map[string]string{}
		for id := range v.byID {
			if k := strings.ToLower(id); p.ids[k] == "" || id < p.ids[k] {
				p.ids[k] = id
			}
		}
	})
	return p
}

// FoldedID returns the ID of the visible article whose ID is id in
// another letter case ("troubleshooting/clicking-noise" for the
// Clicking-Noise.md file's "troubleshooting/Clicking-Noise"), the first
// in byte order when several are; "" for none.
func (v *View) FoldedID(id string) string {
	return v.pathIndex().ids[strings.ToLower(id)]
}

// pathIndex returns the view's path maps, built on first use (for a view
// not made by NewView, each time).
func (v *View) pathIndex() *articlePaths {
	if v.paths == nil {
		return (&articlePaths{}).index(v)
	}
	return v.paths.index(v)
}

// ArticleAt returns the visible article a request for the site path p
// (decoded, without query or fragment) shows or is sent to: the article at
// that URL, or at one of its other forms (PathKeys: letter case, trailing
// slash, .md or .html, /index, /en/ or /docs/), an article's alias, a
// redirects.yaml entry to an article or the URL another tool gave it (a
// Docusaurus slug), or, under a locale's prefix, the default locale's
// article where it is not translated and the translation an alias or
// redirect written without the prefix leads to. An article's own URL comes before another's alias,
// which comes before redirects and slugs, as the site serves them. false
// when p leads to no visible article.
func (v *View) ArticleAt(p string) (*Article, bool) {
	if a, ok := v.byURL[p]; ok {
		return a, true
	}
	at := v.pathIndex().at
	c := v.Lib.Config
	for _, k := range c.PathKeys(p) {
		if a, ok := at[k]; ok {
			return a, true
		}
	}
	// Under a locale's prefix, an article not translated into it: the
	// site sends the reader to the default locale's; an alias of the
	// translation or a redirect to it (/fr/old/rembourser): to it.
	seg, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	for _, loc := range c.Locales {
		if loc == c.DefaultLocale || !sameLocale(seg, loc) {
			continue
		}
		for _, k := range c.PathKeys("/" + rest) {
			if a, ok := at[k]; ok && (a.Locale == c.DefaultLocale || a.Locale == loc) {
				return a, true
			}
		}
	}
	return nil, false
}

func (v *View) articlePaths() map[string]*Article {
	at := map[string]*Article{}
	key := func(p string) string {
		k := strings.ToLower(p)
		if len(k) > 1 {
			k = strings.TrimSuffix(k, "/")
		}
		return k
	}
	add := func(p string, a *Article) {
		if k := key(p); a != nil && at[k] == nil {
			at[k] = a
		}
	}
	urls := make([]string, 0, len(v.byURL))
	for u := range v.byURL {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	for _, u := range urls {
		add(u, v.byURL[u])
	}
	for _, u := range urls {
		for _, alias := range v.byURL[u].Aliases {
			add(alias, v.byURL[u])
		}
	}
	to := func(target string) *Article {
		if a, ok := v.byURL[target]; ok {
			return a
		}
		return v.byURL[strings.TrimSuffix(target, "/")]
	}
	for _, r := range v.Lib.Redirects {
		if r.To != "" {
			add(r.From, to(r.To))
		}
	}
	slugs := make([]string, 0, len(v.Lib.SlugURLs))
	for from := range v.Lib.SlugURLs {
		slugs = append(slugs, from)
	}
	slices.Sort(slugs)
	for _, from := range slugs {
		add(from, to(v.Lib.SlugURLs[from]))
	}
	// An alias or redirect written as the old site served it
	// (/docs/old/setup.html) names the article in its other forms too
	// (/docs/old/setup, /old/setup), as the site answers them, after
	// every path as written.
	for _, u := range urls {
		for _, alias := range v.byURL[u].Aliases {
			for _, k := range v.Lib.Config.PathKeys(alias)[1:] {
				add(k, v.byURL[u])
			}
		}
	}
	for _, r := range v.Lib.Redirects {
		if r.To != "" {
			for _, k := range v.Lib.Config.PathKeys(r.From)[1:] {
				add(k, to(r.To))
			}
		}
	}
	return at
}
