package content

import (
	"bytes"
	"strings"
)

// scTag is one Hugo shortcode tag as written: `{{< name args >}}`, `{{%
// name args %}}` (Markdown inside), a closing `{{< /name >}}`, a
// self-closing `{{< name />}}`, or Hugo's escaped form `{{</* name */>}}`,
// which shows the tag itself as text.
type scTag struct {
	name        string
	args        []string          // positional arguments
	named       map[string]string // name=value arguments
	markdown    bool              // {{% … %}}
	closing     bool
	selfClosing bool
	comment     bool
	start, end  int // offsets of the tag in the source; end is past "}}"
}

// maxShortcodeLen bounds how far a tag is looked for.
const maxShortcodeLen = 4096

// arg returns the named argument name, else the positional one at i
// (-1: none), else "".
func (t scTag) arg(name string, i int) string {
	if v, ok := t.named[name]; ok {
		return v
	}
	if i >= 0 && i < len(t.args) {
		return t.args[i]
	}
	return ""
}

// display is the tag as a writer reads it in messages: "{{< figure >}}".
func (t scTag) display() string {
	if t.markdown {
		return "{{% " + t.name + " %}}"
	}
	return "{{< " + t.name + " >}}"
}

// literal is how Hugo shows an escaped tag: the tag without its comment
// marks.
func (t scTag) literal(src []byte) string {
	s := string(src[t.start:t.end])
	s = strings.Replace(s, "{{</*", "{{<", 1)
	s = strings.Replace(s, "{{%/*", "{{%", 1)
	s = strings.Replace(s, "*/>}}", ">}}", 1)
	s = strings.Replace(s, "*/%}}", "%}}", 1)
	return s
}

// parseShortcode reads the tag starting at src[start] ("{{<" or "{{%");
// ok is false when none is there.
func parseShortcode(src []byte, start int) (t scTag, ok bool) {
	if start+3 > len(src) || src[start] != '{' || src[start+1] != '{' || src[start+2] != '<' && src[start+2] != '%' {
		return t, false
	}
	t.start = start
	t.markdown = src[start+2] == '%'
	closeSeq := []byte(">}}")
	if t.markdown {
		closeSeq = []byte("%}}")
	}
	limit := min(len(src), start+maxShortcodeLen)
	i := start + 3
	skip := func() {
		for i < limit && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
			i++
		}
	}
	at := func(s []byte) bool { return i+len(s) <= limit && bytes.Equal(src[i:i+len(s)], s) }
	skip()
	if at([]byte("/*")) {
		t.comment = true
		i += 2
		skip()
	}
	if at([]byte("/")) {
		t.closing = true
		i++
		skip()
	}
	n := i
	for i < limit && isNameByte(src[i]) && !(src[i] == '/' && (at(append([]byte("/"), closeSeq...)))) {
		i++
	}
	t.name = string(src[n:i])
	if t.name == "" {
		return t, false
	}
	for {
		skip()
		switch {
		case i >= limit:
			return t, false
		case t.comment && at(append([]byte("*/"), closeSeq...)):
			t.end = i + 2 + len(closeSeq)
			return t, true
		case at(append([]byte("/"), closeSeq...)):
			t.selfClosing = true
			t.end = i + 1 + len(closeSeq)
			return t, true
		case at(closeSeq):
			t.end = i + len(closeSeq)
			return t, true
		}
		// An argument: "quoted", `raw`, bare, or name=value.
		word, next, ok := scValue(src, i, limit, closeSeq)
		if !ok {
			return t, false
		}
		i = next
		if i < limit && src[i] == '=' && isBareName(word) {
			val, next, ok := scValue(src, i+1, limit, closeSeq)
			if !ok {
				return t, false
			}
			if t.named == nil {
				t.named = map[string]string{}
			}
			t.named[word] = val
			i = next
			continue
		}
		t.args = append(t.args, word)
	}
}

// scValue reads one argument value at src[i]: a "quoted" string (with
// backslash escapes), a `raw` one, or a bare word.
func scValue(src []byte, i, limit int, closeSeq []byte) (string, int, bool) {
	if i >= limit {
		return "", i, false
	}
	switch q := src[i]; q {
	case '"':
		var b strings.Builder
		for j := i + 1; j < limit; j++ {
			switch src[j] {
			case '\\':
				if j+1 < limit {
					j++
					b.WriteByte(src[j])
				}
			case '"':
				return b.String(), j + 1, true
			default:
				b.WriteByte(src[j])
			}
		}
		return "", i, false
	case '`':
		end := bytes.IndexByte(src[i+1:limit], '`')
		if end < 0 {
			return "", i, false
		}
		return string(src[i+1 : i+1+end]), i + 2 + end, true
	}
	j := i
	for j < limit {
		c := src[j]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '=' && j > i {
			break
		}
		if bytes.HasPrefix(src[j:limit], closeSeq) || c == '/' && bytes.HasPrefix(src[j+1:limit], closeSeq) {
			break
		}
		j++
	}
	if j == i {
		return "", i, false
	}
	return string(src[i:j]), j, true
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '/'
}

func isBareName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) || s[i] == '/' {
			return false
		}
	}
	return s != ""
}

// aloneOnLine reports whether src[start:end] is the only thing on its line
// (spaces and a blockquote's > aside).
func aloneOnLine(src []byte, start, end int) bool {
	for i := start - 1; i >= 0 && src[i] != '\n'; i-- {
		if c := src[i]; c != ' ' && c != '\t' && c != '>' {
			return false
		}
	}
	for i := end; i < len(src) && src[i] != '\n'; i++ {
		if c := src[i]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// findClosing reports whether the shortcode name opened before from is
// closed later by a tag alone on its line, counting nested tags of the
// same name.
func findClosing(src []byte, from int, name string) bool {
	depth := 0
	for i := from; i < len(src); {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			return false
		}
		k := i + j
		t, ok := parseShortcode(src, k)
		if !ok {
			i = k + 2
			continue
		}
		i = t.end
		if t.name != name || t.comment {
			continue
		}
		switch {
		case t.closing && depth == 0:
			return aloneOnLine(src, t.start, t.end)
		case t.closing:
			depth--
		case !t.selfClosing:
			depth++
		}
	}
	return false
}

// isClosingTag reports whether line (from a block's content) is the tag
// closing the shortcode name.
func isClosingTag(line []byte, name string) bool {
	l := bytes.TrimSpace(line)
	t, ok := parseShortcode(l, 0)
	return ok && t.closing && t.name == name && t.end == len(l)
}
