package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// filterItalianShort names italianShort in the registry.
const filterItalianShort = "guichet_it_short"

// italianShort takes the ending of number and gender off Italian words of
// five letters, by the rule bleve's Italian light stemmer applies from six
// letters on (a final vowel, "i" or "h" before it with it): "pacco" and
// "pacchi" are both "pacc", "carta" and "carte" "cart", "pasto" and
// "pasti" "past", where the stemmer left the shorter form whole and the
// plural met its singular only as a typo ("pacchi" was shown as "did you
// mean pacco"). It runs before the stemmer, which leaves the four letters
// it makes alone; shorter words are left as they are.
type italianShort struct{}

func (italianShort) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if len(t.Term) != 5 || !lowerASCII(t.Term) {
			continue
		}
		n := 5
		switch t.Term[4] {
		case 'e', 'i':
			if t.Term[3] == 'i' || t.Term[3] == 'h' {
				n = 3
			} else {
				n = 4
			}
		case 'a', 'o':
			if t.Term[3] == 'i' {
				n = 3
			} else {
				n = 4
			}
		}
		t.Term = t.Term[:n]
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
