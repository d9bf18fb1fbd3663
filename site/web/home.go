package web

import "github.com/guichet/guichet/site"

type homePage struct {
	basePage
	Heading string
	// Question invites a question above the hero search box.
	Question string
	Intro    string
	// HeadingLang and IntroLang are the languages of Heading (the site's
	// title) and Intro (its description) when they are not the page's
	// (guichet.yaml has none for the locale), "" otherwise.
	HeadingLang, IntroLang string
	// Untranslated says, on the home of a locale without articles yet,
	// that they are shown in the default locale ("" elsewhere).
	Untranslated string
	// Top are the top questions: the locale's, then the default
	// locale's not translated (their Locale differs from the page's).
	Top        []*site.Article
	FAQURL     string
	Categories []catCard
}

// homeFAQ is the number of top questions on the home page.
const homeFAQ = 5

func homeData(st *state, loc string) *homePage {
	v := st.view
	// The home is titled by the site's title ("Velora Help", "Velora-Hilfe");
	// a locale showing another locale's title says what the page is in
	// its own language first ("Centre d’aide – Acme Help").
	title := ""
	if cfg := v.Lib.Config; cfg.TitleSet && loc != cfg.DefaultLocale && cfg.Localized("title", loc, "") == "" {
		title = strs(v, loc)["home"]
	}
	b := newBase(v, loc, title, "", localePrefix(v, loc)+"/")
	b.HideHeaderSearch = true
	b.setVersions(v, localePaths(v, "/"), listedPaths(v, "/"))
	p := &homePage{basePage: b, Heading: b.SiteTitle, HeadingLang: b.SiteTitleLang, Question: b.T["hero_heading"]}
	p.Intro, p.IntroLang = siteDescription(v, loc)
	p.JSONLD = append(p.JSONLD, schemaWebSite(v, loc))
	if !hasArticles(v, loc) {
		// Listed in locales: but not written yet: the interface in its
		// language around the default locale's articles, which search
		// engines index at their own URLs.
		p.NoIndex = true
		p.Untranslated = v.UI.Text(loc, "untranslated_locale", "language", v.UI.NameIn(v.Lib.Config.DefaultLocale, b.shownIn("untranslated_locale")))
	}
	for _, e := range st.questions(loc, homeFAQ, false) {
		p.Top = append(p.Top, e.Article)
	}
	if len(p.Top) > 0 {
		p.FAQURL = localePrefix(v, loc) + "/faq"
	}
	for _, c := range v.BrowseCategories(loc) {
		p.Categories = append(p.Categories, browseCard(v, c, loc))
	}
	return p
}

// browseCard is the card of a category BrowseCategories lists on a page of
// loc: with the count of its articles in its locale, or, when it has none
// (titled in loc, its articles not translated yet), of the default
// locale's it lists, marked with their language.
func browseCard(v *site.View, c *site.Category, loc string) catCard {
	card := catCard{Category: c, TitleLang: otherLang(c.Lang, loc)}
	n := v.CountIn(c.ID, c.Locale)
	if c.Locale != loc {
		card.ArticlesLang = c.Locale
	} else if n == 0 {
		n = v.UntranslatedIn(c.ID, loc)
		card.ArticlesLang = v.Lib.Config.DefaultLocale
	}
	card.CountLabel = countLabel(v, loc, n)
	return card
}
