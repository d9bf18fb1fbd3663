package site

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Library is an immutable snapshot of the loaded content: every article and
// category in every locale (drafts and scheduled articles included; callers
// filter with View), the site config, synonyms, redirects and the problems
// found while loading. It is never modified after content.Load returns it.
type Library struct {
	Config     Config
	Articles   []*Article  // sorted by SourcePath
	Categories []*Category // sorted by ID then locale
	// Synonyms maps a locale to groups of equivalent search terms.
	Synonyms map[string][][]string
	// Strings are the content folder's own interface strings
	// (i18n/<locale>.yaml), added to or replacing the theme's.
	Strings   Strings
	Redirects []Redirect
	// SlugURLs maps the URL paths another tool served articles at (a
	// Docusaurus `slug: /install` in guides/setup.md: /install, locale
	// prefix included) to the articles' URLs: requests there answer 301.
	SlugURLs map[string]string
	Problems []Problem
	// Broken lists the article files that did not load because of their
	// errors (a kept last good version may stand in for them), for the
	// error panel of dev mode.
	Broken []Broken
	// Hash identifies the content: equal hashes mean equal content, so a
	// search index built from one can be reused for the other.
	Hash string
}

// Broken is an article file whose errors keep it from loading.
type Broken struct {
	SourcePath string
	Locale     string
	// URL is where the article is (or would be) served: its last good
	// version's, else the one its file name gives.
	URL string
	// SectionID is the folder holding the file, as Article.SectionID.
	SectionID string
	// Errors are its problems of severity error, in line order.
	Errors []Problem
	// Lines are the first lines of the file (the front matter and a few
	// more), for showing where the errors are.
	Lines []string
}

// Locales returns the configured locales, the default one first.
func (l *Library) Locales() []string {
	out := []string{l.Config.DefaultLocale}
	for _, loc := range l.Config.Locales {
		if loc != l.Config.DefaultLocale {
			out = append(out, loc)
		}
	}
	return out
}

