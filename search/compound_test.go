package search

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

func TestCompoundTokenizer(t *testing.T) {
	tok := compoundTokenizer{words: unicode.NewUnicodeTokenizer()}
	for _, tt := range []struct {
		in     string
		words  []string // every token, in order
		joined []string // the joined ones
	}{
		{"it needs wi-fi now", []string{"it", "needs", "wi", "wifi", "fi", "now"}, []string{"wifi"}},
		{"no-show", []string{"no", "noshow", "show"}, []string{"noshow"}},
		{"rl-2026-000123", []string{"rl", "rl2026000123", "2026", "000123"}, []string{"rl2026000123"}},
		{"state-of-the-art", []string{"state", "stateoftheart", "of", "the", "art"}, []string{"stateoftheart"}},
		// A chain longer than maxCompoundParts is an identifier, not a word.
		{"123e4567-e89b-12d3-a456-426614174000", []string{"123e4567", "e89b", "12d3", "a456", "426614174000"}, nil},
		// Spaces or other dashes around a hyphen: no compound.
		{"wi - fi", []string{"wi", "fi"}, nil},
		{"2019–2021", []string{"2019", "2021"}, nil},
		{"wifi", []string{"wifi"}, nil},
	} {
		var words, joined []string
		var positions []int
		for _, t := range tok.Tokenize([]byte(tt.in)) {
			words = append(words, string(t.Term))
			if t.Type == analysis.Shingle {
				joined = append(joined, string(t.Term))
			}
			positions = append(positions, t.Position)
		}
		if !slices.Equal(words, tt.words) || !slices.Equal(joined, tt.joined) {
			t.Errorf("%q → %v (joined %v), want %v (joined %v)", tt.in, words, joined, tt.words, tt.joined)
		}
		if !slices.IsSorted(positions) {
			t.Errorf("%q: positions %v out of order", tt.in, positions)
		}
	}
}
