package web_test

import (
	"encoding/xml"
	"strings"
	"testing"
)

// TestURLsOutsideHTMLAreURIs: an article whose URL holds letters outside
// ASCII was listed raw in the sitemap's <loc>, the feeds and the JSON-LD ("…/capacete-para-criança", rv24a),
// where no template encodes it and sitemaps.org asks for a URI; every
// absolute URL the site writes is percent-encoded, as the canonical link
// in the page's head always was.
func TestURLsOutsideHTMLAreURIs(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":                       "title: Pedala\nbase_url: https://help.pedala.test\n",
		"seguranca/capacete-para-criança.md": "---\ntitle: Capacete para criança\ndate: 2026-10-01\n---\nTodo ciclista com menos de 12 anos usa capacete.\n",
		"seguranca/luzes.md":                 "---\ntitle: Luzes\ndate: 2026-10-01\n---\nLuzes à noite.\n",
	})
	const want = "https://help.pedala.test/seguranca/capacete-para-crian%C3%A7a"
	w := e.do(t, "GET", "/sitemap.xml", nil)
	var doc sitemapDoc
	if err := xml.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, u := range doc.URLs {
		found = found || u.Loc == want
		if strings.ContainsRune(u.Loc, 'ç') {
			t.Errorf("sitemap <loc> not a URI: %s", u.Loc)
		}
	}
	if !found {
		t.Errorf("sitemap lacks %s:\n%s", want, w.Body)
	}
	for _, p := range []string{"/feed.atom", "/feed.json"} {
		if body := e.page(t, p); !strings.Contains(body, want) {
			t.Errorf("%s: the article's link is not %s:\n%.600s", p, want, body)
		}
	}
}
