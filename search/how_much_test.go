package search

import (
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestHowMuchIsAQuestionWord: "¿Cuánto cuesta…?", "Quanto custa…?",
// "Wieviel kostet…?" ask how much, as "cómo", "quando" and "wann" ask how
// and when, which are stop words; "cuánto" was not, and was read as a
// typo of "cuenta" (account): "¿Cuánto tarda la carga?" listed "Eliminar
// tu cuenta" among its answers and "cuánto" alone said "did you mean
// cuenta" (a newcomer, rv23d).
func TestHowMuchIsAQuestionWord(t *testing.T) {
	for _, c := range []struct {
		locale     string
		arts       []*site.Article
		q, first   string
		never      string
		alone      string
		aloneNever string
	}{
		{"es", []*site.Article{
			art("account", "es", "help", "Eliminar tu cuenta", "Cuenta.", nil, sec("", "", "Escríbenos y borramos tu cuenta.")),
			art("charge", "es", "help", "Cargar la batería", "Carga.", nil, sec("", "", "Una carga completa tarda unas 4 horas.")),
		}, "¿Cuánto tarda la carga?", "charge", "account", "cuántos", "account"},
		{"pt", []*site.Article{
			art("account", "pt", "help", "Excluir a conta", "Conta.", nil, sec("", "", "Escreva-nos e apagamos a sua conta.")),
			art("delivery", "pt", "help", "Prazo de entrega", "Entrega.", nil, sec("", "", "A entrega demora dois dias.")),
		}, "Quanto demora a entrega?", "delivery", "account", "quantas", "account"},
		{"de", []*site.Article{
			art("games", "de", "help", "Spiele verwalten", "Spiele.", nil, sec("", "", "Spiele im Konto.")),
			art("charge", "de", "help", "Den Akku laden", "Laden.", nil, sec("", "", "Eine volle Ladung dauert etwa 4 Stunden.")),
		}, "Wieviel Ladung hat der Akku?", "charge", "games", "wieviele", "games"},
	} {
		lib := helpLibrary("how-much-"+c.locale, c.arts...)
		lib.Config.DefaultLocale, lib.Config.Locales = c.locale, []string{c.locale}
		ix := buildLib(t, lib, "")
		r := search(t, ix, c.q, c.locale)
		if len(r.Hits) == 0 || r.Hits[0].ID != c.first || slices.Contains(ids(r), c.never) || r.DidYouMean != "" {
			t.Errorf("%s: Search(%q) = %v (did you mean %q), want %s first, without %s", c.locale, c.q, ids(r), r.DidYouMean, c.first, c.never)
		}
		r = search(t, ix, c.alone, c.locale)
		if slices.Contains(ids(r), c.aloneNever) || r.DidYouMean != "" {
			t.Errorf("%s: Search(%q) = %v (did you mean %q), want no %s", c.locale, c.alone, ids(r), r.DidYouMean, c.aloneNever)
		}
	}
}
