package web_test

import (
	"net/url"
	"testing"
)

// TestSearchPageNumberInLocalDigits: a page number written in the digits
// of the reader's script is the same number: "/ar/search?q=a&page=٢"
// (Arabic-Indic two, what an Arabic keyboard types and what the page
// itself writes) answered 400 "page must be a number", as did Persian
// "۲" and the full-width "２" of a Japanese keyboard.
func TestSearchPageNumberInLocalDigits(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":          "title: Kaffee\nbase_url: https://help.kaffee.test\ndefault_locale: de\nlocales: [de, ar]\n",
		"maschine/_index.md":    "---\ntitle: Maschine\n---\n",
		"maschine/_index.ar.md": "---\ntitle: الآلة\n---\n",
		"maschine/kalk.md":      "---\ntitle: Entkalken\n---\nMit Entkalker a.\n",
		"maschine/kalk.ar.md":   "---\ntitle: إزالة الترسبات\n---\nاستخدم المحلول a.\n",
	})
	path := func(page string) string {
		return "/ar/search?q=" + url.QueryEscape("الترسبات") + "&page=" + url.QueryEscape(page)
	}
	two := e.do(t, "GET", path("2"), nil)
	if two.Code != 200 {
		t.Fatalf("page=2: status %d", two.Code)
	}
	for _, page := range []string{"٢", "۲", "２"} {
		w := e.do(t, "GET", path(page), nil)
		if w.Code != 200 || w.Body.String() != two.Body.String() {
			t.Errorf("page=%s: status %d, want 200 and page 2", page, w.Code)
		}
	}
	for _, page := range []string{"٢x", "-٢", "٠"} {
		if w := e.do(t, "GET", path(page), nil); w.Code != 400 {
			t.Errorf("page=%s: status %d, want 400", page, w.Code)
		}
	}
}
