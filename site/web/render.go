package web

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
	"github.com/labstack/echo/v4"
)

const htmlType = "text/html; charset=utf-8"

// state is everything a request reads: the published content, immutable
// and swapped when content is published, and the FAQ's ranking, swapped
// when ticket counts change. A request takes one state and keeps it, so it
// never sees a half-built site; a new ranking is a new state pointing to
// the same content, never a copy of it.
type state struct {
	*published
	*ranking
}

// published is the content part of a state: every page that does not
// depend on ticket counts, rendered once per publication.
type published struct {
	// base is the public URL's path (publicPath): every page written
	// carries it before its paths.
	base   string
	view   *site.View
	search site.Searcher
	tmpl   *templates
	assets *assetSet
	// themeProblem is why the content's theme did not load or render at
	// this publication (the pages use the last good one), nil if it did.
	themeProblem *site.Problem
	// pages holds every category and article page, rendered on first
	// request (hotpages.go), and robots.txt.
	pages map[string]*blob
	// hot bounds the rendered pages kept in memory.
	hot *hotPages
	// rankedPaths are the paths of the pages a ranking renders (homes,
	// FAQs, sitemaps), for the lookups that need every path.
	rankedPaths map[string]bool
	// moved maps an alias or redirected path to its target; gone lists
	// removed paths (410), as redirects.yaml writes them. Both are keyed
	// by pathKey.
	moved map[string]string
	gone  map[string]bool
	// nonDefault lists the locales served under a "/{locale}" prefix.
	nonDefault map[string]bool
	// results caches search and suggest answers for this snapshot;
	// replaced when ranking signals change (ClearResults).
	results atomic.Pointer[resultCache]
	// contexts finds the articles whose front-matter contexts fit a host
	// page of the widget.
	contexts *site.ContextIndex
	// widgetJS is the widget loader with this snapshot's settings.
	widgetJS *blob
	// feeds returns the snapshot's Atom, RSS and JSON feeds, grouped on
	// the first request of one (sorting 100,000 articles by date took a
	// fifth of a second of every restart).
	feeds func() *feedSet
	// csp is the Content-Security-Policy of the snapshot's pages (their
	// inline style depends on the brand colour).
	csp string
	// variants finds pages from other spellings of their URL (variants.go).
	variantsOnce sync.Once
	variants     variantIndex
}

// ranking is the ticket-driven part of a state: the FAQ ranked with ticket
// counts and the pages that show it.
type ranking struct {
	// stats are the ticket counts the FAQ was ranked with; faq is that
	// ranking per locale, up to maxFAQ entries (the API's limit).
	stats *site.TicketStats
	faq   map[string][]site.FAQEntry
	// faqRank is each article's position in faq, per locale.
	faqRank map[string]map[string]int
	// rankedPages are each locale's home and FAQ page.
	rankedPages map[string]*blob
	// sitemaps builds, on the first request of one, /sitemap.xml and its
	// parts (they list a locale's FAQ only when it has questions): a
	// publication renders no sitemap no crawler asked for.
	sitemaps func() map[string]*blob
}

// maxFAQ is the most FAQ entries the API returns.
const maxFAQ = 50

// rank ranks the FAQ of every locale of the published content with stats
// and renders the pages that show it, and returns the state serving both.
func rank(p *published, stats *site.TicketStats) (*state, error) {
	cfg := p.view.Lib.Config.FAQ
	cfg.Size = maxFAQ
	r := &ranking{stats: stats, faq: map[string][]site.FAQEntry{}, faqRank: map[string]map[string]int{}, rankedPages: map[string]*blob{}}
	for _, loc := range p.view.Lib.Locales() {
		list := site.RankFAQ(p.view, loc, stats, cfg)
		order := make(map[string]int, len(list))
		for i, e := range list {
			order[e.Article.ID] = i
		}
		r.faq[loc], r.faqRank[loc] = list, order
	}
	st := &state{published: p, ranking: r}
	if err := renderAll(p.render, st.ticketPages(), r.rankedPages); err != nil {
		return nil, err
	}
	r.sitemaps = sync.OnceValue(func() map[string]*blob {
		pages := map[string]*blob{}
		if err := buildSitemaps(p.view, sitemapEntries(p.view, r.ownQuestions), maxSitemapURLs, pages); err != nil {
			return nil // only an XML encoding failure: the sitemap answers 404
		}
		return pages
	})
	return st, nil
}

