package site

import (
	"strings"
	"unicode"
)

// MaxQueryLen is the longest query, in characters, that search accepts,
// counted as the visitor meant it (QueryLen): an "é" typed as "e" and a
// combining accent is one character, a zero-width space or a soft hyphen
// none. 256 characters or more is a bad request.
const MaxQueryLen = 255

// MaxQueryBytes is the longest query, in bytes as sent, that search reads
// at all: whatever it would normalise to, a longer one is a bad request,
// so nobody makes the server clean megabytes. It leaves room for
// MaxQueryLen characters written with combining marks and invisible
// characters.
const MaxQueryBytes = 4096

// NormalQuery returns q as search reads, shows and records it: on one line
// (CleanText: bytes that are not UTF-8 are U+FFFD, control characters and
// bidirectional overrides spaces), invisible characters (Invisible)
// removed, runs of spaces made one, trimmed. A query longer than
// MaxQueryBytes bytes as sent, or than MaxQueryLen characters as meant
// (QueryLen), is an EINVALID error naming field. Unicode composition is
// left to the search analysis and the keys searches are counted by
// (textnorm), which read every form of a letter alike.
func NormalQuery(field, q string) (string, error) {
	if len(q) > MaxQueryBytes {
		return "", Errorf(EINVALID, "%s must be at most %d bytes", field, MaxQueryBytes)
	}
	q = CleanText(q)
	if strings.IndexFunc(q, Invisible) >= 0 {
		q = strings.Map(func(r rune) rune {
			if Invisible(r) {
				return -1
			}
			return r
		}, q)
	}
	if strings.Contains(q, "  ") { // an invisible character between spaces
		q = strings.Join(strings.Fields(q), " ")
	}
	q = strings.TrimSpace(q)
	if QueryLen(q) > MaxQueryLen {
		return "", Errorf(EINVALID, "%s must be at most %d characters", field, MaxQueryLen)
	}
	return q, nil
}

// QueryLen is the length of q in characters as the visitor meant them:
// combining marks count with the letter they mark, invisible characters
// (Invisible) not at all.
func QueryLen(q string) int {
	n := 0
	for _, r := range q {
		if !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Me, r) && !Invisible(r) {
			n++
		}
	}
	return n
}

// Invisible reports whether r is a format or otherwise invisible character,
// one that text normalisation (textnorm.Normalize) removes and queries do
// not count: the Default_Ignorable_Code_Point characters of Unicode (soft
// hyphen, zero-width space, joiners, word joiner, byte-order mark,
// bidirectional controls, variation selectors, tags…) other than white
// space, and the format characters that are not visible
// (Prepended_Concatenation_Mark characters such as the Arabic number sign
// are kept). Tokenizers should treat such a character inside a word as part
// of the word.
func Invisible(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case r == 0xAD: // soft hyphen
		return true
	case r < 0x34F:
		return false
	}
	if unicode.Is(unicode.Cf, r) {
		return !unicode.Is(unicode.Prepended_Concatenation_Mark, r)
	}
	return unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r)
}
