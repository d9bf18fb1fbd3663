package textnorm

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The words courtesy can begin and end with, read from the patterns
// themselves (their languages are finite but for a name after "Dear"):
// a text whose first word begins no greeting or plea, and whose last word
// ends no sign-off or plea, holds none, and the patterns (whose search
// costs microseconds a text, the gap report running them on every
// phrasing of a million searches) are not run on it.
var (
	courtesyFirst = EdgeWords(Greeting+"|"+Plea, true)
	courtesyLast  = EdgeWords(SignOff+"|"+Plea, false)
)

// EdgeWords returns the first (first set) or last words, lower-cased (see
// EdgeWord), of the strings of pattern's language, read case-insensitively:
// a text none of whose words is among them cannot match a pattern that
// must begin (or end) with one. A part that repeats (\w+, \s*) stands for
// one letter "x", so the pattern's edge words must be literal. Patterns
// that cost microseconds a text are so skipped for most texts (courtesy,
// ticket topics' noise).
func EdgeWords(pattern string, first bool) map[string]bool {
	re, err := syntax.Parse(pattern, syntax.Perl|syntax.FoldCase)
	if err != nil {
		panic(err)
	}
	out := map[string]bool{}
	for _, s := range language(re.Simplify()) {
		if w := EdgeWord(s, first); w != "" {
			out[w] = true
		}
	}
	return out
}

// language returns the strings re matches, a repetition as one "x".
func language(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 64 {
				out = append(out, "x") // a wide class (\w): some letter
				continue
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, strings.ToLower(string(r)))
			}
		}
		return out
	case syntax.OpCapture:
		return language(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			out = append(out, language(sub)...)
		}
		return out
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			var next []string
			for _, b := range language(sub) {
				for _, a := range out {
					next = append(next, a+b)
				}
			}
			slices.Sort(next)
			out = slices.Compact(next)
		}
		return out
	case syntax.OpQuest:
		return append([]string{""}, language(re.Sub[0])...)
	case syntax.OpStar, syntax.OpPlus, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []string{"", "x"}
	}
	return []string{""} // anchors and word boundaries match no text
}

// HasWord reports whether a word of s (see EdgeWord), lower-cased, is in set.
func HasWord(s string, set map[string]bool) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !wordRune(r) }) {
		if set[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// wordRune reports whether r belongs to a word: a letter, a digit or a
// mark (the tanween of "شكراً").
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// EdgeWord returns the first (first set) or last word of s, lower-cased,
// "" when s has none; a word is a run of letters, digits and marks.
func EdgeWord(s string, first bool) string {
	if first {
		start := strings.IndexFunc(s, wordRune)
		if start < 0 {
			return ""
		}
		end := strings.IndexFunc(s[start:], func(r rune) bool { return !wordRune(r) })
		if end < 0 {
			end = len(s) - start
		}
		return strings.ToLower(s[start : start+end])
	}
	end := strings.LastIndexFunc(s, wordRune)
	if end < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(s[end:])
	start := strings.LastIndexFunc(s[:end], func(r rune) bool { return !wordRune(r) })
	_, before := utf8.DecodeRuneInString(s[max(start, 0):])
	if start < 0 {
		before = -start // the word begins the text
	}
	return strings.ToLower(s[start+before : end+size])
}

// courtesyWords are the words that are a greeting, a sign-off or a plea
// alone ("hello", "hola", "merci", "gracias", "groeten", "please"): those
// that can both open and close one of the courtesy patterns (Greeting,
// SignOff, Plea), read from the patterns themselves, folded.
var courtesyWords = func() map[string]bool {
	out := map[string]bool{}
	for _, p := range []string{Greeting, SignOff, Plea} {
		last := EdgeWords(p, false)
		for w := range EdgeWords(p, true) {
			if last[w] {
				out[Fold(w)] = true
			}
		}
	}
	return out
}()

// CourtesyWord reports whether w (as typed or folded) is a greeting, a
// sign-off or a plea alone, in any of the courtesy patterns' languages:
// "hello", "Hola", "merci", "bedankt". Customers write them in English
// whatever language they ask in, so they tell neither the language nor
// the topic.
func CourtesyWord(w string) bool { return courtesyWords[Fold(w)] }
