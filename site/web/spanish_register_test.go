package web_test

import (
	"io/fs"
	"regexp"
	"testing"

	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/themes"
)

// TestSpanishAddressesTheReaderAsTu: the theme's Spanish speaks to the
// reader as "tú" ("Puedes", "Escribe", "Cuéntanos"); the widget's "This
// article is not here any more" said "búsquelo", as "usted", the one
// string of the catalogue that did (a newcomer, rv23d).
func TestSpanishAddressesTheReaderAsTu(t *testing.T) {
	theme, _ := fs.Sub(themes.FS, "default")
	strs, errs := i18n.ReadDir(theme)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// The imperatives and pronouns of "usted" a help center's interface
	// would use.
	usted := regexp.MustCompile(`(?i)\b(usted|ustedes|búsquel[oa]s?|búsque|inténtel[oa]|inténtelo|vuelva|escriba|compruebe|introduzca|pulse|espere|haga|elija|seleccione|revise|díganos|cuéntenos|escríbanos|contáctenos|pruebe)\b`)
	for key, msg := range strs["es"] {
		for form, text := range msg {
			if w := usted.FindString(text); w != "" {
				t.Errorf("es.yaml: %s.%s says %q, as usted: %q", key, form, w, text)
			}
		}
	}
}
