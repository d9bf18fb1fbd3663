package search

import (
	"context"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestCorrectionIsAlwaysSaid: results found through a correction are
// announced as such ("Showing results for …", DidYouMean, the words as
// typed one click away), whichever way the correction was made: "refnud
// tickets", whose "tickets" has no correction, listed the refund articles
// through "refund" with nothing said; on a Spanish site, "cambiar
// dirección" and "dirección", which no Spanish article writes, listed
// English articles on "direct" debit through "direction", unsaid
// (rv23d). A word of the reader's language is not read as a typo of the
// default language's words, except as a correction the page shows.
func TestCorrectionIsAlwaysSaid(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "es"}},
		Hash:   "said",
		Articles: []*site.Article{
			art("refund", "en", "pay", "How do I refund a client?", "Money back.", nil, sec("", "", "Choose Full refund or enter an amount.")),
			art("directions", "en", "shop", "Directions to the shop", "How to find us.", nil, sec("", "", "Take the tram and follow the directions.")),
			art("debit", "en", "pay", "Set up direct debit", "Pay by direct debit.", nil, sec("", "", "Direct debit takes three days.")),
			art("tienda", "es", "shop", "Horario de la tienda", "Cuándo abrimos.", nil, sec("", "", "La tienda abre a las nueve.")),
			art("pago", "es", "pay", "Pagar con tarjeta", "Pagos.", nil, sec("", "", "Paga con tarjeta cuando quieras.")),
		},
	}
	ix, err := Build(context.Background(), site.NewView(lib, lib.Articles[0].Updated, false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct{ locale, q, dym string }{
		{"en", "refnud tickets", "refund tickets"},
		{"en", "refnud", "refund"},
		{"es", "cambiar dirección", ""},
		{"es", "dirección", "*"},
		{"es", "tienda dirección", ""},
		{"en", "refund", ""},
	} {
		r, err := ix.Search(context.Background(), site.SearchRequest{Query: tt.q, Locale: tt.locale})
		if err != nil {
			t.Fatal(err)
		}
		switch tt.dym {
		case "*":
		case "":
			if r.DidYouMean != "" {
				t.Errorf("%s %q: did you mean %q, want none", tt.locale, tt.q, r.DidYouMean)
			}
		default:
			if r.DidYouMean != tt.dym {
				t.Errorf("%s %q: did you mean %q, want %q", tt.locale, tt.q, r.DidYouMean, tt.dym)
			}
		}
		if r.DidYouMean != "" {
			continue
		}
		for _, h := range r.Hits {
			if strings.Contains(string(h.Snippet), `class="correction"`) {
				t.Errorf("%s %q: %s found through a correction, and nothing says so: %s", tt.locale, tt.q, h.Title, h.Snippet)
			}
		}
	}
}
