package search

import (
	"testing"

	"github.com/guichet/guichet/site"
)

// TestNounsOfVerbs: a noun made of a verb ("financiación",
// "almacenamiento", "cancelamento", "cancellazione") is that verb where a
// title writes its infinitive, as German "Stornierung" is "stornieren":
// "financiación" found only the article whose text wrote the noun, and
// "almacenamiento pellets" was weak with "Cómo almacenar los pellets"
// third (rv21g).
func TestNounsOfVerbs(t *testing.T) {
	for _, c := range []struct {
		locale string
		arts   []*site.Article
		query  string
		first  string
	}{
		{"es", []*site.Article{
			art("finance", "es", "help", "Financiar la compra", "Pago a plazos.", nil, sec("", "", "Paga tu estufa en doce meses.")),
			art("store", "es", "help", "Cómo almacenar los pellets", "En un lugar seco.", nil, sec("", "", "Guarda los sacos lejos de la humedad.")),
			art("crypto", "es", "help", "¿Aceptáis criptomonedas?", "No.", nil, sec("", "", "No aceptamos criptomonedas ni otra financiación.")),
		}, "financiación", "finance"},
		{"es", []*site.Article{
			art("finance", "es", "help", "Financiar la compra", "Pago a plazos.", nil, sec("", "", "Paga tu estufa en doce meses.")),
			art("store", "es", "help", "Cómo almacenar los pellets", "En un lugar seco.", nil, sec("", "", "Guarda los sacos lejos de la humedad.")),
			art("quality", "es", "help", "Calidad de los pellets", "Certificados.", nil, sec("", "", "Usa pellets certificados.")),
		}, "almacenamiento pellets", "store"},
		{"pt", []*site.Article{
			art("cancel", "pt", "help", "Cancelar a assinatura", "A qualquer momento.", nil, sec("", "", "Abra a conta e escolha Cancelar.")),
			art("pay", "pt", "help", "Formas de pagamento", "Cartão e boleto.", nil, sec("", "", "Aceitamos cartão.")),
		}, "cancelamento", "cancel"},
		{"it", []*site.Article{
			art("cancel", "it", "help", "Cancellare l'abbonamento", "In qualsiasi momento.", nil, sec("", "", "Apri il profilo e scegli Cancella.")),
			art("pay", "it", "help", "Metodi di pagamento", "Carta e bonifico.", nil, sec("", "", "Accettiamo la carta.")),
		}, "cancellazione abbonamento", "cancel"},
	} {
		lib := helpLibrary("verb-nouns-"+c.locale+c.first, c.arts...)
		lib.Config.DefaultLocale, lib.Config.Locales = c.locale, []string{c.locale}
		ix := buildLib(t, lib, "")
		r := search(t, ix, c.query, c.locale)
		if len(r.Hits) == 0 || r.Hits[0].ID != c.first || r.Weak {
			t.Errorf("%s: Search(%q) = %v (weak %v), want %s first, answering", c.locale, c.query, ids(r), r.Weak, c.first)
		}
	}
}
