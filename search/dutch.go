package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// filterDutchUndouble names dutchUndouble in the registry.
const filterDutchUndouble = "guichet_nl_undouble"

// dutchUndouble ends the Dutch stems that end in a doubled consonant with
// one: the Snowball Dutch stemmer undoubles only kk, dd and tt, so a plural
// whose consonant doubles in the spelling ("tassen", "bussen", "bellen",
// "koeltassen") kept it ("tass") and never met its singular ("tas", "bus",
// "bel", "koeltas"). A Dutch word never ends in a doubled consonant in its
// singular, loanwords aside ("stress", "jazz"), whose forms meet anyway.
type dutchUndouble struct{}

func (dutchUndouble) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		n := len(t.Term)
		if n >= 3 && t.Term[n-1] == t.Term[n-2] && dutchConsonant(t.Term[n-1]) {
			t.Term = t.Term[:n-1]
		}
	}
	return input
}

// dutchConsonant reports whether c is a lower-case ASCII consonant.
func dutchConsonant(c byte) bool {
	return c >= 'b' && c <= 'z' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'y'
}
