package search

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestUnaccentedWordIsNotCorrectedAcross: "direccion", the Spanish
// "dirección" typed without its accent on the Spanish page, was corrected
// into the English "direct" ("Showing results for direct", the English
// direct debit article first), where "dirección" typed with its accent is
// read as a Spanish word (TestAccentedWordIsNotCorrectedAcross). It ends
// as the Spanish articles' words end with an accent ("suscripción",
// "facturación") and as no English word does: a word of the reader's
// language, found in the reader's locale when an article there writes it
// ("direcion", a slip, corrected toward it), never corrected across. An
// English word mistyped on the Spanish page is still corrected toward the
// English articles.
func TestUnaccentedWordIsNotCorrectedAcross(t *testing.T) {
	en := []*site.Article{
		art("directions", "en", "shop", "Directions to the shop", "How to find us.", nil, sec("", "", "Take the tram and follow the directions.")),
		art("debit", "en", "pay", "Set up direct debit", "Pay by direct debit.", nil, sec("", "", "Direct debit takes three days.")),
		art("refund", "en", "pay", "Refund a client", "Money back.", nil, sec("", "", "Choose Full refund.")),
	}
	es := []*site.Article{
		art("tienda", "es", "shop", "Horario de la tienda", "Cuándo abrimos.", nil, sec("", "", "La tienda abre a las nueve.")),
		art("pago", "es", "pay", "Pagar la suscripción", "Pagos.", nil, sec("", "", "Paga con tarjeta la suscripción y la facturación mensual.")),
	}
	envio := art("envio", "es", "pay", "Cambiar la dirección de envío", "Otra dirección.", nil, sec("", "", "Puede cambiar la dirección antes del envío."))
	for _, withWord := range []bool{false, true} {
		lib := &site.Library{
			Config:   site.Config{DefaultLocale: "en", Locales: []string{"en", "es"}},
			Hash:     "accents-dropped-across",
			Articles: append(append([]*site.Article{}, en...), es...),
		}
		if withWord {
			lib.Articles = append(lib.Articles, envio)
			lib.Hash += "-envio"
		}
		ix := buildLib(t, lib, "")
		cases := []struct{ q, dym, first string }{
			{"direccion", "", ""},
			{"Direccion", "", ""},
			{"direcion", "", ""},
			{"cambiar mi direccion", "", ""},
			{"refnud", "refund", "refund"}, // an English word's slip
		}
		if withWord {
			cases = []struct{ q, dym, first string }{
				{"direccion", "", "envio"},
				{"cambiar mi direccion", "", "envio"},
				{"direcion", "dirección", "envio"},
				{"refnud", "refund", "refund"},
			}
		}
		for _, tt := range cases {
			r := search(t, ix, tt.q, "es")
			got := ids(r)
			if r.DidYouMean != tt.dym || (tt.first == "" && len(got) != 0) || (tt.first != "" && (len(got) == 0 || got[0] != tt.first)) {
				t.Errorf("with dirección %v: es %q = %v, did you mean %q; want %q first, did you mean %q", withWord, tt.q, got, r.DidYouMean, tt.first, tt.dym)
			}
			if r.DidYouMean == "" {
				for _, h := range r.Hits {
					if strings.Contains(string(h.Snippet), `class="correction"`) {
						t.Errorf("es %q: %s found through a correction, unsaid: %s", tt.q, h.Title, h.Snippet)
					}
				}
			}
		}
	}
}
