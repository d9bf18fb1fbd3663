package web_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/web"
	"github.com/guichet/guichet/site/web/webtest"
	"github.com/guichet/guichet/static"
	"github.com/guichet/guichet/themes"
)

// world is a help center in English, German, Arabic and Swahili (no
// translation shipped), with a logo, translated settings, its own strings
// and a theme folder replacing two files of the default theme.
var world = fstest.MapFS{
	"guichet.yaml": {Data: []byte(`title:
  en: Relay Help
  de: Relay-Hilfe
  ar: مساعدة ريلاي
description:
  en: Answers about Relay.
  de: Antworten rund um Relay.
contact_url:
  en: https://relay.test/contact
  de: https://relay.test/de/kontakt
base_url: https://help.relay.test
default_locale: en
locales: [en, de, ar, sw]
logo: brand/logo.svg
logo_dark: brand/logo-dark.svg
favicon: brand/icon.png
`)},
	"brand/logo.svg":           {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><rect width="120" height="32" fill="#0b5cad"/></svg>`)},
	"brand/logo-dark.svg":      {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><rect width="120" height="32" fill="#fff"/></svg>`)},
	"brand/icon.png":           {Data: []byte("\x89PNG\r\n\x1a\n")},
	"i18n/de.yaml":             {Data: []byte("helpful_q: Hat Ihnen das geholfen?\n")},
	"i18n/sw.yaml":             {Data: []byte("search_btn: Tafuta\n")},
	"theme/assets/style.css":   {Data: []byte("/* relay brand stylesheet */ body { font-family: serif; }\n")},
	"theme/templates/faq.html": {Data: []byte(`{{define "content"}}<div class="wrap"><h1>{{.Heading}}</h1><p class="relay-faq">Relay's own FAQ page</p></div>{{end}}`)},
	"account/_index.md":        {Data: []byte("---\ntitle: Account\nicon: ../brand/icon.png\n---\n")},
	"account/_index.de.md":     {Data: []byte("---\ntitle: Konto\n---\n")},
	"account/_index.ar.md":     {Data: []byte("---\ntitle: الحساب\n---\n")},
	"account/_index.sw.md":     {Data: []byte("---\ntitle: Akaunti\nicon: 🔐\n---\n")},
	"account/reset.md":         {Data: []byte("---\ntitle: Reset your password\nid: reset\nupdated: 2026-09-14\n---\nUse the link.\n## Steps\nOne.\n## After\nTwo.\n")},
	"account/reset.de.md":      {Data: []byte("---\ntitle: Passwort zurücksetzen\nid: reset\nupdated: 2026-09-14\n---\nNutzen Sie den Link.\n")},
	"account/reset.ar.md":      {Data: []byte("---\ntitle: إعادة تعيين كلمة المرور\nid: reset\nupdated: 2026-09-14\n---\nاستخدم الرابط.\n## الخطوات\nواحد.\n## بعد ذلك\nاثنان.\n")},
	"account/reset.sw.md":      {Data: []byte("---\ntitle: Weka upya nenosiri\nid: reset\nupdated: 2026-09-14\n---\nTumia kiungo.\n")},
	"account/email.md":         {Data: []byte("---\ntitle: Change your email\nid: email\n---\nIn settings.\n")},
	"account/email.ar.md":      {Data: []byte("---\ntitle: تغيير البريد الإلكتروني\nid: email\n---\nمن الإعدادات.\n")},
}

// newWorld serves world like newEnvWith serves the fixture.
func newWorld(t *testing.T) *env {
	t.Helper()
	return newWorldOf(t, world)
}

