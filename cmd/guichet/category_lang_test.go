package main

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestCategoryLanguageInResults: a category with no title in the reader's
// language shows the default locale's, and says so wherever a result
// names it, as the README promises of headings, breadcrumbs, cards and
// lists: the search page's result line, the contact form's suggestions
// and the API's category_lang, which the autocomplete marks. An Arabic
// screen reader read "Konto & Bestellungen" with Arabic rules on
// /ar/search and /ar/contact, and a German article suggested on the
// Arabic contact form was not marked German.
func TestCategoryLanguageInResults(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: de\nlocales: [de, ar]\ncontact_url: mailto:hilfe@example.com\n")
	writeFile(t, dir, "konto/_index.md", "---\ntitle: Konto und Bestellungen\n---\n")
	writeFile(t, dir, "konto/garantie.md", "---\ntitle: Garantie und Reparatur\n---\nZwei Jahre Garantie auf alle Maschinen.\n")
	writeFile(t, dir, "konto/garantie.ar.md", "---\ntitle: الضمان والإصلاح\n---\nجميع الآلات مضمونة لمدة عامين.\n")
	writeFile(t, dir, "konto/rechnung.md", "---\ntitle: Rechnung herunterladen\n---\nDie Rechnung als PDF herunterladen.\n")
	writeFile(t, dir, "pflege/_index.md", "---\ntitle: Pflege\n---\n")
	writeFile(t, dir, "pflege/_index.ar.md", "---\ntitle: العناية\n---\n")
	writeFile(t, dir, "pflege/kalk.ar.md", "---\ntitle: إزالة الكلس\nid: pflege/kalk\n---\nأزل الكلس من الآلة.\n")
	m := openMain(t, dir, false)

	page := mustGet(t, m, "/ar/search?q="+url.QueryEscape("الضمان"))
	if !strings.Contains(page, `<p class="result-meta"><span lang="de">Konto und Bestellungen</span></p>`) {
		t.Errorf("/ar/search: the German category title is not marked German:\n%s", between(page, `<ol class="results`, `</ol>`))
	}
	page = mustGet(t, m, "/ar/search?q="+url.QueryEscape("الكلس"))
	if !strings.Contains(page, `<p class="result-meta">العناية</p>`) {
		t.Errorf("/ar/search: a translated category is marked or missing:\n%s", between(page, `<ol class="results`, `</ol>`))
	}

	var res struct {
		Results []struct {
			Title, Category, Locale string
			CategoryLang            string `json:"category_lang"`
		}
	}
	for _, action := range []string{"search", "suggest"} {
		body := mustGet(t, m, "/api/v1/"+action+"?locale=ar&q="+url.QueryEscape("الضمان"))
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Results) == 0 || res.Results[0].CategoryLang != "de" {
			t.Errorf("%s: %s, want category_lang de on the Arabic article of a German category", action, body)
		}
	}
	// A German article (not translated) under its German category: the
	// article's language is the category's, nothing more to say.
	body := mustGet(t, m, "/api/v1/search?locale=ar&q=Rechnung")
	if strings.Contains(body, "category_lang") {
		t.Errorf("search Rechnung: %s, want no category_lang where the category is in the article's language", body)
	}

	page = mustGet(t, m, "/ar/contact?subject="+url.QueryEscape("الضمان"))
	if !strings.Contains(page, `<span class="result-meta" lang="de">Konto und Bestellungen</span>`) {
		t.Errorf("/ar/contact: the German category title is not marked German:\n%s", between(page, `<ol class="results`, `</ol>`))
	}
	page = mustGet(t, m, "/ar/contact?subject=Rechnung")
	if !strings.Contains(page, `<li class="result" lang="de"><a href="/konto/rechnung"`) {
		t.Errorf("/ar/contact: the German article suggested is not marked German:\n%s", between(page, `<ol class="results`, `</ol>`))
	}
}

// between returns the part of s from the first from to the next to, for
// messages.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return s
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j+len(to)]
}