// HasErrors reports whether loading found at least one error.
func (l *Library) HasErrors() bool {
	for _, p := range l.Problems {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

// View is the part of a Library visible at one moment: published articles
// (or all of them in drafts mode), indexed for lookups. Build it with
// NewView; it is immutable.
type View struct {
	Lib    *Library
	Now    time.Time
	Drafts bool

	// Articles visible, grouped by locale, each list sorted by category,
	// weight then title.
	ByLocale map[string][]*Article
	byURL    map[string]*Article
	byID     map[string]map[string]*Article // id → locale → article
	catByURL map[string]*Category
	catByID  map[string]map[string]*Category
	children map[string][]*Category // parent ID|locale → child categories
	inCat    map[string][]*Article  // section ID|locale → articles directly inside
	files    map[string]bool        // content files visible articles and categories reference
	titles   map[string]string      // URL → <title> of the pages whose title is shared (PageTitle)
	// UI holds the interface strings the pages are written with; set by
	// the web server on its copy of the view (nil elsewhere).
	UI Localizer
	// NextChange is the earliest future publish_at among hidden articles;
	// zero when nothing is scheduled. The view must be rebuilt then.
	NextChange time.Time
	// untranslated counts, on first use, the default locale's articles
	// not translated (UntranslatedIn); a pointer, so that copies of the
	// view share it.
	untranslated *untranslatedCounts
	// paths indexes the article paths ArticleAt reads, on first use.
	paths *articlePaths
}

// untranslatedCounts maps a category ID and locale to the number of the
// default locale's visible articles inside the category, sections
// included, without a visible version in the locale.
type untranslatedCounts struct {
	once  sync.Once
	count map[catLocale]int
}

// NewView selects what is visible at now.
func NewView(lib *Library, now time.Time, drafts bool) *View {
	v := &View{
		Lib: lib, Now: now, Drafts: drafts,
		ByLocale: map[string][]*Article{},
		byURL:    map[string]*Article{},
		byID:     map[string]map[string]*Article{},
		catByURL: map[string]*Category{},
		catByID:  map[string]map[string]*Category{},
		children: map[string][]*Category{},
		inCat:    map[string][]*Article{},
		files:    map[string]bool{},

		untranslated: &untranslatedCounts{},
		paths:        &articlePaths{},
	}
	// The brand's images are served like the files articles reference.
	for _, f := range []string{lib.Config.Logo, lib.Config.LogoDark, lib.Config.Favicon} {
		if f != "" {
			v.files[f] = true
		}
	}
	for _, c := range lib.Categories {
		for _, f := range c.Files {
			v.files[f] = true
		}
		v.catByURL[c.URL] = c
		if v.catByID[c.ID] == nil {
			v.catByID[c.ID] = map[string]*Category{}
		}
		v.catByID[c.ID][c.Locale] = c
		if c.ParentID != "" {
			k := c.ParentID + "|" + c.Locale
			v.children[k] = append(v.children[k], c)
		}
	}
	for _, a := range lib.Articles {
		if !a.Visible(now, drafts) {
			if !a.Draft && a.PublishAt.After(now) && (v.NextChange.IsZero() || a.PublishAt.Before(v.NextChange)) {
				v.NextChange = a.PublishAt
			}
			continue
		}
		v.ByLocale[a.Locale] = append(v.ByLocale[a.Locale], a)
		for _, f := range a.Files {
			v.files[f] = true
		}
		v.byURL[a.URL] = a
		if v.byID[a.ID] == nil {
			v.byID[a.ID] = map[string]*Article{}
		}
		v.byID[a.ID][a.Locale] = a
		k := a.SectionID + "|" + a.Locale
		v.inCat[k] = append(v.inCat[k], a)
	}
	for _, list := range v.ByLocale {
		sortArticles(list)
	}
	for _, list := range v.inCat {
		sortArticles(list)
	}
	for _, list := range v.children {
		sortCategories(list)
	}
	v.titles = v.distinctTitles()
	return v
}

// Published reports whether the content file at p (a path relative to the
// content directory) is referenced by a visible article or a category, the
// only files the site may serve from the content folder.
func (v *View) Published(p string) bool { return v.files[p] }

func sortArticles(list []*Article) {
	// The keys are copied side by side first: at 100,000 articles,
	// comparing through the pointers (scattered in memory) took a third of
	// a second of each restart. The position in list keeps the sort stable.
	type entry struct {
		category string
		weight   int
		title    string
		at       int
		a        *Article
	}
	es := make([]entry, len(list))
	for i, a := range list {
		es[i] = entry{a.CategoryID, a.Weight, a.Title, i, a}
	}
	slices.SortFunc(es, func(x, y entry) int {
		if c := strings.Compare(x.category, y.category); c != 0 {
			return c
		}
		if c := CompareWeight(x.weight, y.weight); c != 0 {
			return c
		}
		if c := strings.Compare(x.title, y.title); c != 0 {
			return c
		}
		return cmp.Compare(x.at, y.at)
	})
	for i, e := range es {
		list[i] = e.a
	}
}

// CompareWeight orders two weights (front matter `weight`, or what an
// import reads as one: Docusaurus's `sidebar_position`, a
// `_category_.json` position) as the tools writers come from do: the lower
// first, and 0, no weight, after every weighted one (Hugo's rule;
// Docusaurus lists unpositioned docs last). It returns -1, 0 or 1, as
// cmp.Compare.
func CompareWeight(a, b int) int {
	if (a == 0) != (b == 0) {
		if a == 0 {
			return 1
		}
		return -1
	}
	return cmp.Compare(a, b)
}

func sortCategories(list []*Category) {
	sort.SliceStable(list, func(i, j int) bool {
		if c := CompareWeight(list[i].Weight, list[j].Weight); c != 0 {
			return c < 0
		}
		return list[i].Title < list[j].Title
	})
}

// ArticleByURL returns the visible article at path, or ENOTFOUND.
func (v *View) ArticleByURL(path string) (*Article, error) {
	if a, ok := v.byURL[path]; ok {
		return a, nil
	}
	return nil, Errorf(ENOTFOUND, "no article at %s", path)
}

// Article returns the visible article with id in locale, or ENOTFOUND.
func (v *View) Article(id, locale string) (*Article, error) {
	if a, ok := v.byID[id][locale]; ok {
		return a, nil
	}
	return nil, Errorf(ENOTFOUND, "no article %q in locale %q", id, locale)
}

// ArticleOrDefault returns the visible article with id in locale, else in
// the default locale (an article not translated into locale: the site
// shows its original), or ENOTFOUND naming the default locale.
func (v *View) ArticleOrDefault(id, locale string) (*Article, error) {
	if a, err := v.Article(id, locale); err == nil {
		return a, nil
	}
	return v.Article(id, v.Lib.Config.DefaultLocale)
}

// Translations returns the visible versions of the article with id, by locale.
func (v *View) Translations(id string) map[string]*Article {
	return v.byID[id]
}

// CategoryByURL returns the category or section at path, or ENOTFOUND.
func (v *View) CategoryByURL(path string) (*Category, error) {
	if c, ok := v.catByURL[path]; ok {
		return c, nil
	}
	return nil, Errorf(ENOTFOUND, "no category at %s", path)
}

// Category returns the category with id in locale, falling back to the
// default locale, or ENOTFOUND.
func (v *View) Category(id, locale string) (*Category, error) {
	if c, ok := v.catByID[id][locale]; ok {
		return c, nil
	}
	if c, ok := v.catByID[id][v.Lib.Config.DefaultLocale]; ok {
		return c, nil
	}
	return nil, Errorf(ENOTFOUND, "no category %q", id)
}

// CategoryTranslations returns the category with id by locale.
func (v *View) CategoryTranslations(id string) map[string]*Category {
	return v.catByID[id]
}

// TopCategories returns the top-level categories of locale that hold at
// least one visible article (directly or in a section), in display order.
func (v *View) TopCategories(locale string) []*Category {
	var out []*Category
	for _, c := range v.Lib.Categories {
		if c.Locale == locale && c.ParentID == "" && v.CountIn(c.ID, locale) > 0 {
			out = append(out, c)
		}
	}
	sortCategories(out)
	return out
}

// BrowseCategories returns what a reader of locale browses: the
// top-level categories holding articles of locale (TopCategories), then,
// in the default locale's order, those holding none: the locale's version
// when it has a page anyway (HasPage: a title of its own over articles not
// translated yet), else the default locale's (its Locale says so), so that
// a locale listed in locales: but not yet translated, or translated in
// part, hides none of the help center. For the default locale it is
// TopCategories.
func (v *View) BrowseCategories(locale string) []*Category {
	return v.browse(v.TopCategories(locale), v.TopCategories(v.Lib.Config.DefaultLocale), locale)
}

// BrowseSections returns the sections directly inside category id that a
// reader of locale browses, in the order and by the rule of
// BrowseCategories: those holding articles of locale, then the others
// holding the default locale's, each in locale when it has a page there.
func (v *View) BrowseSections(id, locale string) []*Category {
	return v.browse(v.Children(id, locale), v.Children(id, v.Lib.Config.DefaultLocale), locale)
}

// browse returns own (categories of locale holding its articles), then the
// categories of def (the default locale's) that hold none in locale, in
// locale when they have a page there.
func (v *View) browse(own, def []*Category, locale string) []*Category {
	if locale == v.Lib.Config.DefaultLocale {
		return own
	}
	out := own
	for _, c := range def {
		if v.CountIn(c.ID, locale) > 0 {
			continue
		}
		if lc, ok := v.catByID[c.ID][locale]; ok && v.HasPage(lc) {
			c = lc
		}
		out = append(out, c)
	}
	return out
}

// HasPage reports whether category or section c has a page in its locale:
// it holds visible articles of that locale (CountIn), or, in a locale
// other than the default one, its title is the locale's own (Lang) and it
// holds default-locale articles not translated yet (UntranslatedIn), which
// the page lists in the default locale.
func (v *View) HasPage(c *Category) bool {
	if v.CountIn(c.ID, c.Locale) > 0 {
		return true
	}
	return c.Locale != v.Lib.Config.DefaultLocale && c.Lang == c.Locale && v.UntranslatedIn(c.ID, c.Locale) > 0
}

// Untranslated returns the default locale's visible articles directly
// inside the category or section id that have no visible version in
// locale, in display order: what a page of locale lists after its own
// (ArticlesIn), in the default locale. None for the default locale.
func (v *View) Untranslated(id, locale string) []*Article {
	def := v.Lib.Config.DefaultLocale
	if locale == def {
		return nil
	}
	var out []*Article
	for _, a := range v.inCat[id+"|"+def] {
		if _, ok := v.byID[a.ID][locale]; !ok {
			out = append(out, a)
		}
	}
	return out
}

// UntranslatedIn counts the default locale's visible articles inside
// category id, its sections included, that have no visible version in
// locale (0 for the default locale). The counts of every category and
// locale are made on the first call.
func (v *View) UntranslatedIn(id, locale string) int {
	if locale == v.Lib.Config.DefaultLocale {
		return 0
	}
	u := v.untranslated
	if u == nil { // a View not made by NewView
		return v.countUntranslated()[catLocale{id, locale}]
	}
	u.once.Do(func() { u.count = v.countUntranslated() })
	return u.count[catLocale{id, locale}]
}

// countUntranslated counts, for every category and locale other than the
// default one, the default locale's articles inside it (sections
// included) without a version in that locale.
func (v *View) countUntranslated() map[catLocale]int {
	def := v.Lib.Config.DefaultLocale
	others := v.Lib.Locales()[1:]
	direct := map[catLocale]int{}
	for _, a := range v.ByLocale[def] {
		versions := v.byID[a.ID]
		for _, loc := range others {
			if _, ok := versions[loc]; !ok {
				direct[catLocale{a.SectionID, loc}]++
			}
		}
	}
	count := make(map[catLocale]int, len(direct))
	for k, n := range direct {
		for id := k.id; id != ""; {
			count[catLocale{id, k.locale}] += n
			c, ok := v.catByID[id][def]
			if !ok {
				break
			}
			id = c.ParentID
		}
	}
	return count
}

// catLocale is a category ID and a locale.
type catLocale struct{ id, locale string }

// Children returns the sections directly inside category id in locale that
// hold at least one visible article.
func (v *View) Children(id, locale string) []*Category {
	var out []*Category
	for _, c := range v.children[id+"|"+locale] {
		if v.CountIn(c.ID, locale) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// ArticlesIn returns the visible articles directly inside the category or
// section id in locale, in display order.
func (v *View) ArticlesIn(id, locale string) []*Article {
	return v.inCat[id+"|"+locale]
}

// CountIn counts visible articles inside category id in locale, sections
// included.
func (v *View) CountIn(id, locale string) int {
	n := len(v.inCat[id+"|"+locale])
	for _, c := range v.children[id+"|"+locale] {
		n += v.CountIn(c.ID, locale)
	}
	return n
}

// Ancestors returns the chain of categories from the top-level category down
// to the section id (inclusive) in locale.
func (v *View) Ancestors(id, locale string) []*Category {
	var chain []*Category
	for id != "" {
		c, err := v.Category(id, locale)
		if err != nil {
			break
		}
		chain = append([]*Category{c}, chain...)
		id = c.ParentID
	}
	return chain
}
