// Package textnorm is Guichet's one text normalisation. Everything that
// compares words — the search index and its queries, highlighting, the
// grouping of failed searches, slugs, ticket languages, links between
// content files — calls it, so that they all agree on when two spellings are
// the same word.
//
// Three levels, each a superset of the one before:
//
//   - Normalize: Unicode NFC, format and invisible characters removed (soft
//     hyphens, zero-width spaces and joiners, word joiners, byte-order marks,
//     bidirectional controls, variation selectors, other Default_Ignorable
//     code points). Case, accents and punctuation are kept: for text kept
//     as written, such as file paths and URL slugs.
//   - Fold: Normalize, then lower case and accents folded the way the search
//     index folds them: a Latin letter loses its diacritics ("é" → "e",
//     "İ" → "i"), ligatures and letters without a decomposition are spelt
//     out as Lucene's ASCII folding does ("œ" → "oe", "æ" → "ae", "ß" → "ss",
//     "ł" → "l", "ø" → "o", "þ" → "th", "ﬁ" → "fi"), compatibility forms
//     of letters and digits become plain ones (full-width "Ａ" → "a",
//     "²" → "2"), typographic apostrophes become "'", the hyphen characters
//     U+2010 and U+2011 become "-", and every Unicode space becomes " ".
//     Greek letters lose their accents and the final sigma is a sigma
//     ("Κωδικός" → "κωδικοσ"), so text typed in capitals, where Greek
//     writes no accents, finds it. Arabic letters typed for one another
//     are folded and its vowel marks and kashida dropped ("كلمة" →
//     "كلمه", "إعدادات" → "اعدادات"), in every locale, not only in the
//     Arabic analyzer. Letters of other scripts are only
//     lower-cased (Cyrillic "й" stays "й"). Punctuation is otherwise kept, so a tokenizer still sees word
//     boundaries, elisions and hyphenated compounds.
//   - Key: Fold, reduced to its words — runs of letters, digits and
//     combining marks — separated by one space ("E-mail  not arriving!" →
//     "e mail not arriving"). For counting and grouping texts that differ
//     only in case, accents, punctuation or spacing.
//
// All three are idempotent (f(f(s)) == f(s)), safe for concurrent use, and
// leave invalid UTF-8 bytes as U+FFFD. The package depends only on the
// standard library, golang.org/x/text and the domain's character rules
// (site.Invisible), so that both the domain packages and the search
// adapter can use it.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/guichet/guichet/site"
)

