package search

import (
	"bytes"
	"unicode/utf8"

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
	toks := splitPunctuated(joinDotted(input, t.words.Tokenize(input)))
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

// joinDotted joins the words that one full stop separates where the
// Unicode word-break rules cut them, between a digit and a letter:
// "relais2.exe", "x64.dll", "roaming.16" are words with full stops as
// "node.js" and "v2.3" are, made a compound by splitPunctuated. Two
// numbers are never joined ("1.5" is one word already).
func joinDotted(input []byte, toks analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream // nil until two words are joined
	for i, tok := range toks {
		var prev *analysis.Token
		switch {
		case out != nil:
			prev = out[len(out)-1]
		case i > 0:
			prev = toks[i-1]
		}
		if prev == nil || tok.Start != prev.End+1 || input[prev.End] != '.' ||
			!wordType(prev.Type) || !wordType(tok.Type) || prev.Type == analysis.Numeric && tok.Type == analysis.Numeric {
			if out != nil {
				tok.Position = prev.Position + 1 // positions follow one another
				out = append(out, tok)
			}
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, 0, len(toks))
			out = append(out, toks[:i]...)
		}
		out[len(out)-1] = &analysis.Token{
			Term: append([]byte(nil), input[prev.Start:tok.End]...), Start: prev.Start, End: tok.End,
			Position: prev.Position, Type: analysis.AlphaNumeric,
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// splitPunctuated cuts the words that Unicode word-break rules keep whole
// across a colon or a full stop between letters.
//
// A colon separates words: "title:wifi", "Error:connection",
// "passe:oublié" are two words each, as "title wifi" is (UAX #29 keeps
// them whole for Swedish and Finnish abbreviations such as "EU:n"; a help
// center's readers paste error messages and labels). Times and ratios
// ("10:30", "16:9") are cut there already.
//
// A word with letters and full stops ("v2.3", "node.js", "example.com")
// is treated as a hyphenated compound: its parts are words ("v2", "3";
// "node", "js") and the whole word is added as written, typed
// analysis.Shingle, after the first part and at its position; for a
// version ("v2.3", "ios17.1") the number after the letters ("2.3",
// "17.1") is added too, so that "2.3", "v2", "v2.3" and "version 2.3"
// all find "v2.3". Numbers ("1.5", "192.168.1.1", "2.3") stay whole: their
// parts would be noise matching every "1" or "5".
func splitPunctuated(toks analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream // nil until a word is cut
	shift := 0                   // positions added so far
	for i, tok := range toks {
		if tok.Type != analysis.AlphaNumeric || bytes.IndexFunc(tok.Term, cutRune) < 0 {
			if out != nil {
				tok.Position += shift
				out = append(out, tok)
			}
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, 0, len(toks)+8)
			out = append(out, toks[:i]...)
		}
		pos := tok.Position + shift
		start := 0
		for start <= len(tok.Term) {
			end := bytes.IndexFunc(tok.Term[start:], isColon)
			if end < 0 {
				end = len(tok.Term)
			} else {
				end += start
			}
			if end > start {
				out = appendDotted(out, tok, start, end, &pos)
			}
			if end == len(tok.Term) {
				break
			}
			_, n := utf8.DecodeRune(tok.Term[end:])
			start = end + n
		}
		shift = pos - tok.Position - 1
	}
	if out == nil {
		return toks
	}
	return out
}

// appendDotted appends the word tok.Term[start:end] (no colon in it) at
// position *pos: its parts and, when it has full stops, the whole word
// and a version's number (see splitPunctuated). *pos is left after the
// last part.
func appendDotted(out analysis.TokenStream, tok *analysis.Token, start, end int, pos *int) analysis.TokenStream {
	word := tok.Term[start:end]
	sub := func(from, to int, typ analysis.TokenType) *analysis.Token {
		return &analysis.Token{
			Term: append([]byte(nil), word[from:to]...), Start: tok.Start + start + from,
			End: tok.Start + start + to, Position: *pos, Type: typ,
		}
	}
	for i, from := 0, 0; i <= len(word); i++ {
		if i < len(word) && word[i] != '.' {
			continue
		}
		if i > from {
			out = append(out, sub(from, i, partType(word[from:i])))
			if from == 0 && i < len(word) {
				out = append(out, sub(0, len(word), analysis.Shingle))
				if v := versionNumber(word); v > 0 {
					out = append(out, sub(v, len(word), analysis.Shingle))
				}
			}
			*pos++
		}
		from = i + 1
	}
	return out
}

// versionNumber returns where the number of a version ("v2.3", "ios17.1")
// starts: after the letters that begin the word, when the rest is digits
// and full stops; 0 otherwise.
func versionNumber(word []byte) int {
	i := 0
	for i < len(word) && word[i] >= 'a' && word[i] <= 'z' {
		i++
	}
	if i == 0 || i == len(word) || word[i] < '0' || word[i] > '9' {
		return 0
	}
	for _, c := range word[i:] {
		if c != '.' && (c < '0' || c > '9') {
			return 0
		}
	}
	return i
}

// partType is the token type of a part of a word cut by splitPunctuated.
func partType(part []byte) analysis.TokenType {
	for _, c := range part {
		if c < '0' || c > '9' {
			return analysis.AlphaNumeric
		}
	}
	return analysis.Numeric
}

// cutRune reports whether splitPunctuated cuts a word at r.
func cutRune(r rune) bool { return r == '.' || isColon(r) }

// isColon reports whether r is a colon that UAX #29 keeps inside a word
// (ASCII, full-width, presentation forms).
func isColon(r rune) bool {
	return r == ':' || r == '\uFF1A' || r == '\uFE13' || r == '\uFE55'
}
