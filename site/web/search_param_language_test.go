package web_test

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestSearchPageBadParameterInItsLanguage: a results page asked for with
// a page number it cannot show ("/es/search?q=x&page=abc", a link cut or
// typed by hand) says what is wrong in the page's language, as the rest
// of the page does; it said "page must be a number from 1 to 1000", in
// English, under a Spanish heading (rv23d). The API keeps its English
// message (a program reads the code).
func TestSearchPageBadParameterInItsLanguage(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":         "title: Velora\nbase_url: https://help.velora.test\ndefault_locale: en\nlocales: [en, es, fr]\n",
		"fahrrad/_index.md":    "---\ntitle: Your bike\n---\n",
		"fahrrad/_index.es.md": "---\ntitle: Tu bicicleta\n---\n",
		"fahrrad/_index.fr.md": "---\ntitle: Ton vélo\n---\n",
		"fahrrad/akku.md":      "---\ntitle: Charging the battery\n---\nUse the charger.\n",
		"fahrrad/akku.es.md":   "---\ntitle: Cargar la batería\n---\nUsa el cargador.\n",
		"fahrrad/akku.fr.md":   "---\ntitle: Charger la batterie\n---\nUtilise le chargeur.\n",
	})
	for path, want := range map[string]string{
		"/es/search?q=bater%C3%ADa&page=abc":   "página",
		"/es/search?q=bater%C3%ADa&page=0":     "página",
		"/fr/search?q=batterie&page=2000":      "page",
		"/es/search?q=bater%C3%ADa&verbatim=x": "búsqueda",
		"/search?q=battery&page=abc":           "page",
	} {
		w := e.do(t, "GET", path, nil)
		d := webtest.Parse(t, w.Body.String())
		text, lang := d.Text(".error-page p"), d.Attr(".error-page p", "lang")
		if w.Code != 400 {
			t.Errorf("%s: status %d, want 400", path, w.Code)
		}
		english := strings.HasPrefix(path, "/search")
		if !english && strings.Contains(text, "must be") || lang != "" || !strings.Contains(strings.ToLower(text), want) {
			t.Errorf("%s: says %q (lang %q), want it in the page's language (%q)", path, text, lang, want)
		}
	}
	if w := e.do(t, "GET", "/api/v1/search?q=battery&locale=es&offset=abc", nil); w.Code != 400 || !strings.Contains(w.Body.String(), "offset must be") {
		t.Errorf("API: %d %s, want 400 naming offset in English", w.Code, w.Body.String())
	}
}
