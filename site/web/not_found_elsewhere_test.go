package web_test

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestNotFoundSaysWhatItOffers: a page not found offered "These articles
// might help:" over a list of categories when no article fitted its
// address; and an article written in German only, opened under another
// locale's prefix (/es/fahrrad/schloss, a link whose language was
// swapped), was "not found" with nothing about the German article at
// that address (a newcomer, rv23d). Now the page says "browse the
// categories" over categories, and offers the article in the language it
// is written in, marked so.
func TestNotFoundSaysWhatItOffers(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":            "title: Velora\nbase_url: https://help.velora.test\ndefault_locale: en\nlocales: [en, de, es]\n",
		"fahrrad/_index.md":       "---\ntitle: Your bike\n---\n",
		"fahrrad/akku.md":         "---\ntitle: Charging the battery\n---\nUse the charger.\n",
		"fahrrad/akku.es.md":      "---\ntitle: Cargar la batería\n---\nUsa el cargador.\n",
		"fahrrad/schloss.de.md":   "---\ntitle: Das Schloss klemmt\nid: fahrrad/schloss\n---\nSprühen Sie etwas Schmiermittel in das Schloss.\n",
		"fahrrad/_index.de.md":    "---\ntitle: Ihr Fahrrad\n---\n",
		"fahrrad/_index.es.md":    "---\ntitle: Tu bicicleta\n---\n",
		"fahrrad/akku.de.md":      "---\ntitle: Den Akku laden\n---\nLaden.\n",
		"fahrrad/diebstahl.md":    "---\ntitle: My bike was stolen\n---\nReport it.\n",
		"fahrrad/diebstahl.es.md": "---\ntitle: Me han robado la bicicleta\n---\nDenúncialo.\n",
	})
	w := e.do(t, "GET", "/es/fahrrad/schloss", nil)
	d := webtest.Parse(t, w.Body.String())
	if w.Code != 404 || d.Attr("html", "lang") != "es" {
		t.Fatalf("/es/fahrrad/schloss: %d, lang %q; want a 404 in Spanish", w.Code, d.Attr("html", "lang"))
	}
	if got := d.Attrs(".error-page a", "href"); len(got) == 0 || got[0] != "/de/fahrrad/schloss" {
		t.Errorf("/es/fahrrad/schloss offers %v, want the German article at that address first", got)
	}
	if got := d.Attr(`.error-page li[lang=de]`, "lang"); got != "de" {
		t.Errorf("the German article is not marked lang=de:\n%s", w.Body)
	}
	if !strings.Contains(d.Text(".error-page"), "Deutsch") {
		t.Errorf("the German article's language is not named: %q", d.Text(".error-page"))
	}

	// Nothing fits: the categories, introduced as such.
	for _, c := range []struct{ path, never, want string }{
		{"/zzz/qqq", "These articles might help", "categories"},
		{"/es/zzz/qqq", "Estos artículos podrían ayudarte", "categorías"},
	} {
		w := e.do(t, "GET", c.path, nil)
		d := webtest.Parse(t, w.Body.String())
		text := d.Text(".error-page p")
		if w.Code != 404 || d.Count(".error-page h2") != 1 || strings.Contains(text, c.never) || !strings.Contains(text, c.want) {
			t.Errorf("%s: %d, says %q over the categories; want no %q, and %q", c.path, w.Code, text, c.never, c.want)
		}
	}
	// An address with words that fit keeps "These articles might help".
	w = e.do(t, "GET", "/fahrrad/charging-battery", nil)
	if d := webtest.Parse(t, w.Body.String()); !strings.Contains(d.Text(".error-page p"), "These articles might help") || d.Count(".error-page li") == 0 {
		t.Errorf("/fahrrad/charging-battery: %q, %d articles", d.Text(".error-page p"), d.Count(".error-page li"))
	}
}
