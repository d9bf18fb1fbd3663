package search

import (
	"bytes"

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

// filterDutchPlural names dutchPlural in the registry.
const filterDutchPlural = "guichet_nl_plural"

// dutchPlural gives a Dutch noun in a vowel and its plural in 's one
// term: "foto's" (as the stemmer reads it, "foto'"), "foto’s" and
// "fotos", the plural typed without its apostrophe, are "foto"; likewise
// "auto's", "menu's", "video's". Only words ending in -os lose their s
// without an apostrophe, after a consonant, from five letters ("fotos",
// "autos"): other endings are too often a word's own ("status", "reis").
// It runs before the stemmer ("fotos" was "fotos", "foto's" "foto'").
type dutchPlural struct{}

func (dutchPlural) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		w := t.Term
		switch {
		case bytes.HasSuffix(w, []byte("'s")):
			t.Term = w[:len(w)-2]
		case bytes.HasSuffix(w, []byte("’s")):
			t.Term = w[:len(w)-len("’s")]
		case len(w) >= 5 && bytes.HasSuffix(w, []byte("os")) && dutchConsonant(w[len(w)-3]) && lowerASCII(w):
			t.Term = w[:len(w)-1]
		}
	}
	return input
}
