package web

import (
	"sort"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
)

type articlePage struct {
	basePage
	Reasons      []reason
	Article      *site.Article
	Crumbs       []crumb
	TOC          []site.Heading
	Related      []*site.Article
	UpdatedISO   string
	UpdatedHuman string
	// Status says "Draft" or "Scheduled…" in the preview; StatusLang is
	// its language when it is not the page's (TLang).
	Status, StatusLang string
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
		if c := site.CompareWeight(list[i].Weight, list[j].Weight); c != 0 {
			return c < 0
		}
		return list[i].URL < list[j].URL
	})
	if len(list) > limit {
		list = list[:limit]
	}
	return list
}

func articleData(v *site.View, rel *relatedIndex, a *site.Article) *articlePage {
	b := newBase(v, a.Locale, v.PageTitle(a.URL, a.Title), a.Description, a.URL)
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
		Reasons:      reasonsFor(b),
	}
	if len(p.TOC) < 2 {
		p.TOC = nil
	}
	p.OGType = "article"
	// Drafts and scheduled articles (the preview) carry no structured data.
	if a.Visible(v.Now, false) {
		p.JSONLD = append(p.JSONLD, schemaArticle(v, a), schemaCrumbs(v, append(p.Crumbs, crumb{Title: a.Title}), p.Canonical, a.Locale))
	}
	switch {
	case a.Draft:
		p.Status, p.StatusLang = b.T["draft"], b.TLang["draft"]
		p.NoIndex = true
	case !a.PublishAt.IsZero() && a.PublishAt.After(v.Now):
		p.Status, p.StatusLang = b.T["scheduled"]+" "+humanDate(a.PublishAt, a.Locale), b.TLang["scheduled"]
		p.NoIndex = true
	}
	return p
}
