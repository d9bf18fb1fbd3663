package web_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guichet/guichet/site/web/webtest"
)

// halfWorld lists three locales: English; French, translated in billing
// only (its refund under a slug of its own); German, not started.
var halfWorld = fstest.MapFS{
	"guichet.yaml":         {Data: []byte("title: Acme Help\nbase_url: https://help.acme.test\ndefault_locale: en\nlocales: [en, fr, de]\n")},
	"billing/_index.md":    {Data: []byte("---\ntitle: Billing\ndescription: Invoices and refunds.\n---\n")},
	"billing/_index.fr.md": {Data: []byte("---\ntitle: Facturation\n---\n")},
	"billing/refund.md":    {Data: []byte("---\ntitle: Get a refund\n---\nOpen billing and ask for a refund.\n")},
	"billing/refund.fr.md": {Data: []byte("---\ntitle: Obtenir un remboursement\nid: billing/refund\nslug: remboursement\n---\nOuvrez la facturation.\n")},
	"account/_index.md":    {Data: []byte("---\ntitle: Account\n---\n")},
	"account/password.md":  {Data: []byte("---\ntitle: Reset your password\nfaq: true\n---\nClick Forgot password.\n")},
}

// TestListedLocaleWithoutArticles: a locale of locales: without articles
// (German) has its pages, in its language, listing the default locale's
// categories and questions marked as English and linking to their
// English pages; search engines see none of them (noindex, no sitemap
// entry, no hreflang to them) and its feeds are not linked. A locale
// translated in part (French) lists the categories it lacks the same way.
// It answered 404 for /de/ and listed no untranslated category in French.
func TestListedLocaleWithoutArticles(t *testing.T) {
	e := newWorldOf(t, halfWorld)

	de := webtest.Parse(t, e.page(t, "/de/"))
	if got := de.Attr("html", "lang"); got != "de" {
		t.Errorf("/de/: <html lang> = %q, want de", got)
	}
	if got := de.Text(".search-form button"); got != "Suchen" {
		t.Errorf("/de/: search button %q, want the German interface", got)
	}
	if got := de.Text(".untranslated"); !strings.Contains(got, "Englisch") {
		t.Errorf("/de/: no notice that the articles are in English: %q", got)
	}
	if de.Attr("meta[name=robots]", "content") != "noindex" || de.Count("link[hreflang]") != 0 {
		t.Errorf("/de/ shows English articles, yet is indexable or has hreflang links")
	}
	if de.Count("link[type=application/atom+xml]") != 0 {
		t.Error("/de/ links a German feed, which does not exist")
	}
	cards := de.Attrs(".category-card h3 a", "href")
	if !slices.Equal(cards, []string{"/account/", "/billing/"}) {
		t.Errorf("/de/ categories %v, want the English /account/ and /billing/", cards)
	}
	for _, n := range de.All(".category-card h3") {
		if webtest.Attr(n, "lang") != "en" {
			t.Errorf("/de/: English category %q without lang=en", webtest.Text(n))
		}
	}
	if got := de.Texts(".category-card .count"); len(got) != 2 || got[0] != "1 Artikel · English" {
		t.Errorf("/de/ category counts %q, want German counts marked English", got)
	}
	if got := de.Attrs(".top-questions li[lang=en] a", "href"); !slices.Equal(got, []string{"/account/password"}) {
		t.Errorf("/de/ top questions %v, want the English /account/password marked lang=en", got)
	}

	fr := webtest.Parse(t, e.page(t, "/fr/"))
	if got := fr.Attrs(".category-card h3 a", "href"); !slices.Equal(got, []string{"/fr/billing/", "/account/"}) {
		t.Errorf("/fr/ categories %v, want its own /fr/billing/, then the English /account/", got)
	}
	if got := fr.Attrs(".category-card h3[lang=en] a", "href"); !slices.Equal(got, []string{"/account/"}) {
		t.Errorf("/fr/ categories in English %v, want /account/ only", got)
	}
	if fr.Count(".untranslated") != 0 || fr.Count("meta[name=robots]") != 0 {
		t.Error("/fr/ has French articles, yet says it has none or is noindex")
	}

	faq := webtest.Parse(t, e.page(t, "/de/faq"))
	if faq.Attr("meta[name=robots]", "content") != "noindex" || strings.Contains(e.page(t, "/de/faq"), "FAQPage") {
		t.Error("/de/faq answers in English, yet is indexable or has FAQPage data")
	}
	if got := faq.Attr(".faq-item h2", "lang"); got != "en" {
		t.Errorf("/de/faq: English question with lang %q", got)
	}

	// Paths a reader or an app writes under a locale for a page not
	// translated lead to the translation, else to the English page.
	for _, tt := range []struct{ path, to string }{
		{"/de/billing/", "/billing/"},
		{"/de/billing", "/billing/"},
		{"/de/billing/refund?src=app", "/billing/refund?src=app"},
		{"/fr/account/", "/account/"},
		{"/fr/account/password", "/account/password"},
		{"/fr/billing/refund", "/fr/billing/remboursement"},
	} {
		w := e.do(t, "GET", tt.path, nil)
		if w.Code != 302 || w.Header().Get("Location") != tt.to {
			t.Errorf("%s: %d → %q, want 302 → %s", tt.path, w.Code, w.Header().Get("Location"), tt.to)
		}
	}
	for _, p := range []string{"/de/feed.atom", "/de/nowhere", "/de/sitemap.xml", "/de/fr/billing/"} {
		if w := e.do(t, "GET", p, nil); w.Code != 404 {
			t.Errorf("%s: %d, want 404", p, w.Code)
		}
	}
	nf := webtest.Parse(t, e.do(t, "GET", "/de/nowhere", nil).Body.String())
	if got := nf.Attrs(".error-page li[lang=en] a", "href"); len(got) == 0 {
		t.Errorf("/de/ 404 page offers no category: %v", nf.Attrs(".error-page a", "href"))
	}

	srch := webtest.Parse(t, e.page(t, "/de/search?q=refund"))
	if got := srch.Attrs(".results li[lang=en] a", "href"); !slices.Equal(got, []string{"/billing/refund"}) {
		t.Errorf("/de/search?q=refund: results %v, want the English article marked lang=en", got)
	}

	// No German copy of an English page for search engines.
	sitemap := e.page(t, "/sitemap.xml")
	if strings.Contains(sitemap, "/de/") || strings.Contains(sitemap, `hreflang="de"`) {
		t.Errorf("the sitemap lists German pages, which are English ones:\n%s", sitemap)
	}
	if robots := e.page(t, "/robots.txt"); !strings.Contains(robots, "Disallow: /de/search?") {
		t.Errorf("robots.txt lets crawlers into the German search results:\n%s", robots)
	}
	home := webtest.Parse(t, e.page(t, "/"))
	if slices.Contains(home.Attrs("link[hreflang]", "hreflang"), "de") {
		t.Error("/ gives a German alternate, which is no translation")
	}

	// Every page's language switcher, brand link and feeds lead to a page.
	linked := map[string]string{}
	for _, p := range []string{"/", "/fr/", "/de/", "/faq", "/fr/faq", "/de/faq", "/billing/", "/fr/billing/", "/account/",
		"/billing/refund", "/fr/billing/remboursement", "/account/password", "/fr/search?q=refund", "/de/search?q=refund", "/de/contact"} {
		doc := webtest.Parse(t, e.page(t, p))
		links := append(doc.Attrs(".lang-switch a", "href"), doc.Attrs(".brand", "href")...)
		for _, l := range append(links, doc.Attrs("link[rel=alternate]", "href")...) {
			u, err := url.Parse(l)
			if err != nil {
				t.Fatal(err)
			}
			linked[u.Path] = p
		}
		if p == "/" && !slices.Contains(doc.Attrs(".lang-switch a", "href"), "/de/") {
			t.Errorf("/: the language switcher does not offer German: %v", doc.Attrs(".lang-switch a", "href"))
		}
	}
	for l, from := range linked {
		if w := e.do(t, "GET", l, nil); w.Code != 200 {
			t.Errorf("%s links %s, which answers %d", from, l, w.Code)
		}
	}
}