// page returns the prepared page at path p, if any.
func (st *state) page(p string) (*blob, bool) {
	if b, ok := st.rankedPages[p]; ok {
		return b, true
	}
	if strings.HasPrefix(p, "/sitemap") && strings.HasSuffix(p, ".xml") {
		if b, ok := st.sitemaps()[p]; ok {
			return b, true
		}
	}
	b, ok := st.pages[p]
	return b, ok
}

// localePaths maps each locale with visible articles to the path of a
// page every such locale has ("/" → "/", "/fr/").
func localePaths(v *site.View, rest string) map[string]string {
	paths := map[string]string{}
	for _, l := range v.Lib.Locales() {
		if len(v.ByLocale[l]) > 0 {
			paths[l] = localePrefix(v, l) + rest
		}
	}
	return paths
}

// listedPaths maps every locale of locales: to the path of a page each
// has, translated or not ("/" → "/", "/fr/", "/de/"): the home and the
// FAQ, which a locale without articles yet shows with the default
// locale's.
func listedPaths(v *site.View, rest string) map[string]string {
	paths := map[string]string{}
	for _, l := range v.Lib.Locales() {
		paths[l] = localePrefix(v, l) + rest
	}
	return paths
}

// hasArticles reports whether locale has visible articles of its own: the
// default locale always does; another without any shows the default
// locale's, and its pages are left out of the index, the sitemap, the
// hreflang links and the feeds.
func hasArticles(v *site.View, locale string) bool {
	return locale == v.Lib.Config.DefaultLocale || len(v.ByLocale[locale]) > 0
}

// servedLocales are the locales with articles of their own (hasArticles):
// those of the sitemap, the feeds and the widget's strings.
func servedLocales(v *site.View) []string {
	var out []string
	for _, loc := range v.Lib.Locales() {
		if hasArticles(v, loc) {
			out = append(out, loc)
		}
	}
	return out
}

// ticketPages are the pages that depend on ticket counts: the home and
// FAQ page of each locale of locales:, translated or not yet.
func (st *state) ticketPages() []job {
	v := st.view
	var jobs []job
	for _, loc := range v.Lib.Locales() {
		jobs = append(jobs,
			job{localePrefix(v, loc) + "/", "home", func() any { return homeData(st, loc) }},
			job{localePrefix(v, loc) + "/faq", "faq", func() any { return faqData(st, loc) }})
	}
	return jobs
}

// job is one page to render.
type job struct {
	path string
	name string
	data func() any
}

