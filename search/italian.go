package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// filterItalianShort names italianShort in the registry.
const filterItalianShort = "guichet_it_short"

// italianShort gives Italian words of five letters one term for their
// singular and plural, as bleve's Italian light stemmer does from six
// letters on, without joining the masculine and the feminine the
// stemmer's rule would: "pacco" and "pacchi" are "pacc", "posto" and
// "posti" "post", "carta" and "carte" "carta", "posta" and "poste"
// "posta" — "posto" (a place) is no "posta" (mail), "porto" no "porta",
// "tasso" no "tassa" (a first version took the ending off all four
// vowels, so a parking article came first for "posta"). A feminine plural
// of six letters in -che or -ghe is its singular ("banche", "barche":
// "banca", "barca"), which the stemmer would make "banc". Words in -e
// whose plural is in -i ("parte", "parti") stay two terms. It runs before
// the stemmer, which leaves words of five letters or fewer whole.
type italianShort struct{}

func (italianShort) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		w := t.Term
		if !lowerASCII(w) {
			continue
		}
		switch {
		case len(w) == 6 && (w[3] == 'c' || w[3] == 'g') && w[4] == 'h' && w[5] == 'e':
			t.Term = append(w[:4:4], 'a') // banche → banca
		case len(w) != 5:
		case w[4] == 'o' || w[4] == 'i':
			n := 4
			if w[3] == 'i' || w[4] == 'i' && w[3] == 'h' {
				n = 3 // "occhi" is "occ", as "occhio" is for the stemmer
			}
			t.Term = w[:n]
		case w[4] == 'e' && w[3] == 'h' && (w[2] == 'c' || w[2] == 'g'):
			t.Term = append(w[:3:3], 'a') // righe → riga
		case w[4] == 'e':
			t.Term = append(w[:4:4], 'a') // poste → posta
		}
	}
	return input
}

// lowerASCII reports whether b holds only the letters a to z.
func lowerASCII(b []byte) bool {
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
