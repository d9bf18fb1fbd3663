package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
)

// basePage carries what every page needs: locale, strings, SEO slots.
type basePage struct {
	Locale      string
	T           map[string]string
	SiteTitle   string
	Title       string // the whole <title>
	Description string
	Canonical   string
	Alternates  []alternate // hreflang links, x-default included
	Languages   []alternate // language switcher
	NoIndex     bool
	BrandColor  string
	// BrandCSS is the page's one inline style (the brand colour); the
	// Content-Security-Policy allows exactly it by its hash (styleHash).
	BrandCSS   template.CSS
	HomeURL    string
	SearchURL  string
	ContactURL string
	Query      string
	// HideHeaderSearch is set on pages that show their own search box.
	HideHeaderSearch bool
	// Dev adds the script that reloads the page when content changes.
	Dev bool
	// JSONLD holds structured-data blocks, already JSON-encoded with <, >
	// and & escaped, so no value can close the script element.
	JSONLD []template.JS
	// OGType is the OpenGraph type: website, or article.
	OGType string
	// Feeds are the feeds the page links to.
	Feeds []feedLink
}

// alternate is one language version of a page.
type alternate struct {
	Locale  string // hreflang value ("en", "fr", "x-default")
	Name    string // the language's own name
	URL     string // absolute, for hreflang
	Path    string // site path, for the switcher
	Current bool
}

type crumb struct {
	Title string
	URL   string // empty for the current page
}

type catCard struct {
	Category   *site.Category
	Articles   []*site.Article
	CountLabel string
	More       bool
}

type homePage struct {
	basePage
	Heading    string
	Intro      string
	Top        []*site.Article
	FAQURL     string
	Categories []catCard
}

// faqPage is /faq: the top questions with their answers.
type faqPage struct {
	basePage
	Heading string
	Entries []faqItem
}

// faqItem is one question of the FAQ page, its answer's anchors made
// unique within the page.
type faqItem struct {
	site.FAQEntry
	Anchor string
	HTML   template.HTML
}

// idAttr matches the id attributes and in-page links of rendered articles.
var idAttr = regexp.MustCompile(`\b(id="|href="#)([^"]*)"`)

// headingTag matches the opening and closing tags of h2 to h5.
var headingTag = regexp.MustCompile(`<(/?)h([2-5])\b`)

// demoteHeadings moves an article's headings one level down, so that
// inside a FAQ answer they sit under the question's h2.
func demoteHeadings(h template.HTML) template.HTML {
	return template.HTML(headingTag.ReplaceAllStringFunc(string(h), func(m string) string {
		sub := headingTag.FindStringSubmatch(m)
		return "<" + sub[1] + "h" + string(rune(sub[2][0]+1))
	}))
}

// scopeIDs prefixes every id and in-page link of an article's HTML, so that
// several articles can share a page without duplicate ids.
func scopeIDs(h template.HTML, prefix string) template.HTML {
	return template.HTML(idAttr.ReplaceAllString(string(h), "${1}"+prefix+"-${2}\""))
}

type categoryPage struct {
	basePage
	Category *site.Category
	Crumbs   []crumb
	Articles []*site.Article
	Sections []catCard
	// Broken are the article files of this section that do not load,
	// listed in dev mode only.
	Broken []site.Broken
}

// brokenPage is the dev-mode error panel shown in place of an article whose
// file has errors.
type brokenPage struct {
	basePage
	Broken site.Broken
	Errors []panelError
	Lines  []panelLine
}

// panelError is one error of the panel: the problem, its message and the
// likely fix apart.
type panelError struct {
	site.Problem
	Text, Fix string
}

// panelLine is a line of the broken file, marked when an error is on it.
type panelLine struct {
	N     int
	Text  string
	Error bool
}

type articlePage struct {
	basePage
	Reasons      []reason
	Article      *site.Article
	Crumbs       []crumb
	TOC          []site.Heading
	Related      []*site.Article
	UpdatedISO   string
	UpdatedHuman string
	Status       string
}

