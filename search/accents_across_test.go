package search

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestAccentedWordIsNotCorrectedAcross: on a site whose default locale is
// English, Spanish "dirección", which no Spanish article writes, was
// corrected into English "direct" ("Showing results for direct", the
// English direct debit article first): the word is written with a letter
// no English article has, a word of the reader's language rather than a
// typo of an English word. An English word mistyped on the Spanish page
// is still corrected toward the English articles, and the Spanish
// articles' own words toward them, accents and all.
func TestAccentedWordIsNotCorrectedAcross(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "es"}},
		Hash:   "accents-across",
		Articles: []*site.Article{
			art("directions", "en", "shop", "Directions to the shop", "How to find us.", nil, sec("", "", "Take the tram and follow the directions.")),
			art("debit", "en", "pay", "Set up direct debit", "Pay by direct debit.", nil, sec("", "", "Direct debit takes three days.")),
			art("refund", "en", "pay", "Refund a client", "Money back.", nil, sec("", "", "Choose Full refund.")),
			art("tienda", "es", "shop", "Horario de la tienda", "Cuándo abrimos.", nil, sec("", "", "La tienda abre a las nueve.")),
			art("pago", "es", "pay", "Pagar con tarjeta", "Pagos.", nil, sec("", "", "Paga con tarjeta cuando quieras.")),
		},
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, dym, first string }{
		{"dirección", "", ""},
		{"Dirección", "", ""},
		{"cambiar mi dirección", "", ""},
		{"refnud", "refund", "refund"},                 // an English word's slip
		{"cuándo abirmos", "cuándo abrimos", "tienda"}, // the page's own words
	} {
		r := search(t, ix, tt.q, "es")
		got := ids(r)
		if r.DidYouMean != tt.dym || (tt.first == "" && len(got) != 0) || (tt.first != "" && (len(got) == 0 || got[0] != tt.first)) {
			t.Errorf("es %q = %v, did you mean %q; want %q first, did you mean %q", tt.q, got, r.DidYouMean, tt.first, tt.dym)
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
