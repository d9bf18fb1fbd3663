package search

import (
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
)

// postTerms reads the terms of the full text analysis from the plain one:
// a locale's text analyzer is its plain analyzer followed by token filters
// that map one word at a time (stop words, normalisation, stemming: see
// newMapping), so a query tokenised once by the plain analyzer gets its
// stems word by word, each word's kept once it is known. The gap report
// analyses hundreds of thousands of distinct phrasings made of far fewer
// distinct words: a second tokenisation per phrasing and a stemming per
// occurrence were a third of its analysis.
//
// It is safe for concurrent use; it keeps at most maxPostTerms words and
// runs the filters for the others.
type postTerms struct {
	filters []analysis.TokenFilter // after the plain analysis's
	text    []analysis.TokenFilter // all the text analysis's
	known   sync.Map               // plain term (string) → text term (string; "" for a stop word)
	n       atomic.Int64
}

// maxPostTerms bounds the words postTerms keeps (about 100 bytes each).
const maxPostTerms = 200_000

// newPostTerms returns the filters that make text of plain, or nil when
// text is not plain followed by filters (then both are run in full).
func newPostTerms(plain, text analysis.Analyzer) *postTerms {
	p, ok1 := plain.(*analysis.DefaultAnalyzer)
	t, ok2 := text.(*analysis.DefaultAnalyzer)
	if !ok1 || !ok2 || len(t.TokenFilters) < len(p.TokenFilters) ||
		len(t.CharFilters) != len(p.CharFilters) || !same(t.Tokenizer, p.Tokenizer) {
		return nil
	}
	for i := range p.CharFilters {
		if !same(t.CharFilters[i], p.CharFilters[i]) {
			return nil
		}
	}
	for i := range p.TokenFilters {
		if !same(t.TokenFilters[i], p.TokenFilters[i]) {
			return nil
		}
	}
	return &postTerms{filters: t.TokenFilters[len(p.TokenFilters):], text: t.TokenFilters}
}

// term returns what the text analysis makes of the plain token tok: its
// term, or "" for a word the text analysis leaves out (a stop word).
func (pt *postTerms) term(tok *analysis.Token) string {
	if v, ok := pt.known.Load(string(tok.Term)); ok {
		return v.(string)
	}
	// The filters may change a token in place: they get a copy.
	cp := *tok
	cp.Term = append([]byte(nil), tok.Term...)
	stream := analysis.TokenStream{&cp}
	for _, f := range pt.filters {
		stream = f.Filter(stream)
	}
	out := ""
	if len(stream) > 0 {
		out = string(stream[len(stream)-1].Term)
	}
	if pt.n.Load() < maxPostTerms {
		if _, had := pt.known.LoadOrStore(string(tok.Term), out); !had {
			pt.n.Add(1)
		}
	}
	return out
}

// joined returns the terms the text analysis makes of s when s is lower
// case ASCII letters only (two words of a query joined, the way most
// compounds are tried: see compounds), and false for any other s, whose
// analysis must be run in full. Such a word is folded already and is one
// token to the tokenizer, so only the token filters run: the tokenizer was
// the larger part of trying every two words of every phrasing joined.
func (pt *postTerms) joined(s string) ([]string, bool) {
	if s == "" {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return nil, false
		}
	}
	stream := analysis.TokenStream{{Term: []byte(s), Start: 0, End: len(s), Position: 1, Type: analysis.AlphaNumeric}}
	for _, f := range pt.text {
		stream = f.Filter(stream)
	}
	out := make([]string, len(stream))
	for i, t := range stream {
		out[i] = string(t.Term)
	}
	return out, true
}

// same reports whether a and b are the same analysis component (false
// for values Go cannot compare).
func same(a, b any) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	return a == b
}
