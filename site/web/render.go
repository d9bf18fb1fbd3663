package web

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/guichet/guichet/site"
)

const htmlType = "text/html; charset=utf-8"

// state is everything a request reads: one immutable snapshot, swapped as
// a whole when content reloads, so no request sees a half-built site.
type state struct {
	view   *site.View
	search site.Searcher
	tmpl   *templates
	assets *assetSet
	// pages holds every home, category and article page, rendered once.
	pages map[string]*blob
	// moved maps an alias or redirected path to its target; gone lists
	// removed paths (410).
	moved map[string]string
	gone  map[string]bool
	// nonDefault lists the locales served under a "/{locale}" prefix.
	nonDefault map[string]bool
	// results caches search and suggest answers for this snapshot;
	// replaced when ranking signals change (ClearResults).
	results atomic.Pointer[resultCache]
}

// buildState renders every static page of the view.
func buildState(v *site.View, searcher site.Searcher, tmpl *templates, assets *assetSet) (*state, error) {
	st := &state{
		view: v, search: searcher, tmpl: tmpl, assets: assets,
		pages:      map[string]*blob{},
		moved:      map[string]string{},
		gone:       map[string]bool{},
		nonDefault: map[string]bool{},
	}
	st.results.Store(newResultCache(resultCacheSize))
	for _, loc := range v.Lib.Locales() {
		if loc != v.Lib.Config.DefaultLocale {
			st.nonDefault[loc] = true
		}
	}
	type job struct {
		path string
		name string
		data func() any
	}
	rel := newRelatedIndex(v)
	var jobs []job
	for _, loc := range v.Lib.Locales() {
		if len(v.ByLocale[loc]) == 0 && loc != v.Lib.Config.DefaultLocale {
			continue
		}
		jobs = append(jobs, job{localePrefix(v, loc) + "/", "home", func() any { return homeData(v, loc) }})
		for _, c := range v.Lib.Categories {
			if c.Locale == loc && v.CountIn(c.ID, loc) > 0 {
				jobs = append(jobs, job{c.URL, "category", func() any { return categoryData(v, c) }})
			}
		}
	}
	for _, list := range v.ByLocale {
		for _, a := range list {
			jobs = append(jobs, job{a.URL, "article", func() any { return articleData(v, rel, a) }})
		}
	}
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
		next     = make(chan job)
	)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				body, err := tmpl.render(j.name, j.data())
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("render page %s: %w", j.path, err)
				}
				if err == nil {
					st.pages[j.path] = newBlob(htmlType, body)
				}
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	for _, list := range v.ByLocale {
		for _, a := range list {
			for _, alias := range a.Aliases {
				if _, taken := st.pages[alias]; !taken {
					st.moved[alias] = a.URL
				}
			}
		}
	}
	for _, r := range v.Lib.Redirects {
		if _, taken := st.pages[r.From]; taken {
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

func homeData(v *site.View, loc string) *homePage {
	b := newBase(v, loc, "", "", localePrefix(v, loc)+"/")
	b.HideHeaderSearch = true
	paths := map[string]string{}
	for _, l := range v.Lib.Locales() {
		if len(v.ByLocale[l]) > 0 {
			paths[l] = localePrefix(v, l) + "/"
		}
	}
	b.setAlternates(v, paths)
	p := &homePage{basePage: b, Heading: b.SiteTitle, Intro: v.Lib.Config.Description, Top: topQuestions(v, loc, 5)}
	for _, c := range v.TopCategories(loc) {
		p.Categories = append(p.Categories, catCard{Category: c, CountLabel: countLabel(b.T, v.CountIn(c.ID, loc))})
	}
	return p
}

func categoryData(v *site.View, c *site.Category) *categoryPage {
	b := newBase(v, c.Locale, c.Title, c.Description, c.URL)
	paths := map[string]string{}
	for loc, t := range v.CategoryTranslations(c.ID) {
		if v.CountIn(c.ID, loc) > 0 {
			paths[loc] = t.URL
		}
	}
	b.setAlternates(v, paths)
	p := &categoryPage{basePage: b, Category: c, Crumbs: crumbsFor(v, c.ID, c.Locale, true), Articles: v.ArticlesIn(c.ID, c.Locale)}
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
func (st *state) localeOf(p string) (string, string) {
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
func (st *state) find(ctx context.Context, kind string, req site.SearchRequest) (*site.SearchResults, error) {
	key := cacheKey(kind, req)
	cache := st.results.Load()
	if res, ok := cache.get(key); ok {
		return res, nil
	}
	var res *site.SearchResults
	var err error
	if kind == "g" {
		res, err = st.search.Suggest(ctx, req)
	} else {
		res, err = st.search.Search(ctx, req)
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
