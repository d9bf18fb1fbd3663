package web_test

import (
	"maps"
	"testing"
	"testing/fstest"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestThemeStringsFileRewordsOneByOne: a content folder's
// theme/i18n/de.yaml that rewords one string keeps the theme's other
// German strings, as i18n/de.yaml does; it replaced the theme's whole
// German file, so every other string of the German pages fell back to
// English (the skip link, the category count…).
func TestThemeStringsFileRewordsOneByOne(t *testing.T) {
	fsys := maps.Clone(world)
	fsys["theme/i18n/de.yaml"] = &fstest.MapFile{Data: []byte("search_btn: Los\n")}
	e := newWorldOf(t, fsys)
	d := webtest.Parse(t, e.page(t, "/de/"))
	if got := d.Text("button[type=submit]"); got != "Los" {
		t.Errorf("search button = %q, want the theme file's Los", got)
	}
	if got := d.Text(".skip-link"); got != "Zum Inhalt springen" {
		t.Errorf("skip link = %q, want the default theme's German", got)
	}
	if got := d.Attr(".skip-link", "lang"); got != "" {
		t.Errorf("skip link marked lang=%q: it is in the page's language", got)
	}
}
