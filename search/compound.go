package search

import (
	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/guichet/guichet/site/textnorm"
)

// foldFilter is the char filter of every analyzer: textnorm.Fold, the one
// text normalisation, so that the index, queries, highlighting and the gap
// report fold text the same way.
type foldFilter struct{}

// Filter implements analysis.CharFilter.
func (foldFilter) Filter(input []byte) []byte {
	return []byte(textnorm.Fold(string(input)))
}

// maxCompoundParts is the most parts a hyphenated compound is joined from:
// longer chains of hyphens are identifiers (UUIDs), not words.
const maxCompoundParts = 4

// compoundTokenizer cuts text into Unicode words (UAX #29, as bleve's unicode
// tokenizer) and adds, for each hyphenated compound ("wi-fi", "no-show",
// "e-mail", "RL-2026-000123"), the joined word ("wifi", "noshow", "email",
// "rl2026000123") after its first part and at its position, typed
// analysis.Shingle.
// The parts stay words of their own, so "wifi", "wi-fi" and "wi fi" all
// find an article that writes "Wi-Fi", and an article that writes "email"
// is found by "e-mail" through the joined word. The input has been folded,
// so the only hyphen left is '-'.
type compoundTokenizer struct {
	words analysis.Tokenizer
}

// Tokenize implements analysis.Tokenizer.
func (t compoundTokenizer) Tokenize(input []byte) analysis.TokenStream {
	toks := t.words.Tokenize(input)
	var out analysis.TokenStream // nil until the first compound
	for i := 0; i < len(toks); {
		j := i // the chain of hyphenated parts is toks[i..j]
		for j+1 < len(toks) && joinable(input, toks[j], toks[j+1]) {
			j++
		}
		if n := j - i + 1; n < 2 || n > maxCompoundParts {
			if out != nil {
				out = append(out, toks[i:j+1]...)
			}
			i = j + 1
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, 0, len(toks)+8)
			out = append(out, toks[:i]...)
		}
		var term []byte
		for k := i; k <= j; k++ {
			term = append(term, toks[k].Term...)
		}
		// After the first part, at its position: positions stay in order.
		out = append(out, toks[i], &analysis.Token{
			Term: term, Start: toks[i].Start, End: toks[j].End,
			Position: toks[i].Position, Type: analysis.Shingle,
		})
		out = append(out, toks[i+1:j+1]...)
		i = j + 1
	}
	if out == nil {
		return toks
	}
	return out
}

// joinable reports whether two consecutive words are parts of one compound:
// letters or digits separated by exactly one hyphen.
func joinable(input []byte, a, b *analysis.Token) bool {
	return b.Start == a.End+1 && input[a.End] == '-' &&
		wordType(a.Type) && wordType(b.Type)
}

func wordType(t analysis.TokenType) bool {
	return t == analysis.AlphaNumeric || t == analysis.Numeric
}
