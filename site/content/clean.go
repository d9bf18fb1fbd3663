package content

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
)

// cleanReport says what cleanText removed from a file.
type cleanReport struct {
	removed   int  // control characters dropped
	invalid   int  // invalid UTF-8 sequences replaced by U+FFFD
	firstLine int  // line of the first change
	first     rune // first control character removed (utf8.RuneError for bad UTF-8)
}

// cleanText removes the characters that no page, JSON document or XML feed
// may carry, which writers paste from word processors without seeing them:
// C0 control characters other than tab, line feed and carriage return, DEL,
// C1 controls (U+0080–U+009F), and the non-characters U+FFFE and U+FFFF.
// Invalid UTF-8 becomes U+FFFD. data is returned unchanged, without a copy,
// when it holds none of them.
func cleanText(data []byte) ([]byte, cleanReport) {
	var rep cleanReport
	i := 0
	for i < len(data) {
		c := data[i]
		if c < utf8.RuneSelf {
			if isBadASCII(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 || isBadRune(r) {
			break
		}
		i += n
	}
	if i == len(data) {
		return data, rep
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:i]...)
	line := 1 + countLines(data[:i])
	note := func(r rune) {
		if rep.firstLine == 0 {
			rep.firstLine, rep.first = line, r
		}
	}
	for i < len(data) {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			if isBadASCII(c) {
				note(rune(c))
				rep.removed++
			} else {
				out = append(out, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			note(utf8.RuneError)
			rep.invalid++
			out = utf8.AppendRune(out, utf8.RuneError)
		case isBadRune(r):
			note(r)
			rep.removed++
		default:
			out = append(out, data[i:i+n]...)
		}
		i += n
	}
	return out, rep
}

func isBadASCII(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f
}

func isBadRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r == 0xfffe || r == 0xffff
}

func countLines(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}

// problem is the warning for what was cleaned from file, nil when nothing
// was.
func (rep cleanReport) problem(file string) *site.Problem {
	if rep.removed == 0 && rep.invalid == 0 {
		return nil
	}
	var parts []string
	if rep.removed > 0 {
		parts = append(parts, fmt.Sprintf("removed %s that would make feeds invalid XML", site.Count(rep.removed, "invisible control character")))
	}
	if rep.invalid > 0 {
		parts = append(parts, fmt.Sprintf("replaced %s that %s not UTF-8 by �: save the file as UTF-8", site.Count(rep.invalid, "byte sequence"),
			map[bool]string{true: "is", false: "are"}[rep.invalid == 1]))
	}
	msg := strings.Join(parts, "; ")
	if rep.first != utf8.RuneError {
		msg += fmt.Sprintf(" (the first, U+%04X, on this line)", rep.first)
	} else {
		msg += " (the first on this line)"
	}
	p := warningAt(site.KindControlChars, file, rep.firstLine, "", "%s", msg)
	return &p
}