// newWorldOf serves the help center in fsys like newWorld.
func newWorldOf(t *testing.T, fsys fs.FS) *env {
	t.Helper()
	ctx := context.Background()
	lib, err := content.Load(ctx, fsys, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lib.Problems {
		if p.Severity == site.SeverityError {
			t.Fatalf("content problem: %s", p.String())
		}
	}
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	rec := sqlite.NewRecorder(db, sqlite.RecorderOptions{})
	t.Cleanup(func() { rec.Close(context.Background()); db.Close() })
	theme, _ := fs.Sub(themes.FS, "default")
	srv, err := web.New(web.Options{Theme: theme, Static: static.FS, Content: fsys, Recorder: rec, VisitorKeys: db.VisitorKey})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	view := site.NewView(lib, time.Now(), false)
	idx, err := search.Build(ctx, view, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	if _, err := srv.Publish(view, idx); err != nil {
		t.Fatal(err)
	}
	return &env{srv: srv, db: db, rec: rec, view: view, idx: idx}
}

// TestPagesInEveryLanguage checks what a reader of each locale sees: the
// language and direction of the page, the site title and interface in
// their language (or English where no translation exists), dates and
// counts written their way, and the language switcher with hreflang.
func TestPagesInEveryLanguage(t *testing.T) {
	e := newWorld(t)
	tests := []struct {
		path, lang, dir, siteTitle, button, helpful, date, count string
	}{
		{"/account/reset", "en", "ltr", "Relay Help", "Search", "Was this article helpful?", "September 14, 2026", ""},
		{"/de/account/reset", "de", "ltr", "Relay-Hilfe", "Suchen", "Hat Ihnen das geholfen?", "14. September 2026", ""},
		{"/ar/account/reset", "ar", "rtl", "مساعدة ريلاي", "بحث", "هل كانت هذه المقالة مفيدة؟", "١٤ سبتمبر ٢٠٢٦", ""},
		// No Swahili strings ship: the one the content gives, English
		// for the rest; the title falls back to the default locale's.
		{"/sw/account/reset", "sw", "ltr", "Relay Help", "Tafuta", "Was this article helpful?", "2026-09-14", ""},
		{"/ar/", "ar", "rtl", "مساعدة ريلاي", "بحث", "", "", "مقالتان"},
		{"/de/", "de", "ltr", "Relay-Hilfe", "Suchen", "", "", "1 Artikel"},
		{"/", "en", "ltr", "Relay Help", "Search", "", "", "2 articles"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			d := webtest.Parse(t, e.page(t, tt.path))
			if got := d.Attr("html", "lang"); got != tt.lang {
				t.Errorf("<html lang> = %q, want %q", got, tt.lang)
			}
			if got := d.Attr("html", "dir"); got != tt.dir {
				t.Errorf("<html dir> = %q, want %q", got, tt.dir)
			}
			if got := d.Attr(".brand img", "alt"); got != tt.siteTitle {
				t.Errorf("logo alt = %q, want the site title %q", got, tt.siteTitle)
			}
			if got := d.Text("title"); !strings.HasSuffix(got, tt.siteTitle) {
				t.Errorf("<title> = %q, want it to end with %q", got, tt.siteTitle)
			}
			if got := d.Text(".search-form button"); got != tt.button {
				t.Errorf("search button = %q, want %q", got, tt.button)
			}
			if tt.helpful != "" {
				if got := d.Text(".feedback legend"); got != tt.helpful {
					t.Errorf("feedback question = %q, want %q", got, tt.helpful)
				}
				if got := d.Text(".meta time"); got != tt.date {
					t.Errorf("date = %q, want %q", got, tt.date)
				}
			}
			if tt.count != "" {
				if got := d.Text(".category-card .count"); got != tt.count {
					t.Errorf("category count = %q, want %q", got, tt.count)
				}
			}
			// Every version of the page is offered, each in its own language.
			hreflang := map[string]string{}
			for _, n := range d.All("link[rel=alternate]") {
				if h := webtest.Attr(n, "hreflang"); h != "" {
					hreflang[h] = webtest.Attr(n, "href")
				}
			}
			for _, want := range []string{"en", "de", "ar", "sw", "x-default"} {
				if hreflang[want] == "" {
					t.Errorf("no hreflang %s alternate in %v", want, hreflang)
				}
			}
			names := strings.Join(d.Texts(".lang-switch li"), "|")
			for _, want := range []string{"English", "Deutsch", "العربية", "Kiswahili"} {
				if !strings.Contains(names, want) {
					t.Errorf("language switcher %q lacks %s", names, want)
				}
			}
		})
	}
}

// TestTranslatedSettings checks the description and contact link per
// locale: the home's lead, meta description, feed and footer link.
func TestTranslatedSettings(t *testing.T) {
	e := newWorld(t)
	de := webtest.Parse(t, e.page(t, "/de/"))
	if got := de.Text(".hero .lead"); got != "Antworten rund um Relay." {
		t.Errorf("German hero lead = %q", got)
	}
	if got := de.Text(".hero h1"); got != "Relay-Hilfe" {
		t.Errorf("German hero h1 = %q", got)
	}
	if got := de.Attr(".contact a", "href"); got != "https://relay.test/de/kontakt" {
		t.Errorf("German contact link = %q", got)
	}
	en := webtest.Parse(t, e.page(t, "/"))
	if got := en.Attr(".contact a", "href"); got != "https://relay.test/contact" {
		t.Errorf("English contact link = %q", got)
	}
	if de.Attr(".hero .lead", "lang") != "" || de.Attr(".hero h1", "lang") != "" {
		t.Error("German hero: its own title and description marked as another language")
	}
	// Arabic has no description of its own: the default locale's in the
	// hero, marked as English; the meta tags, which cannot say so, the
	// theme's Arabic one. Swahili, which the theme does not speak either,
	// keeps the site's.
	ar := webtest.Parse(t, e.page(t, "/ar/"))
	if got := ar.Text(".hero .lead"); got != "Answers about Relay." || ar.Attr(".hero .lead", "lang") != "en" {
		t.Errorf("Arabic hero lead = %q lang %q, want the default locale's marked lang=en", got, ar.Attr(".hero .lead", "lang"))
	}
	if got := ar.Attr("meta[name=description]", "content"); got != "إجابات عن أسئلتك." {
		t.Errorf("Arabic description = %q, want the theme's Arabic one", got)
	}
	sw := webtest.Parse(t, e.page(t, "/sw/"))
	if got := sw.Attr("meta[name=description]", "content"); got != "Answers about Relay." {
		t.Errorf("Swahili description = %q, want the default locale's", got)
	}
	// Swahili has no title of its own either: the English one, marked.
	if got := sw.Attr(".brand img", "lang"); got != "en" || ar.Attr(".brand img", "lang") != "" {
		t.Errorf("logo's alt text lang: Swahili %q (want en), Arabic %q (want none)", got, ar.Attr(".brand img", "lang"))
	}
	feed := e.page(t, "/de/feed.atom")
	if !strings.Contains(feed, "Relay-Hilfe") {
		t.Errorf("German feed does not carry the German title:\n%s", feed[:min(400, len(feed))])
	}
	if !strings.Contains(e.page(t, "/de/"), `"name":"Relay-Hilfe"`) {
		t.Error("German home's JSON-LD does not name the German site title")
	}
}

// TestBrand checks the logo in the header of every page type and in the
// widget, its dark-mode variant, the favicon, and that the files are
// served.
func TestBrand(t *testing.T) {
	e := newWorld(t)
	for _, p := range []string{"/", "/account/", "/account/reset", "/search?q=password", "/faq", "/nowhere"} {
		w := e.do(t, "GET", p, nil)
		d := webtest.Parse(t, w.Body.String())
		if got := d.Attr("header .brand img", "src"); got != "/_content/brand/logo.svg" {
			t.Errorf("%s: header logo src = %q", p, got)
		}
		if got := d.Attr("header .brand source", "srcset"); got != "/_content/brand/logo-dark.svg" {
			t.Errorf("%s: dark logo = %q", p, got)
		}
		if got := d.Attr("link[rel=icon]", "href"); got != "/_content/brand/icon.png" {
			t.Errorf("%s: favicon = %q", p, got)
		}
	}
	// Category cards show the icon their _index.md names; a translation
	// may set its own.
	if got := webtest.Parse(t, e.page(t, "/de/")).Attr(".category-card img.category-icon", "src"); got != "/_content/brand/icon.png" {
		t.Errorf("German category icon = %q, want the default locale's image", got)
	}
	if got := webtest.Parse(t, e.page(t, "/sw/")).Text(".category-card .category-icon"); got != "🔐" {
		t.Errorf("Swahili category icon = %q", got)
	}
	frame := webtest.Parse(t, e.page(t, "/widget/frame?locale=ar"))
	if got := frame.Attr("html", "dir"); got != "rtl" {
		t.Errorf("Arabic widget frame dir = %q", got)
	}
	if got := frame.Attr(".w-logo", "alt"); got != "مساعدة ريلاي" {
		t.Errorf("widget logo alt = %q", got)
	}
	// The panel's header is the brand colour under white text: the logo
	// drawn for dark backgrounds is the one it shows.
	if got := frame.Attr("img.w-logo", "src"); got != "/_content/brand/logo-dark.svg" {
		t.Errorf("widget logo = %q, want logo_dark on the brand-coloured header", got)
	}
	for _, f := range []string{"/_content/brand/logo.svg", "/_content/brand/logo-dark.svg", "/_content/brand/icon.png"} {
		if w := e.do(t, "GET", f, nil); w.Code != 200 {
			t.Errorf("GET %s: %d", f, w.Code)
		}
	}
	js := e.page(t, "/widget.js")
	if !strings.Contains(js, `"ar":{"close":"إغلاق المساعدة","dir":"rtl"`) {
		t.Error("widget loader does not know Arabic is right to left")
	}
}

// TestThemeFolderReplacesFiles checks that files of the content folder's
// theme/ replace the embedded theme's, and only those.
func TestThemeFolderReplacesFiles(t *testing.T) {
	e := newWorld(t)
	faq := webtest.Parse(t, e.page(t, "/faq"))
	if got := faq.Text(".relay-faq"); got != "Relay's own FAQ page" {
		t.Errorf("FAQ page is not the content theme's: %q", got)
	}
	home := webtest.Parse(t, e.page(t, "/"))
	if home.Count(".category-card") == 0 {
		t.Error("home page lost the default theme's template")
	}
	css := home.Attr("link[rel=stylesheet]", "href")
	if body := e.page(t, css); !strings.Contains(body, "relay brand stylesheet") || strings.Contains(body, "--brand: #0b5cad") {
		t.Errorf("stylesheet %s is not the content theme's", css)
	}
}

// TestSearchPageInArabic checks the search page's words and plural forms
// in Arabic.
func TestSearchPageInArabic(t *testing.T) {
	e := newWorld(t)
	d := webtest.Parse(t, e.page(t, "/ar/search?q=xyzzy"))
	if got := d.Text("h1"); got != "نتائج البحث عن «xyzzy»" {
		t.Errorf("h1 = %q", got)
	}
	d = webtest.Parse(t, e.page(t, "/ar/search?q=%D9%83%D9%84%D9%85%D8%A9"))
	if got := d.Text(".count"); got != "نتيجة واحدة" {
		t.Errorf("count = %q, want the Arabic singular", got)
	}
}

// TestLocaleCodeInAnyCase: a locale segment spelt another way ("/DE/", as
// another tool or a hand writes it) leads to the locale's page, a form
// post keeping its method.
func TestLocaleCodeInAnyCase(t *testing.T) {
	e := newWorld(t)
	for _, c := range []struct{ method, target, want string }{
		{"GET", "/DE/search?q=link", "/de/search?q=link"},
		{"GET", "/De/", "/de/"},
		{"GET", "/DE/account/reset", "/de/account/reset"},
		{"POST", "/DE/contact", "/de/contact"},
		// The default locale as a prefix, as Hugo sites that keep it in a
		// subfolder link: served without it.
		{"GET", "/en/account/reset", "/account/reset"},
		{"GET", "/EN/account/reset", "/account/reset"},
		{"GET", "/en/", "/"},
		{"GET", "/en/search?q=link", "/search?q=link"},
		{"POST", "/en/contact", "/contact"},
	} {
		w := e.do(t, c.method, c.target, nil)
		want := 301
		if c.method == "POST" {
			want = 308
		}
		if w.Code != want || w.Header().Get("Location") != c.want {
			t.Errorf("%s %s: %d %q, want %d %q", c.method, c.target, w.Code, w.Header().Get("Location"), want, c.want)
		}
	}
	if w := e.do(t, "GET", "/xx/search?q=link", nil); w.Code != 404 {
		t.Errorf("/xx/search: %d, want 404", w.Code)
	}
}

// hugoWorld is a help center written for Hugo: locale suffixes in lower
// case (refund.pt-br.md, refund.zh-hans.md), Chinese in both scripts.
var hugoWorld = fstest.MapFS{
	"guichet.yaml":              {Data: []byte("title: Acme Help\ndefault_locale: en\nlocales: [en, pt-br, zh-hans, zh-hant, es-419]\n")},
	"billing/refund.md":         {Data: []byte("---\ntitle: Get a refund\n---\nAsk within 30 days.\n")},
	"billing/refund.pt-br.md":   {Data: []byte("---\ntitle: Pedir um reembolso\n---\nPeça em até 30 dias.\n")},
	"billing/refund.zh-hans.md": {Data: []byte("---\ntitle: 申请退款\n---\n在30天内申请。\n")},
	"billing/refund.zh-hant.md": {Data: []byte("---\ntitle: 申請退款\n---\n在30天內申請。\n")},
	"billing/refund.es-419.md":  {Data: []byte("---\ntitle: Pedir un reembolso\n---\nPídelo en 30 días.\n")},
}

// TestLocaleAsAppsSendIt: the locale an app or browser sends — Android's
// and Java's pt_BR, a region the site has no version for (es-MX), a
// Traditional Chinese reader (zh-TW) on a site in both scripts — picks
// the version a reader of it expects, in the locale parameter of the
// APIs as in Accept-Language.
func TestLocaleAsAppsSendIt(t *testing.T) {
	e := newWorldOf(t, hugoWorld)
	for _, c := range []struct{ param, header, want string }{
		{"pt_BR", "", "pt-BR"},
		{"zh_hans", "", "zh-Hans"},
		{"ZH-HANT", "", "zh-Hant"},
		{"es-MX", "", "es-419"},
		{"zh-TW", "", "zh-Hant"},
		{"", "zh-TW,zh;q=0.9,en;q=0.5", "zh-Hant"},
		{"", "zh-HK", "zh-Hant"},
		{"", "zh-CN", "zh-Hans"},
		{"", "pt_BR", "pt-BR"},
		{"", "es-MX,es;q=0.9", "es-419"},
		{"", "de-DE,de;q=0.9", "en"},
	} {
		target := "/api/v1/search?q=refund"
		if c.param != "" {
			target += "&locale=" + c.param
		}
		w := e.do(t, "GET", target, nil, "Accept-Language", c.header)
		if w.Code != 200 {
			t.Errorf("locale=%q Accept-Language %q: %d %s", c.param, c.header, w.Code, w.Body)
			continue
		}
		var res apiResult
		if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		if res.Locale != c.want {
			t.Errorf("locale=%q Accept-Language %q: locale %q, want %q", c.param, c.header, res.Locale, c.want)
		}
	}
	if w := e.do(t, "GET", "/api/v1/context?path=/billing&locale=pt_br", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"locale":"pt-BR"`) {
		t.Errorf("widget context API with locale=pt_br: %d %s", w.Code, w.Body)
	}
	if w := e.do(t, "GET", "/api/v1/search?q=refund&locale=de", nil); w.Code != 400 {
		t.Errorf("locale=de on a site without German: %d, want 400", w.Code)
	}
}

// TestCategoryNamedLikeTheDefaultLocale: a folder named "en" on an English
// site is a category, served, not a locale prefix taken away.
func TestCategoryNamedLikeTheDefaultLocale(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"en/_index.md":  "---\ntitle: English lessons\n---\n",
		"en/grammar.md": "---\ntitle: Grammar\n---\nVerbs and nouns.\n",
	})
	for _, p := range []string{"/en/", "/en/grammar"} {
		if w := e.do(t, "GET", p, nil); w.Code != 200 {
			t.Errorf("%s: %d %s, want the page", p, w.Code, w.Header().Get("Location"))
		}
	}
}

// TestDeadLinkUnderLocaleAsAnotherToolSpellsIt: a link from the old Hugo
// site to a page that is gone, under the locale as Hugo spells it
// (/pt-br/…), gets the locale's 404 page: in Portuguese, offering the
// Portuguese articles its words find, as /pt-BR/… does.
func TestDeadLinkUnderLocaleAsAnotherToolSpellsIt(t *testing.T) {
	e := newWorldOf(t, hugoWorld)
	for _, p := range []string{"/pt-BR/ajuda/reembolso-antigo", "/pt-br/ajuda/reembolso-antigo", "/PT_BR/ajuda/reembolso-antigo"} {
		w := e.do(t, "GET", p, nil)
		if w.Code != 404 {
			t.Errorf("%s: %d, want 404", p, w.Code)
			continue
		}
		d := webtest.Parse(t, w.Body.String())
		if got := d.Attr("html", "lang"); got != "pt-BR" {
			t.Errorf("%s: the 404 page is in %q, want pt-BR", p, got)
		}
		if got := d.Attrs(".error-page a", "href"); !slices.Contains(got, "/pt-BR/billing/refund") {
			t.Errorf("%s: the 404 page offers %v, not the Portuguese refund article", p, got)
		}
	}
}

// faqWorld: an English FAQ of three articles, only one translated into
// Russian, and no Greek translation at all.
var faqWorld = fstest.MapFS{
	"guichet.yaml":        {Data: []byte("default_locale: en\nlocales: [en, ru, el]\n")},
	"account/reset.md":    {Data: []byte("---\ntitle: Reset your password\nfaq: pinned\ncontexts: [/settings/account]\n---\nUse the link.\n")},
	"account/reset.ru.md": {Data: []byte("---\ntitle: Сбросить пароль\n---\nПо ссылке.\n")},
	"account/email.md":    {Data: []byte("---\ntitle: Change your email\nfaq: true\n---\nIn settings.\n")},
	"account/plan.md":     {Data: []byte("---\ntitle: Change your plan\nfaq: true\n---\nIn billing.\n")},
}

// TestContextStandInFromDefaultLocale: on a screen no article fits, the
// widget's "Popular articles" and GET /api/v1/context show the locale's
// FAQ completed by the default locale's FAQ articles not translated into
// it (each with its locale), as matching articles are: a locale with no
// translation showed an empty panel.
func TestContextStandInFromDefaultLocale(t *testing.T) {
	e := newWorldOf(t, faqWorld)
	type ref struct{ ID, Locale string }
	for _, c := range []struct {
		query string
		want  []ref
	}{
		{"url=/nowhere&locale=ru", []ref{{"account/reset", "ru"}, {"account/email", "en"}, {"account/plan", "en"}}},
		{"url=/nowhere&locale=el", []ref{{"account/reset", "en"}, {"account/email", "en"}, {"account/plan", "en"}}},
		{"url=/nowhere&locale=el&limit=2", []ref{{"account/reset", "en"}, {"account/email", "en"}}},
		{"url=/nowhere&locale=en", []ref{{"account/reset", "en"}, {"account/email", "en"}, {"account/plan", "en"}}},
	} {
		w := e.do(t, "GET", "/api/v1/context?"+c.query, nil)
		var res struct {
			Matched  bool
			Articles []ref
		}
		if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || w.Code != 200 {
			t.Fatalf("%s: %d %s", c.query, w.Code, w.Body)
		}
		if res.Matched || !slices.Equal(res.Articles, c.want) {
			t.Errorf("%s: matched %v, articles %v, want unmatched %v", c.query, res.Matched, res.Articles, c.want)
		}
	}
	page := e.do(t, "GET", "/widget/frame?locale=el&path=/nowhere", nil).Body.String()
	if !strings.Contains(page, "Change your email") {
		t.Errorf("widget panel in Greek on a screen without help shows no popular article:\n%s", page)
	}
}