// partWorld is French translated in part: billing has one French article
// of three and an English-only section; account has a French title and
// no French article; team nothing French at all.
var partWorld = fstest.MapFS{
	"guichet.yaml":               {Data: []byte("title: Acme Help\nbase_url: https://help.acme.test\ndefault_locale: en\nlocales: [en, fr]\n")},
	"billing/_index.md":          {Data: []byte("---\ntitle: Billing\ndescription: Invoices and refunds.\n---\n")},
	"billing/_index.fr.md":       {Data: []byte("---\ntitle: Facturation\ndescription: Factures et remboursements.\n---\n")},
	"billing/refund.md":          {Data: []byte("---\ntitle: Get a refund\nweight: 1\n---\nOpen billing and ask for a refund.\n")},
	"billing/refund.fr.md":       {Data: []byte("---\ntitle: Obtenir un remboursement\nid: billing/refund\nslug: remboursement\n---\nOuvrez la facturation.\n")},
	"billing/vat.md":             {Data: []byte("---\ntitle: VAT rates\nweight: 3\n---\nVAT by country.\n")},
	"billing/card.md":            {Data: []byte("---\ntitle: Change your card\nweight: 2\n---\nIn settings.\n")},
	"billing/invoices/_index.md": {Data: []byte("---\ntitle: Invoices\n---\n")},
	"billing/invoices/pdf.md":    {Data: []byte("---\ntitle: Download an invoice\n---\nClick PDF.\n")},
	"account/_index.md":          {Data: []byte("---\ntitle: Account\nweight: 1\n---\n")},
	"account/_index.fr.md":       {Data: []byte("---\ntitle: Compte\ndescription: Votre compte.\n---\n")},
	"account/password.md":        {Data: []byte("---\ntitle: Reset your password\n---\nClick Forgot password.\n")},
	"team/_index.md":             {Data: []byte("---\ntitle: Team\nweight: 3\n---\n")},
	"team/members.md":            {Data: []byte("---\ntitle: Invite members\n---\nInvite them.\n")},
}

