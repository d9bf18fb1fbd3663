package web

import "github.com/guichet/guichet/site"

type categoryPage struct {
	basePage
	Category *site.Category
	// TitleLang is the language of the category's title and description
	// when it is not the page's (a locale without an _index file of its
	// own shows the default locale's), "" otherwise.
	TitleLang string
	Crumbs    []crumb
	// Articles are the category's articles in its locale, then, in a
	// locale other than the default one, the default locale's not
	// translated yet (their Locale says so: the page marks them and links
	// to their own page).
	Articles []*site.Article
	Sections []catCard
	// Broken are the article files of this section that do not load,
	// listed in dev mode only.
	Broken []site.Broken
}

func categoryData(v *site.View, c *site.Category) *categoryPage {
	title := v.PageTitle(c.URL, c.Title)
	own := v.CountIn(c.ID, c.Locale)
	desc := c.Description
	if desc == "" {
		// Not the site's description: each page describes itself, by the
		// title that tells it from its namesakes.
		desc = v.UI.Text(c.Locale, "category_description", "title", title, "articles", countLabel(v, c.Locale, max(own, v.UntranslatedIn(c.ID, c.Locale))))
	}
	b := newBase(v, c.Locale, title, desc, c.URL)
	// hreflang links the versions with articles of their own, as the
	// sitemap lists them; the switcher offers every version with a page.
	translated, offered := map[string]string{}, map[string]string{}
	for loc, t := range v.CategoryTranslations(c.ID) {
		if v.CountIn(c.ID, loc) > 0 {
			translated[loc] = t.URL
		}
		if v.HasPage(t) {
			offered[loc] = t.URL
		}
	}
	b.setVersions(v, translated, offered)
	p := &categoryPage{basePage: b, Category: c, TitleLang: otherLang(c.Lang, c.Locale), Crumbs: crumbsFor(v, c.ID, c.Locale, true)}
	p.Articles = append(append(p.Articles, v.ArticlesIn(c.ID, c.Locale)...), v.Untranslated(c.ID, c.Locale)...)
	if v.Drafts {
		for _, br := range v.Lib.Broken {
			if br.SectionID == c.ID && br.Locale == c.Locale {
				p.Broken = append(p.Broken, br)
			}
		}
	}
	if own > 0 {
		p.Feeds = feedLinks(v, c.Locale, c)
	} else {
		// Titled in its locale, its articles all in the default locale's
		// (indexed at their own URLs): for readers, not search engines,
		// and without a feed of its own.
		p.NoIndex = true
	}
	p.JSONLD = append(p.JSONLD, schemaCrumbs(v, p.Crumbs, p.Canonical, c.Locale))
	for _, s := range v.BrowseSections(c.ID, c.Locale) {
		list := append(append([]*site.Article(nil), v.ArticlesIn(s.ID, s.Locale)...), v.Untranslated(s.ID, s.Locale)...)
		n := v.CountIn(s.ID, s.Locale) + v.UntranslatedIn(s.ID, s.Locale)
		card := catCard{Category: s, CountLabel: countLabel(v, b.Locale, n), More: n > len(list) || len(list) > 6,
			TitleLang: otherLang(s.Lang, b.Locale)}
		if len(list) > 6 {
			list = list[:6]
		}
		card.Articles = list
		p.Sections = append(p.Sections, card)
	}
	return p
}

// otherLang is lang when a text in lang sits on a page of locale in
// another language (for its lang attribute), else "".
func otherLang(lang, locale string) string {
	if lang == "" || lang == locale {
		return ""
	}
	return lang
}
