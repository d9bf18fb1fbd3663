package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// filterSpanishShort names spanishShort in the registry.
const filterSpanishShort = "guichet_es_short"

// spanishShort gives short Spanish words one term for their singular and
// plural, as bleve's Spanish light stemmer does from five letters on (it
// leaves shorter words whole): a word of four letters loses its final
// vowel as the stemmer's longer words do, so "pago" meets the "pagos" the
// stemmer makes "pag", "daño" "daños", "foto" "fotos", "base" "bases";
// and a plural of four letters in a vowel and -s loses its -s, so "días"
// meets "día", "pies" "pie". Accents are folded before it (ASCII only).
// It runs after the stop words, before the stemmer.
type spanishShort struct{}

func (spanishShort) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		w := t.Term
		if len(w) != 4 || !lowerASCII(w) {
			continue
		}
		switch w[3] {
		case 'a', 'e', 'o':
			t.Term = w[:3]
		case 's':
			if v := w[2]; v == 'a' || v == 'e' || v == 'i' || v == 'o' || v == 'u' {
				t.Term = w[:3]
			}
		}
	}
	return input
}