// TestCategoryTranslatedInPart: the French page of a category translated
// in part lists its French articles, then the English ones not translated,
// marked lang="en" and "English" and linking to their English pages, and
// its English-only sections the same way; the page stays indexable for
// its French content, its structured data the breadcrumbs only. A
// category whose only French is its _index.fr.md has a French page too,
// listing its English articles the same way, which search engines do not
// index; the French home links it with its French title. Before, the
// first listed the French article only and the second answered 302 to
// the English page.
func TestCategoryTranslatedInPart(t *testing.T) {
	e := newWorldOf(t, partWorld)

	raw := e.page(t, "/fr/billing/")
	billing := webtest.Parse(t, raw)
	if got := billing.Attrs(".article-list li a", "href"); !slices.Equal(got, []string{"/fr/billing/remboursement", "/billing/card", "/billing/vat", "/billing/invoices/pdf"}) {
		t.Errorf("/fr/billing/ lists %v, want the French article, then the English ones in their order, then the English section's", got)
	}
	if got := billing.Attrs(".article-list li[lang=en] a", "href"); !slices.Equal(got, []string{"/billing/card", "/billing/vat", "/billing/invoices/pdf"}) {
		t.Errorf("/fr/billing/: English articles marked lang=en %v", got)
	}
	if got := billing.Texts(".article-list li[lang=en] .lang"); len(got) != 3 || got[0] != "English" {
		t.Errorf("/fr/billing/: English articles labelled %q, want English", got)
	}
	if got := billing.Attrs(".section-block h2[lang=en] a", "href"); !slices.Equal(got, []string{"/billing/invoices/"}) {
		t.Errorf("/fr/billing/: sections in English %v, want the English /billing/invoices/", got)
	}
	if billing.Count("meta[name=robots]") != 0 || !slices.Equal(billing.Attrs("link[hreflang]", "hreflang"), []string{"en", "fr", "x-default"}) {
		t.Errorf("/fr/billing/ has French articles, yet is noindex or lacks hreflang: %v", billing.Attrs("link[hreflang]", "hreflang"))
	}
	if got := billing.Attrs(".breadcrumbs a", "href"); !slices.Equal(got, []string{"/fr/"}) || billing.Text(".breadcrumbs [aria-current]") != "Facturation" {
		t.Errorf("/fr/billing/ breadcrumbs %v %q", got, billing.Text(".breadcrumbs [aria-current]"))
	}
	ld := strings.Join(billing.Texts("script[type=application/ld+json]"), "\n")
	if strings.Contains(ld, "/billing/vat") || strings.Contains(ld, "VAT") || !strings.Contains(ld, "BreadcrumbList") {
		t.Errorf("/fr/billing/ structured data lists the English articles, or no breadcrumbs:\n%s", ld)
	}

	account := webtest.Parse(t, e.page(t, "/fr/account/"))
	if account.Text("h1") != "Compte" || account.Attr("h1", "lang") != "" {
		t.Errorf("/fr/account/: h1 %q lang %q, want its French title", account.Text("h1"), account.Attr("h1", "lang"))
	}
	if got := account.Attrs(".article-list li[lang=en] a", "href"); !slices.Equal(got, []string{"/account/password"}) {
		t.Errorf("/fr/account/ lists %v, want the English /account/password marked lang=en", got)
	}
	if account.Attr("meta[name=robots]", "content") != "noindex" || account.Count("link[hreflang]") != 0 {
		t.Error("/fr/account/ lists English articles only, yet is indexable or has hreflang links")
	}
	if account.Count(`link[href="/fr/account/feed.atom"]`) != 0 {
		t.Error("/fr/account/ links a category feed, which has no article")
	}
	if got := account.Attrs(".lang-switch a", "href"); !slices.Equal(got, []string{"/account/"}) {
		t.Errorf("/fr/account/ switcher %v, want /account/", got)
	}
	if got := webtest.Parse(t, e.page(t, "/account/")).Attrs(".lang-switch a", "href"); !slices.Equal(got, []string{"/fr/account/"}) {
		t.Errorf("/account/ switcher %v, want /fr/account/", got)
	}

	home := webtest.Parse(t, e.page(t, "/fr/"))
	if got := home.Attrs(".category-card h3 a", "href"); !slices.Equal(got, []string{"/fr/billing/", "/fr/account/", "/team/"}) {
		t.Errorf("/fr/ categories %v, want /fr/billing/, /fr/account/, then the English /team/", got)
	}
	if got := home.Attrs(".category-card h3[lang=en] a", "href"); !slices.Equal(got, []string{"/team/"}) {
		t.Errorf("/fr/ categories titled in English %v, want /team/ only", got)
	}
	if got := home.Texts(".category-card .count"); !slices.Equal(got, []string{"1 article", "1 article · English", "1 article · English"}) {
		t.Errorf("/fr/ category counts %q", got)
	}

	sitemap := e.page(t, "/sitemap.xml")
	if strings.Contains(sitemap, "/fr/account/") || !strings.Contains(sitemap, "/fr/billing/") {
		t.Errorf("the sitemap lists /fr/account/ (English articles) or not /fr/billing/:\n%s", sitemap)
	}
	for _, p := range []string{"/fr/account/feed.atom", "/fr/team/"} {
		w := e.do(t, "GET", p, nil)
		if p == "/fr/team/" && (w.Code != 302 || w.Header().Get("Location") != "/team/") || p != "/fr/team/" && w.Code != 404 {
			t.Errorf("%s: %d → %q", p, w.Code, w.Header().Get("Location"))
		}
	}
}

