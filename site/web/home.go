package web

import "github.com/guichet/guichet/site"

type homePage struct {
	basePage
	Heading string
	// Question invites a question above the hero search box.
	Question   string
	Intro      string
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
	b.setAlternates(v, localePaths(v, "/"))
	p := &homePage{basePage: b, Heading: b.SiteTitle, Intro: siteDescription(v, loc), Question: b.T["hero_heading"]}
	p.JSONLD = append(p.JSONLD, schemaWebSite(v, loc))
	for _, e := range st.faq[loc][:min(homeFAQ, len(st.faq[loc]))] {
		p.Top = append(p.Top, e.Article)
	}
	if len(st.faq[loc]) > 0 {
		p.FAQURL = localePrefix(v, loc) + "/faq"
	}
	for _, c := range v.TopCategories(loc) {
		p.Categories = append(p.Categories, catCard{Category: c, CountLabel: countLabel(v, loc, v.CountIn(c.ID, loc))})
	}
	return p
}