// buildPublished prepares every page of the view that does not depend on
// ticket counts: category and article pages are rendered on request,
// keeping at most hotBytes of them (0: hotPagesBytes).
func buildPublished(v *site.View, searcher site.Searcher, tmpl *templates, assets *assetSet, hotBytes int64) (*published, error) {
	if hotBytes <= 0 {
		hotBytes = hotPagesBytes
	}
	st := &published{
		base: publicPath(v), view: v, search: searcher, tmpl: tmpl, assets: assets,
		pages:       map[string]*blob{},
		hot:         newHotPages(hotBytes),
		rankedPaths: map[string]bool{"/sitemap.xml": true},
		moved:       map[string]string{},
		gone:        map[string]bool{},
		nonDefault:  map[string]bool{},
		contexts:    site.NewContextIndex(v, textnorm.Compose),
		widgetJS:    buildWidgetJS(v, assets),
		csp:         contentSecurityPolicy(newBase(v, v.Lib.Config.DefaultLocale, "", "", "").BrandCSS, "'self'"),
	}
	st.results.Store(newResultCache(resultCacheSize))
	for _, loc := range v.Lib.Locales() {
		if loc != v.Lib.Config.DefaultLocale {
			st.nonDefault[loc] = true
		}
	}
	rel := newRelatedIndex(v)
	for _, loc := range v.Lib.Locales() {
		st.rankedPaths[localePrefix(v, loc)+"/"] = true
		st.rankedPaths[localePrefix(v, loc)+"/faq"] = true
	}
	var jobs []job
	// A category has a page in each locale it has articles in, and in a
	// locale whose title it has while its articles are not translated
	// (HasPage).
	for _, c := range v.Lib.Categories {
		if v.HasPage(c) {
			jobs = append(jobs, job{c.URL, "category", func() any { return categoryData(v, c) }})
		}
	}
	// In dev mode an article whose file has errors shows them in its place.
	broken := map[string]bool{}
	if v.Drafts {
		for _, b := range v.Lib.Broken {
			broken[b.URL] = true
			jobs = append(jobs, job{b.URL, "broken", func() any { return brokenData(v, b) }})
		}
	}
	for _, list := range v.ByLocale {
		for _, a := range list {
			if !broken[a.URL] {
				jobs = append(jobs, job{a.URL, "article", func() any { return articleData(v, rel, a) }})
			}
		}
	}
	if err := checkTemplates(tmpl, jobs); err != nil {
		return nil, err
	}
	for _, j := range jobs {
		st.pages[j.path] = newLazyBlob(j.name, j.data)
	}
	st.feeds = sync.OnceValue(func() *feedSet { return newFeedSet(v) })
	st.pages["/robots.txt"] = robotsTxt(v)
	// Old paths are keyed as requests are looked up (pathKey).
	for _, list := range v.ByLocale {
		for _, a := range list {
			for _, alias := range a.Aliases {
				if alias = pathKey(alias); !st.taken(alias) {
					st.moved[alias] = a.URL
				}
			}
		}
	}
	// Where another tool served an article (a Docusaurus slug URL).
	for u, to := range v.Lib.SlugURLs {
		if u = pathKey(u); !st.taken(u) {
			st.moved[u] = to
		}
	}
	for _, r := range v.Lib.Redirects {
		from := pathKey(r.From)
		if _, alias := st.moved[from]; st.taken(from) || alias {
			continue // a page, or an article's alias or slug URL, stands (check warns)
		}
		if r.To == "" {
			st.gone[from] = true // see isGone
		} else {
			st.moved[from] = r.To
		}
	}
	return st, nil
}

// render renders page name with data, the public URL's path written
// before its paths (prefixPaths).
func (p *published) render(name string, data any) ([]byte, error) {
	body, err := p.tmpl.render(name, data)
	if err != nil {
		return nil, err
	}
	return prefixPaths(body, p.base), nil
}

// renderAll renders jobs on every core into pages; the first error stops
// it.
func renderAll(render func(string, any) ([]byte, error), jobs []job, pages map[string]*blob) error {
	var mu sync.Mutex
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			body, err := render(j.name, j.data())
			if err != nil {
				return fmt.Errorf("render page %s: %w", j.path, err)
			}
			mu.Lock()
			pages[j.path] = newBlob(htmlType, body)
			mu.Unlock()
			return nil
		})
	}
	return g.Wait()
}

// checkTemplates renders the first page of each template among jobs, so
// a template that fails on this content stops the publication instead of
// failing its pages' requests.
func checkTemplates(tmpl *templates, jobs []job) error {
	seen := map[string]bool{}
	for _, j := range jobs {
		if seen[j.name] {
			continue
		}
		seen[j.name] = true
		if _, err := tmpl.render(j.name, j.data()); err != nil {
			return fmt.Errorf("render page %s: %w", j.path, err)
		}
	}
	return nil
}

// taken reports whether a page is served at path key p (see pathKey):
// an old path there (an alias, a redirect) is never followed.
func (st *published) taken(p string) bool {
	_, ok := st.pages[p]
	return ok || st.rankedPaths[p]
}

// localeOf returns the locale a site path belongs to and the path without
// its locale prefix, written in any case and with - or _ (/pt-br/…, as
// Hugo spells it, is pt-BR's).
func (st *published) localeOf(p string) (string, string) {
	seg := strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		seg = seg[:i]
	}
	loc := seg
	if !st.nonDefault[loc] {
		loc, _, _ = i18n.Canonical(seg)
	}
	if st.nonDefault[loc] {
		rest := strings.TrimPrefix(p, "/"+seg)
		if rest == "" {
			rest = "/"
		}
		return loc, rest
	}
	return st.view.Lib.Config.DefaultLocale, p
}

// renderDynamic renders a per-request page and writes it, compressed when
// the client accepts it. Such pages are never cached by shared caches.
func (s *Server) renderDynamic(c echo.Context, st *state, status int, name string, data any) error {
	body, err := st.render(name, data)
	if err != nil {
		return err
	}
	newBlob(htmlType, body).write(c.Response(), c.Request(), status, "no-store")
	return nil
}