type searchPage struct {
	basePage
	Heading       string
	Results       *site.SearchResults
	SearchID      string
	Start         int
	CountLabel    string
	NoResults     string
	DidYouMean    string // the corrected query the results are for
	DidYouMeanURL string
	InsteadURL    string // the query as typed, without correction
	FallbackNote  string
	PrevURL       string
	NextURL       string
	FirstPageURL  string // set past the last page
	PageLabel     string
	Categories    []*site.Category
}

type errorPage struct {
	basePage
	Status     int
	Heading    string
	Text       string
	Hits       []*site.Article
	Categories []*site.Category
}

type thanksPage struct {
	basePage
	Helpful bool
	BackURL string
	// Ask shows the "what went wrong?" form instead of thanks (a "No"
	// vote without JavaScript, before it is recorded).
	Ask       bool
	ArticleID string
	Reasons   []reason
}

// reason is one answer to "what went wrong?".
type reason struct {
	Value, Label string
}

// reasonsFor returns the vote reasons labelled in locale's strings.
func reasonsFor(t map[string]string) []reason {
	out := make([]reason, len(site.VoteReasons))
	for i, r := range site.VoteReasons {
		out[i] = reason{Value: r, Label: t["reason_"+r]}
	}
	return out
}

// localePrefix is "" for the default locale and "/fr" for the others.
func localePrefix(v *site.View, locale string) string {
	if locale == v.Lib.Config.DefaultLocale {
		return ""
	}
	return "/" + locale
}

// absURL joins the site's base URL and a path.
func absURL(v *site.View, p string) string {
	return strings.TrimRight(v.Lib.Config.BaseURL, "/") + p
}

// newBase fills the parts of basePage common to every page of locale.
func newBase(v *site.View, locale, title, description, path string) basePage {
	cfg := v.Lib.Config
	t := strs(locale)
	siteTitle := cfg.Title
	if siteTitle == "" {
		siteTitle = t["home"]
	}
	full := siteTitle
	if title != "" && title != siteTitle {
		full = title + " – " + siteTitle
	}
	if description == "" {
		description = cfg.Description
	}
	if description == "" {
		description = t["description"]
	}
	b := basePage{
		OGType:      "website",
		Feeds:       feedLinks(v, locale, nil),
		Locale:      locale,
		T:           t,
		SiteTitle:   siteTitle,
		Title:       full,
		Description: description,
		HomeURL:     localePrefix(v, locale) + "/",
		SearchURL:   localePrefix(v, locale) + "/search",
		ContactURL:  cfg.ContactURL,
		Dev:         v.Drafts,
	}
	if path != "" {
		b.Canonical = absURL(v, path)
	}
	if site.ValidColor(cfg.BrandColor) {
		b.BrandColor = cfg.BrandColor
		b.BrandCSS = brandCSS(cfg.BrandColor)
	}
	return b
}

// setAlternates fills hreflang alternates and the language switcher from a
// locale → path map of the page's versions.
func (b *basePage) setAlternates(v *site.View, paths map[string]string) {
	if len(paths) < 2 {
		return
	}
	for _, loc := range v.Lib.Locales() {
		p, ok := paths[loc]
		if !ok {
			continue
		}
		a := alternate{Locale: loc, Name: langName(loc), URL: absURL(v, p), Path: p, Current: loc == b.Locale}
		b.Alternates = append(b.Alternates, a)
		b.Languages = append(b.Languages, a)
	}
	if p, ok := paths[v.Lib.Config.DefaultLocale]; ok {
		b.Alternates = append(b.Alternates, alternate{Locale: "x-default", URL: absURL(v, p)})
	}
}

// countLabel says "3 articles" in locale.
func countLabel(t map[string]string, n int) string {
	if n == 1 {
		return "1 " + t["article_one"]
	}
	return fmt.Sprintf("%d %s", n, t["articles"])
}

var monthNames = map[string][]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
}

