package search

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
)

// filterPortuguesePlural names portuguesePlural in the registry.
const filterPortuguesePlural = "guichet_pt_plural"

// portuguesePlural gives a Portuguese noun in -ão and its plural in -ões
// one term: "devolução" and "devoluções", "notificação" and
// "notificações", "botão" and "botões". Bleve's light stemmer reads "ões"
// as "ão", but accents are folded before it runs, so it saw "devolucoes"
// and "devolucao" and made two terms: a plural typed was matched as a typo
// of the singular ("devoluções" was only related to the article on "a
// devolução"). It runs before the stemmer, on folded words of five letters
// or more.
type portuguesePlural struct{}

func (portuguesePlural) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if w := t.Term; len(w) >= 5 && bytes.HasSuffix(w, []byte("oes")) && lowerASCII(w) {
			t.Term = append(w[:len(w)-3:len(w)-3], 'a', 'o')
		}
	}
	return input
}
