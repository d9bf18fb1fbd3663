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
		// A colon between letters separates words; times are cut as before.
		{"title:wifi", []string{"title", "wifi"}, nil},
		{"Error:connection refused", []string{"Error", "connection", "refused"}, nil},
		{"passe:oublie", []string{"passe", "oublie"}, nil},
		{"at 10:30, 16:9", []string{"at", "10", "30", "16", "9"}, nil},
		{"a：b", []string{"a", "b"}, nil},
		// Full stops in a word with letters: parts and the whole word, and
		// a version's number; numbers stay whole.
		{"v2.3 app", []string{"v2", "v2.3", "2.3", "3", "app"}, []string{"v2.3", "2.3"}},
		{"node.js", []string{"node", "node.js", "js"}, []string{"node.js"}},
		{"ios17.1.2", []string{"ios17", "ios17.1.2", "17.1.2", "1", "2"}, []string{"ios17.1.2", "17.1.2"}},
		{"1.5 GB on 192.168.1.1", []string{"1.5", "GB", "on", "192.168.1.1"}, nil},
		// A full stop between a digit and a letter, which Unicode word
		// breaks cut there: a word with full stops all the same.
		{"Relais2.exe crashes", []string{"Relais2", "Relais2.exe", "exe", "crashes"}, []string{"Relais2.exe"}},
		{"x64.dll and roaming.16", []string{"x64", "x64.dll", "dll", "and", "roaming", "roaming.16", "16"}, []string{"x64.dll", "roaming.16"}},
		{"a1.b2.c3", []string{"a1", "a1.b2.c3", "b2", "c3"}, []string{"a1.b2.c3"}},
		{"step 2. Open", []string{"step", "2", "Open"}, nil},
		{"see:v2.3-beta", []string{"see", "v2", "v2.3", "2.3", "3", "3beta", "beta"}, []string{"v2.3", "2.3", "3beta"}},
	} {
		var words, joined []string
		var positions []int
		next := 1 // the position of the next word: one each, from 1
		for _, tk := range tok.Tokenize([]byte(tt.in)) {
			words = append(words, string(tk.Term))
			if tk.Type == analysis.Shingle {
				joined = append(joined, string(tk.Term))
			} else if tk.Position != next {
				t.Errorf("%q: %q at position %d, want %d", tt.in, tk.Term, tk.Position, next)
			} else {
				next++
			}
			positions = append(positions, tk.Position)
		}
		if !slices.Equal(words, tt.words) || !slices.Equal(joined, tt.joined) {
			t.Errorf("%q → %v (joined %v), want %v (joined %v)", tt.in, words, joined, tt.words, tt.joined)
		}
		if !slices.IsSorted(positions) {
			t.Errorf("%q: positions %v out of order", tt.in, positions)
		}
	}
}