// humanDate formats a date the way readers of locale expect.
func humanDate(t time.Time, locale string) string {
	if t.IsZero() {
		return ""
	}
	base, _, _ := strings.Cut(locale, "-")
	months, ok := monthNames[base]
	if !ok {
		return t.Format("2006-01-02")
	}
	if base == "en" {
		return fmt.Sprintf("%s %d, %d", months[t.Month()-1], t.Day(), t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// crumbsFor builds breadcrumbs from home down to the category or section id;
// the last crumb links too unless current is true.
func crumbsFor(v *site.View, id, locale string, current bool) []crumb {
	out := []crumb{{Title: strs(locale)["home"], URL: localePrefix(v, locale) + "/"}}
	chain := v.Ancestors(id, locale)
	for i, c := range chain {
		cr := crumb{Title: c.Title, URL: c.URL}
		if current && i == len(chain)-1 {
			cr.URL = ""
		}
		out = append(out, cr)
	}
	return out
}

// homeFAQ is the number of top questions on the home page.
const homeFAQ = 5

// jsonLD encodes a structured-data object for a script element: Go's JSON
// encoder escapes <, > and &, so a title cannot end the element.
func jsonLD(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(b)
}

// faqJSONLD is the schema.org FAQPage of a list of questions.
func faqJSONLD(v *site.View, entries []site.FAQEntry) template.JS {
	type answer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
		URL  string `json:"url"`
	}
	type question struct {
		Type   string `json:"@type"`
		Name   string `json:"name"`
		Answer answer `json:"acceptedAnswer"`
	}
	qs := make([]question, 0, len(entries))
	for _, e := range entries {
		qs = append(qs, question{Type: "Question", Name: e.Article.Title,
			Answer: answer{Type: "Answer", Text: string(e.Article.HTML), URL: absURL(v, e.Article.URL)}})
	}
	return jsonLD(map[string]any{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": qs})
}

// relatedIndex finds related articles: those sharing tags or keywords with
// an article, then those of its own section. Built once per snapshot so the
// cost grows with shared terms, not with the square of the article count.
type relatedIndex struct {
	v      *site.View
	byTerm map[string][]*site.Article // locale|term → articles
}

// maxTermArticles drops tags shared by more articles than this: a tag on
// half the site says little about what is related, and would make the
// index quadratic.
const maxTermArticles = 50

func newRelatedIndex(v *site.View) *relatedIndex {
	ri := &relatedIndex{v: v, byTerm: map[string][]*site.Article{}}
	for loc, list := range v.ByLocale {
		for _, a := range list {
			for _, t := range articleTerms(a) {
				k := loc + "|" + t
				ri.byTerm[k] = append(ri.byTerm[k], a)
			}
		}
	}
	for k, list := range ri.byTerm {
		if len(list) > maxTermArticles {
			delete(ri.byTerm, k)
		}
	}
	return ri
}

// articleTerms returns the lower-cased tags and keywords of a, deduplicated.
func articleTerms(a *site.Article) []string {
	seen := map[string]bool{}
	var out []string
	for _, list := range [][]string{a.Tags, a.Keywords} {
		for _, t := range list {
			t = strings.ToLower(strings.TrimSpace(t))
			if t != "" && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// related picks up to limit articles of a's locale: most shared tags and
// keywords first, its own section breaking ties and filling the list.
func (ri *relatedIndex) related(a *site.Article, limit int) []*site.Article {
	score := map[*site.Article]int{}
	for _, t := range articleTerms(a) {
		for _, b := range ri.byTerm[a.Locale+"|"+t] {
			score[b] += 2
		}
	}
	for _, b := range ri.v.ArticlesIn(a.SectionID, a.Locale) {
		score[b]++
	}
	delete(score, a)
	list := make([]*site.Article, 0, len(score))
	for b := range score {
		list = append(list, b)
	}
	sort.Slice(list, func(i, j int) bool {
		if score[list[i]] != score[list[j]] {
			return score[list[i]] > score[list[j]]
		}
		if list[i].Weight != list[j].Weight {
			return list[i].Weight < list[j].Weight
		}
		return list[i].URL < list[j].URL
	})
	if len(list) > limit {
		list = list[:limit]
	}
	return list
}