// TestSiteTextInAnotherLanguage: guichet.yaml's title and description,
// given once (in the default locale's language), show on German pages
// marked lang="en" wherever an element carries them: the header, the
// home's heading and intro, the widget's logo; the meta tags and feeds,
// which cannot carry a language, say the theme's German description
// instead, and the title, a name, stays as written. They showed without
// lang inside <html lang="de">, and the English description in the meta
// tags.
func TestSiteTextInAnotherLanguage(t *testing.T) {
	e := newWorldOf(t, fstest.MapFS{
		"guichet.yaml":         {Data: []byte("title: Acme Help\ndescription: Answers about Acme billing.\nbase_url: https://help.acme.test\nlocales: [en, de]\nlogo: logo.svg\n")},
		"logo.svg":             {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"></svg>`)},
		"billing/_index.md":    {Data: []byte("---\ntitle: Billing\n---\n")},
		"billing/refund.md":    {Data: []byte("---\ntitle: Get a refund\n---\nAsk.\n")},
		"billing/refund.de.md": {Data: []byte("---\ntitle: Erstattung\nid: billing/refund\n---\nFragen.\n")},
	})
	de := webtest.Parse(t, e.page(t, "/de/"))
	if got := de.Text(".hero .lead"); got != "Answers about Acme billing." || de.Attr(".hero .lead", "lang") != "en" {
		t.Errorf("/de/ intro %q lang %q, want the English description marked lang=en", got, de.Attr(".hero .lead", "lang"))
	}
	if de.Text(".hero h1") != "Acme Help" || de.Attr(".hero h1", "lang") != "en" {
		t.Errorf("/de/ heading %q lang %q, want the English title marked lang=en", de.Text(".hero h1"), de.Attr(".hero h1", "lang"))
	}
	if got := de.Attr(".brand img", "lang"); got != "en" {
		t.Errorf("/de/ logo (alt: the title) lang %q, want en", got)
	}
	for _, sel := range []string{"meta[name=description]", "meta[property=og:description]", "meta[name=twitter:description]"} {
		if got := de.Attr(sel, "content"); got != "Antworten auf Ihre Fragen." {
			t.Errorf("/de/ %s %q, want the theme's German description", sel, got)
		}
	}
	if got := de.Text("title"); got != "Hilfe-Center – Acme Help" {
		t.Errorf("/de/ <title> %q", got)
	}
	if feed := e.page(t, "/de/feed.atom"); !strings.Contains(feed, "<subtitle>Antworten auf Ihre Fragen.</subtitle>") {
		t.Errorf("/de/ feed's description is not German:\n%s", feed[:min(400, len(feed))])
	}
	for _, p := range []string{"/de/search?q=zeppelin", "/de/billing/refund"} {
		if got := webtest.Parse(t, e.page(t, p)).Attr(".brand img", "lang"); got != "en" {
			t.Errorf("%s: logo lang %q, want en", p, got)
		}
	}
	if got := webtest.Parse(t, e.page(t, "/widget/frame?locale=de")).Attr("img.w-logo", "lang"); got != "en" {
		t.Errorf("German widget: logo lang %q, want en", got)
	}

	en := webtest.Parse(t, e.page(t, "/"))
	if en.Count(".hero [lang]")+en.Count(".brand [lang]") != 0 || en.Attr("meta[name=description]", "content") != "Answers about Acme billing." {
		t.Errorf("/: the title or description marked with a language on an English page; description %q", en.Attr("meta[name=description]", "content"))
	}
	// Without a logo, the header's title is marked as text.
	e = newWorldOf(t, fstest.MapFS{
		"guichet.yaml":         {Data: []byte("title: Acme Help\nlocales: [en, de]\n")},
		"billing/refund.md":    {Data: []byte("---\ntitle: Get a refund\n---\nAsk.\n")},
		"billing/refund.de.md": {Data: []byte("---\ntitle: Erstattung\nid: billing/refund\n---\nFragen.\n")},
	})
	if got := webtest.Parse(t, e.page(t, "/de/billing/refund")).Text(".brand span[lang=en]"); got != "Acme Help" {
		t.Errorf("/de/billing/refund: header title marked %q, want Acme Help in a lang=en span", got)
	}
	if got := webtest.Parse(t, e.page(t, "/de/")).Attr("meta[name=description]", "content"); got != "Antworten auf Ihre Fragen." {
		t.Errorf("/de/ without description: %q, want the theme's", got)
	}
}

// TestAliasUnderLocalePrefix: an old URL (an article's alias, a redirect
// of redirects.yaml to a page) written under a locale's prefix leads to
// the locale's version of the page it leads to, else the default
// locale's: 302, as for other untranslated URLs, or 301 when the alias is
// one of the locale's own articles (written without its prefix). Before,
// such an alias was found only as a variant of a page's spelling: the
// French article's own alias and an alias with an extension answered
// 404, and a redirect to a category led to the English one.
func TestAliasUnderLocalePrefix(t *testing.T) {
	e := newWorldOf(t, fstest.MapFS{
		"guichet.yaml":           {Data: []byte("title: Acme Help\nbase_url: https://help.acme.test\nlocales: [en, fr, de]\n")},
		"redirects.yaml":         {Data: []byte("- from: /old-billing\n  to: /billing/\n- from: /elsewhere\n  to: https://other.example/x\n- from: /old/gone\n  to: \"\"\n- from: /Old/Removed/\n  to: \"\"\n")},
		"billing/_index.md":      {Data: []byte("---\ntitle: Billing\n---\n")},
		"billing/_index.fr.md":   {Data: []byte("---\ntitle: Facturation\n---\n")},
		"billing/refund.md":      {Data: []byte("---\ntitle: Get a refund\naliases: [/billing/money-back, /help/Refund.html]\n---\nAsk.\n")},
		"billing/refund.fr.md":   {Data: []byte("---\ntitle: Obtenir un remboursement\nid: billing/refund\nslug: remboursement\naliases: [/billing/ancien-remboursement, /fr/billing/vieux]\n---\nDemandez.\n")},
		"account/_index.md":      {Data: []byte("---\ntitle: Account\n---\n")},
		"account/password.md":    {Data: []byte("---\ntitle: Reset your password\naliases: [/old/password]\n---\nClick.\n")},
		"account/password.de.md": {Data: []byte("---\ntitle: Passwort zurücksetzen\nid: account/password\nslug: passwort\naliases: [/passwort-alt]\n---\nKlicken.\n")},
	})
	for _, tt := range []struct {
		path string
		code int
		to   string
	}{
		// An alias of the default locale's article: its translation, else it.
		{"/de/billing/money-back", 302, "/billing/refund"},
		{"/fr/billing/money-back", 302, "/fr/billing/remboursement"},
		{"/de/old/password?src=app", 302, "/de/account/passwort?src=app"},
		{"/de/old/password/", 302, "/de/account/passwort"},
		{"/DE/Old/Password", 302, "/de/account/passwort"},
		{"/de/help/Refund.html", 302, "/billing/refund"},
		{"/fr/help/Refund.html", 302, "/fr/billing/remboursement"},
		{"/de/help/refund.html", 302, "/billing/refund"},
		// The locale's own article's alias, written without its prefix.
		{"/fr/billing/ancien-remboursement", 301, "/fr/billing/remboursement"},
		{"/fr/Billing/Ancien-Remboursement", 301, "/fr/billing/remboursement"},
		{"/de/passwort-alt", 301, "/de/account/passwort"},
		// Another locale's alias: the page in this one, else the default's.
		{"/de/billing/ancien-remboursement", 302, "/billing/refund"},
		{"/fr/passwort-alt", 302, "/account/password"},
		// As written, aliases answer as before.
		{"/billing/ancien-remboursement", 301, "/fr/billing/remboursement"},
		{"/fr/billing/vieux", 301, "/fr/billing/remboursement"},
		{"/passwort-alt", 301, "/de/account/passwort"},
		// A redirect to a category: the locale's page of it, else the default's.
		{"/fr/old-billing", 302, "/fr/billing/"},
		{"/de/old-billing", 302, "/billing/"},
		// A page removed for good is gone under every prefix.
		{"/old/gone", 410, ""},
		{"/de/old/gone", 410, ""},
		{"/fr/Old/Gone/", 410, ""},
		{"/old/removed", 410, ""}, // written /Old/Removed/
		{"/de/OLD/REMOVED/", 410, ""},
		// Off the site, or not a path of it: not found.
		{"/de/elsewhere", 404, ""},
		{"/de/fr/billing/vieux", 404, ""},
		{"/de/billing/nowhere", 404, ""},
	} {
		w := e.do(t, "GET", tt.path, nil)
		if w.Code != tt.code || w.Header().Get("Location") != tt.to {
			t.Errorf("%s: %d → %q, want %d → %q", tt.path, w.Code, w.Header().Get("Location"), tt.code, tt.to)
		}
	}
}

// TestMostReadInEveryLocale: the most-read articles a search without
// answers offers are the locale's, then the default locale's not
// translated, marked lang="en" and "English" and linking to their English
// pages, on the site and in the widget; German, with no article yet,
// shows the English ones. They were the locale's only: none on /de/.
func TestMostReadInEveryLocale(t *testing.T) {
	e := newWorldOf(t, halfWorld)
	e.srv.SetArticleClicks(map[string]int{"account/password": 7, "billing/refund": 3})
	for _, tt := range []struct {
		path     string
		mostRead []string
		english  []string
	}{
		{"/de/search?q=zeppelin", []string{"/account/password", "/billing/refund"}, []string{"/account/password", "/billing/refund"}},
		{"/fr/search?q=zeppelin", []string{"/fr/billing/remboursement", "/account/password"}, []string{"/account/password"}},
		{"/search?q=zeppelin", []string{"/account/password", "/billing/refund"}, nil},
	} {
		d := webtest.Parse(t, e.page(t, tt.path))
		if got := d.Attrs(".next-steps .most-read li a", "href"); !slices.Equal(got, tt.mostRead) {
			t.Errorf("%s: most read %v, want %v", tt.path, got, tt.mostRead)
		}
		if got := d.Attrs(".next-steps .most-read li[lang=en] a", "href"); !slices.Equal(got, tt.english) {
			t.Errorf("%s: most read marked lang=en %v, want %v", tt.path, got, tt.english)
		}
		if got := d.Texts(".next-steps .most-read li[lang=en] .lang"); len(got) != len(tt.english) {
			t.Errorf("%s: %d English articles labelled %q", tt.path, len(tt.english), got)
		}
	}
	w := webtest.Parse(t, e.page(t, "/widget/frame?locale=de"))
	if got := w.Attrs("template#g-w-next .most-read a[lang=en]", "href"); !slices.Equal(got, []string{"/account/password", "/billing/refund"}) {
		t.Errorf("German widget: most read in English %v", got)
	}
}