// Normalize returns s in Unicode NFC with invisible characters removed (see
// Invisible). Case, accents and punctuation are kept.
func Normalize(s string) string {
	if isPlainASCII(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexFunc(s, Invisible) >= 0 {
		s = strings.Map(func(r rune) rune {
			if Invisible(r) {
				return -1
			}
			return r
		}, s)
	}
	return norm.NFC.String(s)
}

// Compose returns s in Unicode NFC and nothing else: an accent typed as a
// combining mark becomes part of its letter (what a person sees as one
// character is one), invisible characters are kept, and s is returned as
// it is when it is not valid UTF-8, for the caller to refuse. Text kept as
// the customer wrote it (a contact request) is composed before its
// characters are counted.
func Compose(s string) string {
	if isPlainASCII(s) || !utf8.ValidString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Path returns a host page's path, or a path pattern, as screens are
// told apart, stored and shown: its escapes decoded where they stand for
// text (site.ReadablePath), composed (Compose). "/caf%C3%A9", "/café"
// typed with its accent apart and "/café" are one screen, "/café". The
// recorder stores paths so, the context index matches them so
// (site.NewContextIndex with Compose) and the gap report reads stored
// paths so, those stored before too.
func Path(p string) string { return Compose(site.ReadablePath(p)) }

// Blank reports whether s says nothing: once normalised (see Normalize:
// invalid UTF-8 bytes become U+FFFD, invisible characters are removed), it
// holds only white space, control characters and U+FFFD replacement
// characters — "", "  ", the bytes "\xff\xfe", "\uFFFD", a zero-width
// space, a NUL byte. A blank query is no query: nothing is searched, shown
// or recorded for it.
func Blank(s string) bool {
	for _, r := range Normalize(s) {
		if r != utf8.RuneError && !unicode.IsSpace(r) && !unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// Invisible reports whether r is a format or otherwise invisible character
// that Normalize removes: the domain's rule, site.Invisible.
func Invisible(r rune) bool { return site.Invisible(r) }

// Fold returns Normalize(s) lower-cased, with accents, ligatures and
// compatibility forms folded as the search index folds them (see the
// package comment). Its length may differ from s's ("ß" → "ss").
func Fold(s string) string {
	if isPlainASCII(s) {
		return asciiLower(s)
	}
	s = Normalize(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	prevLatin := false // the last rune written is an ASCII letter
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			prevLatin = 'a' <= r && r <= 'z'
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			// A combining mark left on a Latin letter after NFC (one
			// without a precomposed form) is an accent: drop it. On
			// other scripts marks are part of the letters, except the
			// optional vowel marks of Arabic.
			if !prevLatin && !arabicMark(r) {
				b.WriteRune(r)
			}
			continue
		}
		f := foldRune(r)
		b.WriteString(f)
		last, _ := utf8.DecodeLastRuneInString(f)
		prevLatin = 'a' <= last && last <= 'z'
	}
	return b.String()
}

// Key returns the words of Fold(s) separated by single spaces. Words are
// runs of letters, digits and combining marks; everything else separates
// them.
func Key(s string) string {
	s = Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// HasWords reports whether s has a word to count it by: whether Key(s) is
// not empty. Searches are counted by their key, so a query without one
// (emoji, symbols or punctuation only: "🍕🍕", "???", "½", an Arabic
// kashida or vowel mark alone) is answered, with no results, but neither
// recorded nor offered a subscription: the one rule for it.
func HasWords(s string) bool { return Key(s) != "" }

// foldRune folds one rune at or above utf8.RuneSelf.
func foldRune(r rune) string {
	if r >= latinFirst && r <= latinLast {
		return latin[r-latinFirst]
	}
	return slowFold(r)
}

// slowFold is foldRune without the precomputed table.
func slowFold(r rune) string {
	if f, ok := folds[r]; ok {
		return f
	}
	lr := unicode.ToLower(r)
	if f, ok := folds[lr]; ok {
		return f
	}
	switch {
	case unicode.IsSpace(r):
		return " "
	case unicode.IsLetter(lr) || unicode.IsNumber(lr):
		if f, ok := decompose(lr); ok {
			return f
		}
	}
	return string(lr)
}

// decompose returns the compatibility decomposition of r without its
// combining marks, lower-cased, when that is plain ASCII ("é" → "e",
// "ﬁ" → "fi", "Ａ" → "a", "²" → "2").
func decompose(r rune) (string, bool) {
	d := norm.NFKD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		switch {
		case unicode.Is(unicode.Mn, c):
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(byte(c))
		default:
			return "", false
		}
	}
	if b.Len() == 0 {
		return "", false
	}
	return b.String(), true
}

// latin holds foldRune of the runes from latinFirst to latinLast (Latin-1
// Supplement to Latin Extended-B), the ones European text is full of, so
// that folding them allocates nothing. Read-only after initialisation.
var latin = func() []string {
	t := make([]string, latinLast-latinFirst+1)
	for r := rune(latinFirst); r <= latinLast; r++ {
		t[r-latinFirst] = slowFold(r)
	}
	return t
}()

const (
	latinFirst = 0x80
	latinLast  = 0x24F
)

// isPlainASCII reports whether s is ASCII only, so that Normalize has
// nothing to do.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiLower lower-cases an ASCII string, without copying one that is
// already lower case.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// folds spells out the letters that have no decomposition into a Latin
// letter and diacritics, as Lucene's ASCIIFoldingFilter (bleve's
// asciifolding) does, and maps typographic apostrophes and hyphens. Only
// lower-case letters are listed: Fold lower-cases first. Read-only.
var folds = map[rune]string{
	// Latin-1 Supplement
	'æ': "ae", 'ð': "d", 'ø': "o", 'þ': "th", 'ß': "ss",
	// ª and º stay as they are, as in Lucene (ordinal indicators).
	'ª': "ª", 'º': "º",
	// Latin Extended-A
	'đ': "d", 'ħ': "h", 'ı': "i", 'ĸ': "q", 'ŀ': "l", 'ł': "l", 'ŉ': "n",
	'ŋ': "n", 'œ': "oe", 'ŧ': "t", 'ſ': "s",
	// Latin Extended-B (and the IPA letters their capitals lower-case to)
	'ƀ': "b", 'ɓ': "b", 'ƃ': "b", 'ɔ': "o", 'ƈ': "c", 'ɖ': "d", 'ɗ': "d",
	'ƌ': "d", 'ǝ': "e", 'ə': "a", 'ɛ': "e", 'ƒ': "f", 'ɠ': "g", 'ƕ': "hv",
	'ɩ': "i", 'ɨ': "i", 'ƙ': "k", 'ƚ': "l", 'ɯ': "m", 'ɲ': "n", 'ƞ': "n",
	'ɵ': "o", 'ƥ': "p", 'ƫ': "t", 'ƭ': "t", 'ʈ': "t", 'ʋ': "v", 'ƴ': "y",
	'ƶ': "z", 'ƿ': "w", 'ǣ': "ae", 'ǥ': "g", 'ǽ': "ae", 'ǿ': "o", 'ȝ': "z",
	'ȡ': "d", 'ȣ': "ou", 'ȥ': "z", 'ȴ': "l", 'ȵ': "n", 'ȶ': "t", 'ȷ': "j",
	'ȸ': "db", 'ȹ': "qp", 'ⱥ': "a", 'ȼ': "c", 'ⱦ': "t", 'ȿ': "s", 'ɀ': "z",
	'ʉ': "u", 'ʌ': "v", 'ɇ': "e", 'ɉ': "j", 'ɋ': "q", 'ɍ': "r", 'ɏ': "y",
	// Apostrophes and hyphens: elisions ("l’offre") and compounds
	// ("Wi‑Fi" with a non-breaking hyphen) must look the same as typed
	// on a keyboard.
	'\u2018': "'", '\u2019': "'", '\u201B': "'", '\u2032': "'", '\uFF07': "'",
	'\u2010': "-", '\u2011': "-",
	// Greek: accents (tonos, dialytika) and the final sigma folded, as
	// Greek is written in capitals without accents ("ΚΩΔΙΚΟΣ" is
	// "κωδικός") and typed without them on phones.
	'ά': "α", 'έ': "ε", 'ή': "η", 'ί': "ι", 'ό': "ο", 'ύ': "υ", 'ώ': "ω",
	'ϊ': "ι", 'ϋ': "υ", 'ΐ': "ι", 'ΰ': "υ", 'ς': "σ",
	// Arabic script: the letters typed for one another (hamza on or
	// under alef, madda, wasla; teh marbuta typed as heh; alef maksura
	// as yeh; the Persian yeh and keheh as the Arabic ones) and the
	// kashida, which only stretches a word, as bleve's Arabic and
	// Persian normalisations do, so that text in Arabic script is found
	// however it is typed in any locale's index (the vowel marks are
	// dropped in Fold).
	'\u0622': "\u0627", '\u0623': "\u0627", '\u0625': "\u0627", '\u0671': "\u0627",
	'\u0629': "\u0647", '\u0649': "\u064A", '\u06CC': "\u064A", '\u06A9': "\u0643",
	'\u0640': "",
}

// arabicMark reports whether r is an Arabic vowel mark (tanwin, harakat,
// shadda, sukun, superscript alef): written in the Quran, in teaching and
// to disambiguate, left out in everyday text.
func arabicMark(r rune) bool {
	return r >= 0x064B && r <= 0x0652 || r == 0x0670
}
