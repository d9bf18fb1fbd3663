package web

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/errgroup"

	"github.com/guichet/guichet/site"
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
	view   *site.View
	search site.Searcher
	tmpl   *templates
	assets *assetSet
	// pages holds every category and article page, rendered once.
	pages map[string]*blob
	// rankedPaths are the paths of the pages a ranking renders (homes,
	// FAQs, sitemaps), for the lookups that need every path.
	rankedPaths map[string]bool
	// moved maps an alias or redirected path to its target; gone lists
	// removed paths (410).
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
	// feeds are the snapshot's Atom, RSS and JSON feeds.
	feeds *feedSet
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
	// rankedPages are each locale's home and FAQ page and the sitemap
	// (it lists a locale's FAQ only when it has questions).
	rankedPages map[string]*blob
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
	if err := renderAll(p.tmpl, st.ticketPages(), r.rankedPages); err != nil {
		return nil, err
	}
	if err := buildSitemaps(p.view, sitemapEntries(p.view, func(loc string) bool { return len(r.faq[loc]) > 0 }), maxSitemapURLs, r.rankedPages); err != nil {
		return nil, err
	}
	return st, nil
}

// page returns the prepared page at path p, if any.
func (st *state) page(p string) (*blob, bool) {
	if b, ok := st.rankedPages[p]; ok {
		return b, true
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

// servedLocales are the locales with pages: the default one, and every
// other that has a visible article.
func servedLocales(v *site.View) []string {
	var out []string
	for _, loc := range v.Lib.Locales() {
		if len(v.ByLocale[loc]) > 0 || loc == v.Lib.Config.DefaultLocale {
			out = append(out, loc)
		}
	}
	return out
}

// faqShown is the part of a locale's FAQ the pages show: the configured
// size, and every pinned article.
func (st *state) faqShown(loc string, limit int) []site.FAQEntry {
	list := st.faq[loc]
	n := limit
	for n < len(list) && list[n].Pinned {
		n++
	}
	return list[:min(n, len(list))]
}

// ticketPages are the pages that depend on ticket counts: each locale's
// home and FAQ page.
func (st *state) ticketPages() []job {
	v := st.view
	var jobs []job
	for _, loc := range servedLocales(v) {
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

// buildPublished renders every page of the view that does not depend on
// ticket counts.
func buildPublished(v *site.View, searcher site.Searcher, tmpl *templates, assets *assetSet) (*published, error) {
	st := &published{
		view: v, search: searcher, tmpl: tmpl, assets: assets,
		pages:       map[string]*blob{},
		rankedPaths: map[string]bool{"/sitemap.xml": true},
		moved:       map[string]string{},
		gone:        map[string]bool{},
		nonDefault:  map[string]bool{},
		contexts:    site.NewContextIndex(v),
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
	for _, loc := range servedLocales(v) {
		st.rankedPaths[localePrefix(v, loc)+"/"] = true
		st.rankedPaths[localePrefix(v, loc)+"/faq"] = true
	}
	var jobs []job
	for _, loc := range servedLocales(v) {
		for _, c := range v.Lib.Categories {
			if c.Locale == loc && v.CountIn(c.ID, loc) > 0 {
				jobs = append(jobs, job{c.URL, "category", func() any { return categoryData(v, c) }})
			}
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
	if err := renderAll(tmpl, jobs, st.pages); err != nil {
		return nil, err
	}
	st.feeds = newFeedSet(v)
	st.pages["/robots.txt"] = robotsTxt(v)
	for _, list := range v.ByLocale {
		for _, a := range list {
			for _, alias := range a.Aliases {
				if _, taken := st.pages[alias]; !taken && !st.rankedPaths[alias] {
					st.moved[alias] = a.URL
				}
			}
		}
	}
	for _, r := range v.Lib.Redirects {
		if _, taken := st.pages[r.From]; taken || st.rankedPaths[r.From] {
			continue
		}
		if r.To == "" {
			st.gone[r.From] = true
		} else {
			st.moved[r.From] = r.To
		}
	}
	return st, nil
}

// renderAll renders jobs on every core into pages; the first error stops
// it.
func renderAll(tmpl *templates, jobs []job, pages map[string]*blob) error {
	var mu sync.Mutex
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			body, err := tmpl.render(j.name, j.data())
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

func homeData(st *state, loc string) *homePage {
	v := st.view
	// "Help Center – Acme", "Centre d’aide – Acme": one title per locale.
	b := newBase(v, loc, strs(loc)["home"], "", localePrefix(v, loc)+"/")
	b.HideHeaderSearch = true
	b.setAlternates(v, localePaths(v, "/"))
	p := &homePage{basePage: b, Heading: b.SiteTitle, Intro: v.Lib.Config.Description}
	p.JSONLD = append(p.JSONLD, schemaWebSite(v, loc))
	for _, e := range st.faq[loc][:min(homeFAQ, len(st.faq[loc]))] {
		p.Top = append(p.Top, e.Article)
	}
	if len(st.faq[loc]) > 0 {
		p.FAQURL = localePrefix(v, loc) + "/faq"
	}
	for _, c := range v.TopCategories(loc) {
		p.Categories = append(p.Categories, catCard{Category: c, CountLabel: countLabel(b.T, v.CountIn(c.ID, loc))})
	}
	return p
}

func faqData(st *state, loc string) *faqPage {
	v := st.view
	b := newBase(v, loc, strs(loc)["faq_title"], strs(loc)["faq_intro"], localePrefix(v, loc)+"/faq")
	b.setAlternates(v, localePaths(v, "/faq"))
	entries := st.faqShown(loc, v.Lib.Config.FAQ.Size)
	p := &faqPage{basePage: b, Heading: b.T["faq_title"]}
	for i, e := range entries {
		anchor := "q" + strconv.Itoa(i+1)
		p.Entries = append(p.Entries, faqItem{FAQEntry: e, Anchor: anchor, HTML: demoteHeadings(scopeIDs(e.Article.HTML, anchor))})
	}
	if len(entries) > 0 {
		p.JSONLD = append(p.JSONLD, faqJSONLD(v, entries))
	}
	return p
}

func categoryData(v *site.View, c *site.Category) *categoryPage {
	desc := c.Description
	if desc == "" {
		// Not the site's description: each page describes itself.
		desc = c.Title + ": " + countLabel(strs(c.Locale), v.CountIn(c.ID, c.Locale)) + "."
	}
	b := newBase(v, c.Locale, c.Title, desc, c.URL)
	paths := map[string]string{}
	for loc, t := range v.CategoryTranslations(c.ID) {
		if v.CountIn(c.ID, loc) > 0 {
			paths[loc] = t.URL
		}
	}
	b.setAlternates(v, paths)
	p := &categoryPage{basePage: b, Category: c, Crumbs: crumbsFor(v, c.ID, c.Locale, true), Articles: v.ArticlesIn(c.ID, c.Locale)}
	if v.Drafts {
		for _, br := range v.Lib.Broken {
			if br.SectionID == c.ID && br.Locale == c.Locale {
				p.Broken = append(p.Broken, br)
			}
		}
	}
	p.Feeds = feedLinks(v, c.Locale, c)
	p.JSONLD = append(p.JSONLD, schemaCrumbs(v, p.Crumbs, p.Canonical))
	for _, s := range v.Children(c.ID, c.Locale) {
		list := v.ArticlesIn(s.ID, s.Locale)
		n := v.CountIn(s.ID, s.Locale)
		card := catCard{Category: s, CountLabel: countLabel(b.T, n), More: n > len(list) || len(list) > 6}
		if len(list) > 6 {
			list = list[:6]
		}
		card.Articles = list
		p.Sections = append(p.Sections, card)
	}
	return p
}

// brokenData is the dev-mode error panel of an article file that does not
// load: where each error is, in words, with the start of the file.
func brokenData(v *site.View, br site.Broken) *brokenPage {
	b := newBase(v, br.Locale, br.SourcePath, "", br.URL)
	b.NoIndex = true
	p := &brokenPage{basePage: b, Broken: br}
	marked := map[int]bool{}
	for _, e := range br.Errors {
		msg, fix, _ := strings.Cut(e.Message, ". Fix: ")
		p.Errors = append(p.Errors, panelError{Problem: e, Text: msg, Fix: fix})
		marked[e.Line] = true
	}
	for i, l := range br.Lines {
		p.Lines = append(p.Lines, panelLine{N: i + 1, Text: l, Error: marked[i+1]})
	}
	return p
}

func articleData(v *site.View, rel *relatedIndex, a *site.Article) *articlePage {
	b := newBase(v, a.Locale, a.Title, a.Description, a.URL)
	paths := map[string]string{}
	for loc, t := range v.Translations(a.ID) {
		paths[loc] = t.URL
	}
	b.setAlternates(v, paths)
	p := &articlePage{
		basePage:     b,
		Article:      a,
		Crumbs:       crumbsFor(v, a.SectionID, a.Locale, false),
		TOC:          a.TOC,
		Related:      rel.related(a, 5),
		UpdatedISO:   a.Updated.UTC().Format(time.RFC3339),
		UpdatedHuman: humanDate(a.Updated, a.Locale),
		Reasons:      reasonsFor(b.T),
	}
	if len(p.TOC) < 2 {
		p.TOC = nil
	}
	p.OGType = "article"
	// Drafts and scheduled articles (the preview) carry no structured data.
	if a.Visible(v.Now, false) {
		p.JSONLD = append(p.JSONLD, schemaArticle(v, a), schemaCrumbs(v, append(p.Crumbs, crumb{Title: a.Title}), p.Canonical))
	}
	switch {
	case a.Draft:
		p.Status = b.T["draft"]
		p.NoIndex = true
	case !a.PublishAt.IsZero() && a.PublishAt.After(v.Now):
		p.Status = b.T["scheduled"] + " " + humanDate(a.PublishAt, a.Locale)
		p.NoIndex = true
	}
	return p
}

// localeOf returns the locale a site path belongs to and the path without
// its locale prefix.
func (st *published) localeOf(p string) (string, string) {
	seg := strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		seg = seg[:i]
	}
	if st.nonDefault[seg] {
		rest := strings.TrimPrefix(p, "/"+seg)
		if rest == "" {
			rest = "/"
		}
		return seg, rest
	}
	return st.view.Lib.Config.DefaultLocale, p
}

// find runs a search ("s") or suggest ("g") through the snapshot's cache.
// find answers a search (kind "s") or suggest ("g") from the snapshot,
// timing the index (cached answers are not timed).
func (s *Server) find(ctx context.Context, st *state, kind string, req site.SearchRequest) (*site.SearchResults, error) {
	return st.find(ctx, kind, req, s.limiter.metrics.search)
}

func (st *published) find(ctx context.Context, kind string, req site.SearchRequest, timing *prometheus.HistogramVec) (*site.SearchResults, error) {
	key := cacheKey(kind, req)
	cache := st.results.Load()
	if res, ok := cache.get(key); ok {
		return res, nil
	}
	var res *site.SearchResults
	var err error
	start := time.Now()
	if kind == "g" {
		res, err = st.search.Suggest(ctx, req)
		timing.WithLabelValues("suggest").Observe(time.Since(start).Seconds())
	} else {
		res, err = st.search.Search(ctx, req)
		timing.WithLabelValues("search").Observe(time.Since(start).Seconds())
	}
	if err != nil {
		return nil, err
	}
	if res.Hits == nil {
		res.Hits = []site.SearchHit{}
	}
	cache.put(key, res)
	return res, nil
}
