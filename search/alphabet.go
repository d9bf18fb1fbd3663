package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// maxAlphabet is the most letters of one script that typo variants try:
// alphabets have fewer (Latin 26 once folded, Cyrillic 33 for Russian,
// Greek 24, Arabic about 36, Devanagari about 70 with its vowel signs);
// scripts written with thousands of signs (Han, Hangul syllables) get no
// letter substituted or inserted, only the deletions and swaps that need
// no alphabet.
const maxAlphabet = 100

// asciiLetters are the letters every Latin word's variants try, whatever
// the vocabulary holds.
const asciiLetters = "abcdefghijklmnopqrstuvwxyz"

// alphabets are the letters of a locale's vocabulary by script: what typo
// variants substitute and insert.
type alphabets struct {
	latin    []rune                         // asciiLetters and the other Latin letters of the vocabulary
	byScript map[*unicode.RangeTable][]rune // the letters of each other script, sorted
	script   map[rune]*unicode.RangeTable   // the script of each letter of the vocabulary
}

// alphabet returns the letters that typo variants of plain substitute and
// insert: the letters (and combining marks) the locale's vocabulary and
// titles write in the scripts of plain's letters, so that a typo is forgiven in every
// script the content is written in ("пороль" → "пароль", "κωδκος" →
// "κωδικος"), and a Latin word tries only Latin letters even where the
// content mixes scripts. Computed from the vocabulary on first use.
func (li *localeIndex) alphabet(plain string) []rune {
	li.alphabetOnce.Do(func() { li.letters = newAlphabets(li.vocab, li.docs) })
	a := li.letters
	if isASCII(plain) {
		return a.latin
	}
	var scripts []*unicode.RangeTable
	for _, r := range plain {
		if r < utf8.RuneSelf && !('a' <= r && r <= 'z') {
			continue // digits, apostrophes: no script
		}
		s, ok := a.script[r]
		if !ok {
			s = scriptOf(r) // a letter no article has
		}
		if s != nil && !slices.Contains(scripts, s) {
			scripts = append(scripts, s)
		}
	}
	if len(scripts) == 1 {
		return a.of(scripts[0])
	}
	var out []rune
	for _, s := range scripts {
		out = append(out, a.of(s)...)
	}
	return out
}

// of returns the letters of script s.
func (a *alphabets) of(s *unicode.RangeTable) []rune {
	if s == unicode.Latin {
		return a.latin
	}
	return a.byScript[s]
}

// newAlphabets collects the letters of vocab's terms and of the folded
// titles of docs by script. The titles hold the letters that stemmers
// take away with the endings of words (Russian "ь" in "пароль" →
// "парол"), which the words typed have.
func newAlphabets(vocab map[string]int, docs []*site.Article) *alphabets {
	a := &alphabets{byScript: map[*unicode.RangeTable][]rune{}, script: map[rune]*unicode.RangeTable{}}
	seen := map[rune]bool{}
	see := func(s string) {
		for _, r := range s {
			if r >= utf8.RuneSelf {
				seen[r] = true
			}
		}
	}
	for term := range vocab {
		see(term)
	}
	for _, d := range docs {
		if !isASCII(d.Title) {
			see(textnorm.Fold(d.Title))
		}
	}
	for _, r := range asciiLetters {
		a.script[r] = unicode.Latin
		a.latin = append(a.latin, r)
	}
	for r := range seen {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			continue
		}
		s := scriptOf(r)
		if s == nil {
			continue
		}
		a.script[r] = s
		if s == unicode.Latin {
			a.latin = append(a.latin, r)
		} else {
			a.byScript[s] = append(a.byScript[s], r)
		}
	}
	slices.Sort(a.latin[len(asciiLetters):])
	for s, letters := range a.byScript {
		if len(letters) > maxAlphabet {
			a.byScript[s] = nil // thousands of signs: no alphabet
			continue
		}
		slices.Sort(letters)
	}
	if len(a.latin) > maxAlphabet {
		a.latin = a.latin[:len(asciiLetters)]
	}
	return a
}

// scriptOf returns the Unicode script of r, nil for none or for the
// scripts shared by several (Common: digits, punctuation; Inherited:
// combining marks).
func scriptOf(r rune) *unicode.RangeTable {
	for name, t := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(t, r) {
			return t
		}
	}
	return nil
}

// isASCII reports whether s holds only ASCII characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// writesLetters reports whether the locale's articles write every letter
// of word outside a–z (lower-cased, accents kept) somewhere in a title,
// description, keyword or text: "dirección" is written with a letter no
// English article has, a hint that it is a word of another language,
// not a typo of an English one.
func (li *localeIndex) writesLetters(word string) bool {
	if isASCII(word) {
		return true
	}
	li.writtenOnce.Do(func() {
		li.written = map[rune]bool{}
		see := func(s string) {
			if isASCII(s) {
				return
			}
			for _, r := range s {
				if r >= utf8.RuneSelf && unicode.IsLetter(r) {
					li.written[unicode.ToLower(r)] = true
				}
			}
		}
		for _, d := range li.docs {
			see(d.Title)
			see(d.Description)
			for _, k := range d.Keywords {
				see(k)
			}
			see(d.Text)
		}
	})
	for _, r := range textnorm.Normalize(word) {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) && !li.written[unicode.ToLower(r)] {
			return false
		}
	}
	return true
}

// endingLen is how many final letters make a word's ending (see
// accentlessWord): "ción" of "dirección".
const endingLen = 4

// wordEndings are the folded endings of a locale's words: those written
// with an accent or another letter folding changes ("ción" as "cion"),
// and those written as they fold.
type wordEndings struct{ accented, plain map[string]bool }

// accentlessWord reports whether word, typed on the page of the locale
// from, is a word of from's language typed without its accent rather
// than a word of li's (the default locale's): from's articles write words
// ending as it does folded with an accent there, and none of li's ends
// so. "direccion" ends as "suscripción" does on a Spanish page, and no
// English word ends in "cion": it is "dirección" unaccented, no slip of
// "direction", as "dirección" itself is not (writesLetters).
func (li *localeIndex) accentlessWord(from *localeIndex, word string) bool {
	f := []rune(textnorm.Fold(word))
	if from == nil || from == li || len(f) < endingLen+2 {
		return false
	}
	e := string(f[len(f)-endingLen:])
	return from.wordEndings().accented[e] && !li.wordEndings().plain[e]
}

// wordEndings returns the endings of the locale's words, made on first
// use from its articles' titles, descriptions, keywords and text.
func (li *localeIndex) wordEndings() wordEndings {
	li.endingsOnce.Do(func() {
		li.endings = wordEndings{accented: map[string]bool{}, plain: map[string]bool{}}
		see := func(s string) {
			for _, t := range splitWords(s) {
				for _, w := range strings.FieldsFunc(s[t.start:t.end], isJoiner) {
					r := []rune(strings.ToLower(w))
					if len(r) < endingLen+2 {
						continue
					}
					tail := string(r[len(r)-endingLen:])
					if f := textnorm.Fold(tail); f != tail {
						li.endings.accented[f] = true
					} else {
						li.endings.plain[f] = true
					}
				}
			}
		}
		for _, d := range li.docs {
			see(d.Title)
			see(d.Description)
			for _, k := range d.Keywords {
				see(k)
			}
			see(d.Text)
		}
	})
	return li.endings
}
