package web_test

import (
	"io/fs"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/web/webtest"
	"github.com/guichet/guichet/themes"
)

// swahiliSite is a help center in English and Swahili, which the theme
// does not translate; own is the content folder's i18n/sw.yaml, "" for
// none.
func swahiliSite(own string) fstest.MapFS {
	fsys := fstest.MapFS{
		"guichet.yaml":         {Data: []byte("title: Relay Help\nbase_url: https://help.relay.test\nlocales: [en, fr, sw]\ncontact_url: https://relay.test/contact\n")},
		"account/_index.md":    {Data: []byte("---\ntitle: Account\n---\n")},
		"account/_index.fr.md": {Data: []byte("---\ntitle: Compte\n---\n")},
		"account/_index.sw.md": {Data: []byte("---\ntitle: Akaunti\n---\n")},
		"account/reset.md":     {Data: []byte("---\ntitle: Reset your password\nid: reset\nfaq: pinned\ntags: [password]\nupdated: 2026-09-14\n---\nUse the link.\n\n## Steps\n\nOne.\n\n## After\n\nTwo.\n")},
		"account/reset.fr.md":  {Data: []byte("---\ntitle: Réinitialiser le mot de passe\nid: reset\ntags: [password]\nupdated: 2026-09-14\n---\nUtilisez le lien.\n\n## Étapes\n\nUne.\n\n## Ensuite\n\nDeux.\n")},
		"account/reset.sw.md":  {Data: []byte("---\ntitle: Weka upya nenosiri\nid: reset\nfaq: pinned\ntags: [nenosiri]\nupdated: 2026-09-14\n---\nTumia kiungo.\n\n## Hatua\n\nMoja.\n\n## Baadaye\n\nMbili.\n")},
		"account/email.md":     {Data: []byte("---\ntitle: Change your email\nid: email\ntags: [password]\n---\nIn settings.\n")},
		"account/email.sw.md":  {Data: []byte("---\ntitle: Badilisha barua pepe\nid: email\ntags: [nenosiri]\n---\nKatika mipangilio.\n")},
		"account/plan.md":      {Data: []byte("---\ntitle: Change your plan\nid: plan\n---\nIn billing.\n")},
	}
	if own != "" {
		fsys["i18n/sw.yaml"] = &fstest.MapFile{Data: []byte(own)}
	}
	return fsys
}

// TestInterfaceStringsInTheirLanguage: on the pages of a locale the theme
// does not translate (Swahili), the interface strings shown in English —
// navigation, search box, breadcrumbs, footer, feedback form, headings,
// counts, notes — are marked lang="en" wherever a screen reader reads
// them, and what is in the page's language is not: the article, its
// title and dates, the strings the content folder translates in part
// (i18n/sw.yaml), the reader's query. A fully translated locale (French)
// gets no mark. They were all read as Swahili inside <html lang="sw">.
func TestInterfaceStringsInTheirLanguage(t *testing.T) {
	theme, _ := fs.Sub(themes.FS, "default")
	strs, errs := i18n.ReadDir(theme)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	english := interfacePatterns(strs["en"])
	swPages := []string{"/sw/", "/sw/faq", "/sw/account/", "/sw/account/reset", "/sw/search?q=kiungo", "/sw/search?q=zeppelin",
		"/sw/search", "/sw/account/nothing", "/widget/frame?locale=sw", "/sw/contact", "/sw/contact?subject=kiungo", "/sw/contact?subject=zeppelin",
		"POST /feedback helpful=no", "POST /feedback helpful=yes"} // the form without JavaScript: "what went wrong?", thanks
	for _, tt := range []struct {
		name, own string
		swahili   []string // phrases in Swahili besides the content's
	}{
		{"nothing translated", "", nil},
		{"translated in part", "search_btn: Tafuta\nstill_need_help: Bado unahitaji msaada?\nupdated: \"Imesasishwa:\"\ntop_questions: Maswali makuu\nbreadcrumb: Njia\nin_this_article: Katika makala hii\nwhy_q: Nini kilikosekana?\n",
			[]string{"Tafuta", "Bado unahitaji msaada?", "Imesasishwa:", "Maswali makuu", "Njia", "Katika makala hii", "Nini kilikosekana?"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newWorldOf(t, swahiliSite(tt.own))
			swahili := append([]string{"Weka upya nenosiri", "Tumia kiungo.", "Hatua", "Akaunti", "Badilisha barua pepe", "2026-09-14", "kiungo"}, tt.swahili...)
			seen := map[string]bool{}
			for _, p := range swPages {
				for _, ph := range phrasesOf(t, e, p) {
					switch {
					case slices.Contains(swahili, ph.Text):
						seen[ph.Text] = true
						if ph.Lang != "sw" {
							t.Errorf("%s: %q (%s) is read as %q, want sw (the page's language)", p, ph.Text, ph.Where, ph.Lang)
						}
					case english.MatchString(phraseKey(ph.Text)):
						if ph.Lang != "en" {
							t.Errorf("%s: the English %q (%s) is read as %q, want en", p, ph.Text, ph.Where, ph.Lang)
						}
					}
				}
			}
			for _, s := range swahili {
				if !seen[s] {
					t.Errorf("no page shows %q: the test misses it", s)
				}
			}
			// A sentence in English names a language in English.
			note := webtest.Parse(t, e.page(t, "/sw/search?q=billing"))
			if got := note.Text("p.note"); got != "No results in your language; showing results in English." || note.Attr("p.note", "lang") != "en" {
				t.Errorf("/sw/search?q=billing: note %q lang %q, want the English sentence naming English, marked en", got, note.Attr("p.note", "lang"))
			}
		})
	}

	// A locale the theme translates: its strings are read in its language.
	french := interfacePatterns(strs["fr"])
	e := newWorldOf(t, swahiliSite(""))
	for _, p := range []string{"/fr/", "/fr/account/reset", "/fr/search?q=lien", "/fr/account/nothing", "/widget/frame?locale=fr"} {
		n := 0
		for _, ph := range phrasesOf(t, e, p) {
			if french.MatchString(phraseKey(ph.Text)) {
				n++
				if ph.Lang != "fr" {
					t.Errorf("%s: the French %q (%s) is read as %q, want fr", p, ph.Text, ph.Where, ph.Lang)
				}
			}
		}
		if n < 5 {
			t.Errorf("%s: %d French interface strings, want more", p, n)
		}
	}
}

