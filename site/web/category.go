package web

import "github.com/guichet/guichet/site"

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

func categoryData(v *site.View, c *site.Category) *categoryPage {
	title := v.PageTitle(c.URL, c.Title)
	desc := c.Description
	if desc == "" {
		// Not the site's description: each page describes itself, by the
		// title that tells it from its namesakes.
		desc = title + ": " + countLabel(v, c.Locale, v.CountIn(c.ID, c.Locale)) + "."
	}
	b := newBase(v, c.Locale, title, desc, c.URL)
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
		card := catCard{Category: s, CountLabel: countLabel(v, b.Locale, n), More: n > len(list) || len(list) > 6}
		if len(list) > 6 {
			list = list[:6]
		}
		card.Articles = list
		p.Sections = append(p.Sections, card)
	}
	return p
}
