package content

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
)

// cleanReport says what cleanText removed from a file.
type cleanReport struct {
	removed   int    // control characters dropped
	invalid   int    // invalid UTF-8 sequences replaced by U+FFFD
	firstLine int    // line of the first change
	first     rune   // first control character removed (utf8.RuneError for bad UTF-8)
	utf16     string // "UTF-16LE" or "UTF-16BE": the file was decoded from it
}

// cleanText removes the characters that no page, JSON document or XML feed
// may carry, which writers paste from word processors without seeing them:
// C0 control characters other than tab, line feed and carriage return, DEL,
// C1 controls (U+0080–U+009F), and the non-characters U+FFFE and U+FFFF.
// Invalid UTF-8 becomes U+FFFD. A file that starts with a UTF-16
// byte-order mark (Windows Notepad's "Unicode", PowerShell 5's `>`) is
// decoded from UTF-16 first, its lone surrogates U+FFFD. data is returned
// unchanged, without a copy, when it holds none of them.
func cleanText(data []byte) ([]byte, cleanReport) {
	var rep cleanReport
	data, rep.utf16 = fromUTF16(data)
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

// fromUTF16 returns data as UTF-8, without its byte-order mark, when it
// starts with a UTF-16 one, and the encoding it was read from; else data
// and "". A last odd byte is U+FFFD.
func fromUTF16(data []byte) ([]byte, string) {
	if len(data) < 2 {
		return data, ""
	}
	var enc string
	word := func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
	switch {
	case data[0] == 0xff && data[1] == 0xfe:
		enc = "UTF-16LE"
	case data[0] == 0xfe && data[1] == 0xff:
		enc, word = "UTF-16BE", func(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }
	default:
		return data, ""
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		units = append(units, word(data[i:]))
	}
	out := make([]byte, 0, len(data))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	if len(data)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out, enc
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
	if rep.removed == 0 && rep.invalid == 0 && rep.utf16 == "" {
		return nil
	}
	var parts []string
	if rep.utf16 != "" {
		parts = append(parts, fmt.Sprintf("the file is %s text: it is read as such, but save it as UTF-8 (the encoding GitHub, diffs and other tools expect)", rep.utf16))
		if rep.firstLine == 0 {
			rep.firstLine = 1
		}
	}
	if rep.removed > 0 {
		parts = append(parts, fmt.Sprintf("removed %s that would make feeds invalid XML", site.Count(rep.removed, "invisible control character")))
	}
	if rep.invalid > 0 {
		parts = append(parts, fmt.Sprintf("replaced %s that %s not UTF-8 by �: save the file as UTF-8", site.Count(rep.invalid, "byte sequence"),
			map[bool]string{true: "is", false: "are"}[rep.invalid == 1]))
	}
	msg := strings.Join(parts, "; ")
	switch {
	case rep.removed == 0 && rep.invalid == 0:
	case rep.first != utf8.RuneError:
		msg += fmt.Sprintf(" (the first, U+%04X, on this line)", rep.first)
	default:
		msg += " (the first on this line)"
	}
	p := warningAt(site.KindControlChars, file, rep.firstLine, "", "%s", msg)
	return &p
}