// phrasesOf reads the page at target ("/sw/", or "POST /feedback
// helpful=no", a vote on reset in Swahili) with the language each phrase
// is read in; it checks the page says it is in the locale's language.
func phrasesOf(t *testing.T, e *env, target string) []webtest.Phrase {
	t.Helper()
	var w *httptest.ResponseRecorder
	loc := "sw"
	if strings.HasPrefix(target, "/fr/") || strings.HasSuffix(target, "=fr") {
		loc = "fr"
	}
	if vote, ok := strings.CutPrefix(target, "POST /feedback "); ok {
		form := url.Values{"article": {"reset"}, "locale": {loc}, "helpful": {strings.TrimPrefix(vote, "helpful=")}}
		w = e.do(t, "POST", "/feedback", strings.NewReader(form.Encode()), "Content-Type", "application/x-www-form-urlencoded")
	} else {
		w = e.do(t, "GET", target, nil)
	}
	if w.Code != 200 && w.Code != 404 {
		t.Fatalf("%s: %d", target, w.Code)
	}
	d := webtest.Parse(t, w.Body.String())
	if got := d.Attr("html", "lang"); got != loc {
		t.Errorf("%s: <html lang=%q>, want %s", target, got, loc)
	}
	return d.Phrases()
}

// interfacePatterns matches a phrase (phraseKey) that is one of the
// strings of a catalogue, its {placeholders} standing for any text.
// Strings with fewer than two letters of their own ("{title}:
// {articles}.") are left out: they could match anything.
func interfacePatterns(msgs map[string]site.Message) *regexp.Regexp {
	var alts []string
	placeholder := regexp.MustCompile(`\\\{[a-z_]+\\\}`)
	for k, m := range msgs {
		if k == "lang_name" {
			continue // the language's own name, marked as such
		}
		for _, s := range m {
			s = phraseKey(s)
			letters := 0
			for _, r := range regexp.MustCompile(`\{[a-z_]+\}`).ReplaceAllString(s, "") {
				if unicode.IsLetter(r) {
					letters++
				}
			}
			if letters < 2 {
				continue
			}
			alts = append(alts, placeholder.ReplaceAllString(regexp.QuoteMeta(s), ".+"))
		}
	}
	return regexp.MustCompile(`^(?:` + strings.Join(alts, "|") + `)$`)
}

// phraseKey is a phrase without the punctuation around it, which pages
// write between strings (" · ", "→", ":").
func phraseKey(s string) string {
	return strings.TrimFunc(strings.Join(strings.Fields(s), " "), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("·:→←›.…", r)
	})
}

// TestThemeWrittenBeforeLanguages: a content folder's theme calling why
// and feedbackOf as before they took the strings' languages still renders,
// its forms unmarked.
func TestThemeWrittenBeforeLanguages(t *testing.T) {
	fsys := swahiliSite("")
	fsys["theme/templates/article.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}<h1>{{.Article.Title}}</h1>{{template "feedback" (feedbackOf .T .Reasons .Locale .Article.ID "")}}{{end}}`)}
	fsys["theme/templates/thanks.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}<form>{{template "why" (why .T .Reasons false)}}</form>{{end}}`)}
	e := newWorldOf(t, fsys)
	d := webtest.Parse(t, e.page(t, "/sw/account/reset"))
	if d.Text("legend") != "Was this article helpful?" || d.Attr("legend", "lang") != "" {
		t.Errorf("feedback legend %q lang %q, want the English string unmarked", d.Text("legend"), d.Attr("legend", "lang"))
	}
	form := url.Values{"article": {"reset"}, "locale": {"sw"}, "helpful": {"no"}}
	if w := e.do(t, "POST", "/feedback", strings.NewReader(form.Encode()), "Content-Type", "application/x-www-form-urlencoded"); w.Code != 200 || !strings.Contains(w.Body.String(), "What went wrong?") {
		t.Errorf("thanks page: %d %s", w.Code, w.Body)
	}
}