// TestQueryInForeignSentenceIsMarked: on the pages of a locale the theme
// does not translate, the search page's sentences that quote the reader's
// words are in the default locale's language (lang="de"), and the words,
// in the page's language, are marked so, as the date after "Last
// updated:" is: a Japanese query inside "Artikel zu „…“" was read with
// German rules. On a page in its own language nothing is marked.
func TestQueryInForeignSentenceIsMarked(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: de\nlocales: [de, ja]\n")
	writeFile(t, dir, "pflege/entkalken.md", "---\ntitle: Entkalken\n---\nEntkalken Sie die Maschine.\n")
	writeFile(t, dir, "pflege/entkalken.ja.md", "---\ntitle: 除石灰の方法\n---\n除石灰剤を入れます。\n")
	m := openMain(t, dir, false)
	for _, c := range []struct{ path, want string }{
		{"/ja/search?q=" + url.QueryEscape("除石灰"), `<h1 lang="de">Suchergebnisse für „<span lang="ja">除石灰</span>“</h1>`},
		{"/ja/search?q=" + url.QueryEscape("牛乳"), `>Keine Artikel passen zu „<span lang="ja">牛乳</span>“.</p>`},
		{"/ja/search?q=" + url.QueryEscape("除石灰 ビットコイン ハムスター"), `ganz; diese kommen am nächsten.</p>`},
		{"/ja/search?q=" + url.QueryEscape("除石灰 ビットコイン ハムスター"), `„<span lang="ja">除石灰 ビットコイン ハムスター</span>“ ganz`},
		{"/ja/search?q=" + url.QueryEscape("<b>&"), `„<span lang="ja">&lt;b&gt;&amp;</span>“`},
	} {
		page := mustGet(t, m, c.path)
		if !strings.Contains(page, c.want) {
			t.Errorf("%s: want %s in\n%s", c.path, c.want, between(page, "<main", "</main>"))
		}
	}
	page := mustGet(t, m, "/search?q=Entkalken")
	if strings.Contains(between(page, "<main", "</main>"), "<span lang=") {
		t.Errorf("/search?q=Entkalken: the query is marked on a page in its own language:\n%s", between(page, "<main", "</main>"))
	}
}

// TestSubscribeIntroMarksQuery: "Tell me when this is answered" quotes the
// reader's words in its intro; on a locale the theme does not translate,
// the intro is German and the words are marked Japanese, on the search
// page and on the contact form after a lookup.
func TestSubscribeIntroMarksQuery(t *testing.T) {
	sink := startSink(t, "127.0.0.1:0")
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: de\nlocales: [de, ja]\ncontact:\n  to: hilfe@example.com\n")
	writeFile(t, dir, "pflege/entkalken.ja.md", "---\ntitle: 除石灰の方法\nid: pflege/entkalken\n---\n除石灰剤を入れます。\n")
	clk := &clock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), sink.addr, clk)
	for _, path := range []string{"/ja/search?q=" + url.QueryEscape("牛乳"), "/ja/contact?subject=" + url.QueryEscape("牛乳")} {
		page := mustGet(t, m, path)
		if !strings.Contains(page, `ein Artikel „<span lang="ja">牛乳</span>“ beantwortet`) {
			t.Errorf("%s: the subscribe intro does not mark the query:\n%s", path, between(page, `<form class="subscribe-form"`, `</form>`))
		}
	}
}

// TestSubscriptionPageMarksQuery: the page a confirmation link opens
// quotes the question; in a sentence of another language (a locale the
// theme does not translate), the question is marked with the link's.
func TestSubscriptionPageMarksQuery(t *testing.T) {
	sink := startSink(t, "127.0.0.1:0")
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: de\nlocales: [de, ja]\nbase_url: https://help.acme.test\n")
	writeFile(t, dir, "pflege/entkalken.ja.md", "---\ntitle: 除石灰の方法\nid: pflege/entkalken\n---\n除石灰剤を入れます。\n")
	clk := &clock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), sink.addr, clk)
	if w := serve(m, "POST", "/api/v1/subscriptions", `{"query":"牛乳の泡","email":"yuki@example.com","locale":"ja"}`, "Content-Type", "application/json"); w.Code != 202 {
		t.Fatalf("subscribe: %d %s", w.Code, w.Body)
	}
	m.Queue.RunOnce(context.Background())
	var link string
	waitFor(15*time.Second, func() bool {
		for _, msg := range sink.messages() {
			if l := linkRE.FindString(msg.Body); strings.Contains(l, "/confirm?") {
				link = l
				return true
			}
		}
		return false
	})
	if link == "" {
		t.Fatalf("no confirmation e-mail: %+v", sink.messages())
	}
	page := mustGet(t, m, strings.TrimPrefix(link, "https://help.acme.test"))
	if !strings.Contains(page, `„<span lang="ja">牛乳の泡</span>“`) {
		t.Errorf("confirmation page: the question is not marked:\n%s", between(page, "<main", "</main>"))
	}
}
