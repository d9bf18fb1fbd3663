package content

import (
	"errors"
	"fmt"
	"github.com/guichet/guichet/site"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// YAMLError is a YAML mistake explained for the person who wrote it: where
// it is, what is wrong in plain words, and the likely fix. Parsers report
// where they gave up, often a line later or with no line at all; Line and
// Column point at the mistake itself when it can be found in the text.
type YAMLError struct {
	Line    int    // 1-based line of the mistake in the YAML text; 0 when unknown
	Column  int    // 1-based column, counted in characters; 0 when unknown
	Message string // what is wrong, in plain words
	Fix     string // the likely fix, "" when none is known
	Err     error  // the parser's own error
}

// Error formats the explanation: "line 3, column 14: message. Fix: fix".
func (e *YAMLError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ", column %d", e.Column)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Text())
	return b.String()
}

// Text is the message and the fix, without the position.
func (e *YAMLError) Text() string {
	if e.Fix == "" {
		return e.Message
	}
	return e.Message + ". Fix: " + e.Fix
}

// Unwrap returns the parser's error.
func (e *YAMLError) Unwrap() error { return e.Err }

// ExplainYAML explains err, returned by the YAML parser (gopkg.in/yaml.v3)
// for src, in words a writer understands: the line and column of the
// mistake and the likely fix (quotes around a value with a colon, spaces
// instead of a tab, a closing bracket or quote…). It returns nil when err
// is nil. Lines are those of src: add an offset for YAML embedded in a
// larger file (front matter).
func ExplainYAML(src []byte, err error) *YAMLError {
	if err == nil {
		return nil
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return explainTypeError(te)
	}
	msg, line := parserMessage(err)
	x := &yamlText{lines: strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")}
	e := x.explain(msg, line)
	e.Err = err
	return e
}

// parserLine finds "line N: " in a yaml.v3 message.
var parserLine = regexp.MustCompile(`^line (\d+): `)

// parserMessage splits a yaml.v3 error into its message and line (0 when
// the parser gave none, which it does for mistakes on the first line).
func parserMessage(err error) (string, int) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := parserLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return msg[len(m[0]):], n
	}
	return msg, 0
}

// yamlText is YAML source split in lines, for finding mistakes.
type yamlText struct {
	lines []string
}

// entry is a "key: value" or "- value" line.
type entry struct {
	line   int    // 1-based
	indent int    // spaces before the key or dash
	key    string // "" for a list item
	value  string // text after "key:" or "- ", comments included
	col    int    // 0-based byte offset of value in the line
	isItem bool
}

// entryAt reads line n (1-based) as an entry; ok is false for blank lines,
// comments and lines that are neither.
func (x *yamlText) entryAt(n int) (entry, bool) {
	if n < 1 || n > len(x.lines) {
		return entry{}, false
	}
	l := x.lines[n-1]
	t := strings.TrimLeft(l, " ")
	e := entry{line: n, indent: len(l) - len(t)}
	if t == "" || t[0] == '#' {
		return e, false
	}
	if t == "-" || strings.HasPrefix(t, "- ") {
		e.isItem = true
		rest := strings.TrimLeft(t[1:], " ")
		e.col = len(l) - len(rest)
		e.value = rest
		if i := keyEnd(rest); i > 0 && !strings.ContainsAny(rest[:1], "[{\"'") {
			// "- from: [oops": the first field of a mapping in a list,
			// read as the field it is (redirects.yaml's entries), at the
			// indent of its mapping, where the next field ("  to: …")
			// stands.
			e.isItem, e.key, e.indent = false, rest[:i], e.col
			v := strings.TrimLeft(rest[i+1:], " \t")
			e.col, e.value = len(l)-len(v), v
		}
		return e, true
	}
	i := keyEnd(t)
	if i < 0 {
		return e, false
	}
	e.key = t[:i]
	rest := t[i+1:]
	trimmed := strings.TrimLeft(rest, " \t")
	e.col = len(l) - len(trimmed)
	e.value = trimmed
	return e, true
}

// keyEnd returns the index of the colon ending a plain or quoted key at the
// start of t ("title: x", "'a b': x", "title:"), -1 if t does not start
// with one.
func keyEnd(t string) int {
	if t == "" {
		return -1
	}
	if q := t[0]; q == '"' || q == '\'' {
		j := strings.IndexByte(t[1:], q)
		if j < 0 || 2+j >= len(t) || t[2+j] != ':' {
			return -1
		}
		return 2 + j
	}
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == ':' && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t'):
			return i
		case c == '#' && i > 0 && t[i-1] == ' ':
			return -1
		case c == '[' || c == '{' || c == '"' || c == '\'' || c == '`':
			if i == 0 {
				return -1
			}
		}
	}
	return -1
}

// column converts a byte offset in line n into a 1-based character column.
func (x *yamlText) column(n, offset int) int {
	if n < 1 || n > len(x.lines) {
		return 0
	}
	l := x.lines[n-1]
	offset = min(offset, len(l))
	return utf8.RuneCountInString(l[:offset]) + 1
}

// explain finds the mistake behind the parser's message msg, reported on
// line (0: unknown, which yaml.v3 means for line 1).
func (x *yamlText) explain(msg string, line int) *YAMLError {
	switch {
	case strings.Contains(msg, "control characters are not allowed"):
		return &YAMLError{Message: "the text holds an invisible control character", Fix: "delete it (retype the line)"}
	case strings.Contains(msg, "UTF-8") || strings.Contains(msg, "invalid Unicode"):
		return &YAMLError{Message: "the file is not UTF-8 text", Fix: "save it with the UTF-8 encoding"}
	case strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token"):
		if e := x.tabIndent(); e != nil {
			return e
		}
		if e := x.badStart(line); e != nil {
			return e
		}
	case strings.Contains(msg, "unexpected end of stream") || strings.Contains(msg, "could not find expected ':'"):
		if e := x.unclosedQuote(); e != nil {
			return e
		}
		if e := x.unclosedBracket(); e != nil {
			return e
		}
		if strings.Contains(msg, "expected ':'") {
			if e := x.missingColon(line); e != nil {
				return e
			}
		}
	case strings.Contains(msg, "did not find expected ','"):
		if e := x.unclosedBracket(); e != nil {
			return e
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		if e := x.continuation(max(line, 1)); e != nil {
			return e
		}
		if e := x.colonInValue(max(line, 1)); e != nil {
			return e
		}
		if e := x.colonInValue(0); e != nil {
			return e
		}
	case strings.Contains(msg, "did not find expected key"):
		if e := x.textAfterClose(); e != nil {
			return e
		}
		if e := x.unclosedQuote(); e != nil {
			return e
		}
		if e := x.badIndent(); e != nil {
			return e
		}
	case strings.Contains(msg, "alphabetic or numeric character") || strings.Contains(msg, "undefined alias") ||
		strings.Contains(msg, "URI escaped") || strings.Contains(msg, "expected tag"):
		if e := x.badStart(line); e != nil {
			return e
		}
	case strings.Contains(msg, "block sequence entries are not allowed"):
		if e := x.dashAfterKey(); e != nil {
			return e
		}
		if e := x.badIndent(); e != nil {
			return e
		}
	case strings.Contains(msg, "unknown escape character") || strings.Contains(msg, "hexdecimal number"):
		if e := x.badEscape(); e != nil {
			return e
		}
	case strings.Contains(msg, "did not find expected node content"):
		if e := x.emptyItem(); e != nil {
			return e
		}
		// `tags: [a,` or `tags: [` on the front matter's last line: the
		// parser meets its end where it expects an item.
		if e := x.unclosedBracket(); e != nil {
			return e
		}
	case strings.Contains(msg, "did not find expected '-' indicator"):
		return &YAMLError{Line: max(line, 1), Message: "list items (- …) and fields (name: …) are mixed at the same level",
			Fix: "write field: value lines, with list items indented under their field"}
	}
	return &YAMLError{Line: line, Message: plainMessage(msg)}
}

// plainMessage rewords a parser message nothing else explains.
func plainMessage(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return "the YAML cannot be read"
	}
	return "the YAML cannot be read (" + msg + ")"
}

// tabIndent finds a tab in a line's indentation, or before a value.
func (x *yamlText) tabIndent() *YAMLError {
	for i, l := range x.lines {
		lead := len(l) - len(strings.TrimLeft(l, " \t"))
		if j := strings.IndexByte(l[:lead], '\t'); j >= 0 && strings.TrimSpace(l) != "" {
			return &YAMLError{Line: i + 1, Column: x.column(i+1, j), Message: "a tab indents this line, and YAML only accepts spaces for indentation",
				Fix: "replace the tab with spaces, as many as the lines around it use"}
		}
	}
	return nil
}

// unclosedQuote finds a value whose opening quote is never closed.
func (x *yamlText) unclosedQuote() *YAMLError {
	for n := 1; n <= len(x.lines); n++ {
		e, ok := x.entryAt(n)
		if !ok || e.value == "" {
			continue
		}
		q := e.value[0]
		if q != '"' && q != '\'' {
			continue
		}
		if _, closed := closingQuote(e.value); closed {
			continue
		}
		// A quoted value may go on over several lines: unclosed only if no
		// later line closes it before the next field starts.
		closedLater := false
		for m := n + 1; m <= len(x.lines); m++ {
			if next, ok := x.entryAt(m); ok && next.key != "" && next.indent <= e.indent {
				break
			}
			if strings.ContainsRune(x.lines[m-1], rune(q)) {
				closedLater = true
				break
			}
		}
		if closedLater {
			continue
		}
		quote := string(q)
		val := strings.TrimSpace(e.value)
		return &YAMLError{Line: n, Column: x.column(n, e.col), Message: "the quote " + quote + " that opens this value is never closed",
			Fix: "add the closing " + quote + " at the end of the value: " + entryText(e, val+quote)}
	}
	return nil
}

// closingQuote returns the index in v (which starts with a quote) of the
// quote that closes it.
func closingQuote(v string) (int, bool) {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q:
			if q == '\'' && i+1 < len(v) && v[i+1] == '\'' {
				i++ // '' is an escaped quote
				continue
			}
			return i, true
		}
	}
	return 0, false
}

// unclosedBracket finds a value opening a [list] or {mapping} that is not
// closed on its line.
func (x *yamlText) unclosedBracket() *YAMLError {
	for n := 1; n <= len(x.lines); n++ {
		e, ok := x.entryAt(n)
		if !ok || e.value == "" || (e.value[0] != '[' && e.value[0] != '{') {
			continue
		}
		open := e.value[0]
		closeCh := byte(']')
		what := "list"
		if open == '{' {
			closeCh, what = '}', "mapping"
		}
		if depthAfter(e.value, open, closeCh) == 0 {
			if in := x.unclosedInner(n, e, open, what); in != nil {
				return in
			}
			continue
		}
		// Flow collections may span lines: look for the closing bracket
		// before the next field.
		depth := depthAfter(e.value, open, closeCh)
		for m := n + 1; m <= len(x.lines) && depth > 0; m++ {
			if next, ok := x.entryAt(m); ok && next.key != "" && next.indent <= e.indent {
				break
			}
			depth += depthAfter(x.lines[m-1], open, closeCh)
		}
		if depth <= 0 {
			continue
		}
		val := strings.TrimSpace(e.value)
		closed := strings.TrimRight(val, ", ") + string(closeCh) // `[a,` is `[a]`
		return &YAMLError{Line: n, Column: x.column(n, e.col), Message: fmt.Sprintf("the %s opened with %c here is never closed", what, open),
			Fix: fmt.Sprintf("add %c at the end: %s, or put the value in quotes if the %c is part of the text: %s",
				closeCh, entryText(e, closed), open, entryText(e, quoteValue(val)))}
	}
	return nil
}

// unclosedInner finds, in the value of entry e (line n), a collection
// of the other kind opened and never closed inside one that is: "[money,
// {back]" opens a mapping inside the list (the parser's "did not find
// expected ',' or '}'").
func (x *yamlText) unclosedInner(n int, e entry, outer byte, outerWhat string) *YAMLError {
	inner, innerClose, what := byte('{'), byte('}'), "mapping"
	if outer == '{' {
		inner, innerClose, what = '[', ']', "list"
	}
	if depthAfter(e.value, inner, innerClose) <= 0 {
		return nil
	}
	at := strings.IndexByte(e.value, inner)
	for i := at; i < len(e.value); i++ {
		if e.value[i] == inner && depthAfter(e.value[i:], inner, innerClose) > 0 {
			at = i
		}
	}
	val := strings.TrimSpace(e.value[:at] + e.value[at+1:])
	return &YAMLError{Line: n, Column: x.column(n, e.col+at), Message: fmt.Sprintf("the %s opened with %c here, inside the %s, is never closed", what, inner, outerWhat),
		Fix: fmt.Sprintf("remove the %c: %s, or add %c where the %s ends", inner, entryText(e, val), innerClose, what)}
}

// depthAfter counts open minus close brackets in s, outside quotes.
func depthAfter(s string, open, closeCh byte) int {
	depth := 0
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case (c == '"' || c == '\'') && quoteOpens(s[:i]):
			q = c
		case c == open:
			depth++
		case c == closeCh:
			depth--
		case c == '#' && i > 0 && s[i-1] == ' ':
			return depth
		}
	}
	return depth
}

// quoteOpens reports whether a quote after before opens a quoted scalar:
// at the start of a value (after nothing, "[", "{", "," or ":" and
// spaces). One inside a word is a letter: the apostrophe of
// "[no-show, didn't show up]" read as a quote hid that list's "]" and the
// error named that line for another's unclosed "[" (a newcomer, rv24z).
func quoteOpens(before string) bool {
	before = strings.TrimRight(before, " \t")
	return before == "" || strings.ContainsAny(before[len(before)-1:], "[{,:")
}

// textAfterClose finds a value that starts with a quote or a bracket,
// closes it, and goes on: `title: "Quoted" rest`, `title: [Guide] Setup`.
func (x *yamlText) textAfterClose() *YAMLError {
	for n := 1; n <= len(x.lines); n++ {
		e, ok := x.entryAt(n)
		if !ok || e.value == "" {
			continue
		}
		v := e.value
		var end int
		var what string
		switch v[0] {
		case '"', '\'':
			i, closed := closingQuote(v)
			if !closed {
				continue
			}
			end, what = i, "quote"
		case '[', '{':
			depth := 0
			end = -1
			for i := 0; i < len(v) && end < 0; i++ {
				switch v[i] {
				case '[', '{':
					depth++
				case ']', '}':
					depth--
					if depth == 0 {
						end = i
					}
				}
			}
			if end < 0 {
				continue
			}
			what = "bracket"
		default:
			continue
		}
		after := strings.TrimLeft(v[end+1:], " \t")
		rest := strings.TrimSpace(after)
		if rest == "" || rest[0] == '#' {
			continue
		}
		closing := v[end]
		end = len(v) - len(after) - 1
		val := strings.TrimSpace(v)
		msg := fmt.Sprintf("the value starts with %c, so YAML expects it to end at the closing %s, but text follows", v[0], what)
		if what == "bracket" {
			kind := "a list"
			if v[0] == '{' {
				kind = "a mapping"
			}
			msg = fmt.Sprintf("a value that starts with %c is read as %s, and text follows its closing %c", v[0], kind, closing)
		}
		return &YAMLError{Line: n, Column: x.column(n, e.col+end+1), Message: msg,
			Fix: "put the whole value in quotes: " + entryText(e, quoteValue(val))}
	}
	return nil
}

// continuation finds line n indented under a field that already has a
// value: YAML reads it as more of that value, and chokes on its colon.
func (x *yamlText) continuation(n int) *YAMLError {
	e, ok := x.entryAt(n)
	if !ok || e.key == "" || e.indent == 0 {
		return nil
	}
	for m := n - 1; m >= 1; m-- {
		prev, ok := x.entryAt(m)
		if !ok {
			if strings.TrimSpace(x.lines[m-1]) == "" {
				continue
			}
			return nil
		}
		if prev.indent >= e.indent {
			return nil
		}
		if prev.value == "" || prev.value[0] == '#' || prev.value[0] == '|' || prev.value[0] == '>' {
			return nil // a parent mapping or a block scalar: indentation is expected
		}
		return &YAMLError{Line: n, Column: 1, Message: fmt.Sprintf("this line is indented, so YAML reads it as the rest of `%s: %s` above it", strings.TrimSpace(prev.key), strings.TrimSpace(prev.value)),
			Fix: fmt.Sprintf("remove the %s at the start of the line", site.Count(e.indent, "space"))}
	}
	return nil
}

// colonInValue finds a plain value holding ": " on line n, or on the first
// line that has one when n is 0.
func (x *yamlText) colonInValue(n int) *YAMLError {
	from, to := n, n
	if n == 0 {
		from, to = 1, len(x.lines)
	}
	for m := from; m <= to; m++ {
		e, ok := x.entryAt(m)
		if !ok || e.value == "" || strings.ContainsRune(`"'[{|>`, rune(e.value[0])) {
			continue
		}
		v := stripComment(e.value)
		i := strings.Index(v, ": ")
		if i < 0 && strings.HasSuffix(v, ":") {
			i = len(v) - 1
		}
		if i < 0 {
			continue
		}
		return &YAMLError{Line: m, Column: x.column(m, e.col+i), Message: "the value holds a colon followed by a space, which YAML reads as the start of another field",
			Fix: "put the value in quotes: " + entryText(e, quoteValue(strings.TrimSpace(v)))}
	}
	return nil
}

// stripComment removes a trailing " # comment" from a plain value.
func stripComment(v string) string {
	if i := strings.Index(v, " #"); i >= 0 {
		return strings.TrimSpace(v[:i])
	}
	return strings.TrimSpace(v)
}

// badStart finds a plain value starting with a character YAML reserves:
// @ and ` (reserved), % (directive), * (alias), & (anchor), ! (tag).
func (x *yamlText) badStart(line int) *YAMLError {
	check := func(n int) *YAMLError {
		e, ok := x.entryAt(n)
		if !ok || e.value == "" || !strings.ContainsRune("@`%*&!", rune(e.value[0])) {
			return nil
		}
		val := stripComment(e.value)
		return &YAMLError{Line: n, Column: x.column(n, e.col),
			Message: fmt.Sprintf("a value cannot start with %c, which YAML reserves", e.value[0]),
			Fix:     "put the value in quotes: " + entryText(e, quoteValue(val))}
	}
	if line > 0 {
		if e := check(line); e != nil {
			return e
		}
	}
	for n := 1; n <= len(x.lines); n++ {
		if e := check(n); e != nil {
			return e
		}
	}
	return nil
}

// missingColon explains a line at field level without "name:", reported
// on line (or the last such line before it).
func (x *yamlText) missingColon(line int) *YAMLError {
	for n := min(max(line, 1), len(x.lines)); n >= 1; n-- {
		l := x.lines[n-1]
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' || t[0] == '-' {
			continue
		}
		if _, ok := x.entryAt(n); ok {
			continue
		}
		// The field above may start a block of text that is not indented.
		for m := n - 1; m >= 1; m-- {
			prev, ok := x.entryAt(m)
			if !ok {
				continue
			}
			if v := strings.TrimRight(stripComment(prev.value), "+-0123456789"); v == "|" || v == ">" {
				return &YAMLError{Line: m + 1, Column: 1, Message: fmt.Sprintf("the text of `%s` must be indented under it", prev.key),
					Fix: "indent the lines of the text by two spaces"}
			}
			break
		}
		return &YAMLError{Line: n, Column: x.column(n, len(l)-len(strings.TrimLeft(l, " "))),
			Message: "this line is neither a field (name: value) nor part of the value above",
			Fix:     "write it as name: value, indent it under the field it belongs to, or start it with # to make it a comment"}
	}
	return nil
}

// badIndent finds a field indented differently from its siblings.
func (x *yamlText) badIndent() *YAMLError {
	prevIndent := -1
	for n := 1; n <= len(x.lines); n++ {
		e, ok := x.entryAt(n)
		if !ok {
			continue
		}
		if prevIndent >= 0 && e.key != "" && e.indent > 0 && e.indent < prevIndent {
			// Dedented to a level no field above used.
			used := false
			for m := 1; m < n; m++ {
				if o, ok := x.entryAt(m); ok && o.indent == e.indent {
					used = true
				}
			}
			if !used {
				return &YAMLError{Line: n, Column: 1, Message: "this field is indented differently from the fields above it",
					Fix: "line it up with the other fields of its level"}
			}
		}
		prevIndent = e.indent
	}
	return nil
}

// dashAfterKey finds "key: - item".
func (x *yamlText) dashAfterKey() *YAMLError {
	for n := 1; n <= len(x.lines); n++ {
		e, ok := x.entryAt(n)
		if !ok || e.key == "" || !strings.HasPrefix(e.value, "- ") {
			continue
		}
		item := strings.TrimSpace(e.value[2:])
		return &YAMLError{Line: n, Column: x.column(n, e.col), Message: "a list item (- …) cannot follow a field name on the same line",
			Fix: fmt.Sprintf("write %s: [%s], or put - %s on the next line, indented", e.key, item, item)}
	}
	return nil
}

// badEscape finds a backslash in double quotes that starts no escape.
func (x *yamlText) badEscape() *YAMLError {
	const escapes = "0abtnvfre \"/\\N_LPxuU\t"
	for n, l := range x.lines {
		in := false
		for i := 0; i < len(l); i++ {
			switch {
			case l[i] == '"':
				in = !in
			case in && l[i] == '\\' && i+1 < len(l):
				if !strings.ContainsRune(escapes, rune(l[i+1])) || !hexEscape(l[i+1:]) {
					return &YAMLError{Line: n + 1, Column: x.column(n+1, i),
						Message: fmt.Sprintf("in double quotes a backslash starts an escape sequence, and \\%c is not one", l[i+1]),
						Fix:     "use single quotes around the value, or write \\\\ for a backslash"}
				}
				i++
			}
		}
	}
	return nil
}

// hexEscape reports whether an escape starting at e ("x41", "u00e9",
// "U0001F600") has its hex digits; other escapes pass.
func hexEscape(e string) bool {
	n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e[0]]
	if len(e) < n+1 {
		return n == 0
	}
	for i := 1; i <= n; i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(e[i])) {
			return false
		}
	}
	return true
}

// emptyItem finds "[a, , b]".
func (x *yamlText) emptyItem() *YAMLError {
	for n, l := range x.lines {
		for _, bad := range []string{", ,", ",,", "[,", ", ]", ",]"} {
			if i := strings.Index(l, bad); i >= 0 {
				return &YAMLError{Line: n + 1, Column: x.column(n+1, i), Message: "a list has an empty item between two commas",
					Fix: "remove the extra comma"}
			}
		}
	}
	return nil
}

// entryText writes an entry back with a new value, for fixes.
func entryText(e entry, value string) string {
	if e.isItem {
		return "- " + value
	}
	return e.key + ": " + value
}

// quoteValue puts v in double quotes, or single quotes when it holds
// double quotes or backslashes (which double quotes would escape).
func quoteValue(v string) string {
	if !strings.ContainsAny(v, `"\`) {
		return `"` + v + `"`
	}
	return "'" + strings.ReplaceAll(v, "'", "''") + "'"
}

// explainTypeError explains a value of the wrong type found when decoding
// into a Go value: "cannot unmarshal !!str `abc` into int".
func explainTypeError(te *yaml.TypeError) *YAMLError {
	e := &YAMLError{Err: te}
	for _, m := range te.Errors {
		msg, line := parserMessage(errors.New(m))
		if e.Line == 0 {
			e.Line = line
		}
		if e.Message != "" {
			continue
		}
		e.Message = plainTypeMessage(msg)
	}
	if e.Message == "" {
		e.Message = "a value has the wrong type"
	}
	return e
}

// typeMessage reads yaml.v3's "cannot unmarshal !!str `abc` into int".
var typeMessage = regexp.MustCompile("cannot unmarshal !!(\\w+)(?: `(.*)`)? into (.+)$")

func plainTypeMessage(msg string) string {
	m := typeMessage.FindStringSubmatch(msg)
	if m == nil {
		return plainMessage(msg)
	}
	got := map[string]string{"str": "text", "int": "a number", "float": "a number", "bool": "true or false",
		"seq": "a list", "map": "a mapping", "null": "empty", "timestamp": "a date"}[m[1]]
	if got == "" {
		got = m[1]
	}
	if m[2] != "" {
		got = fmt.Sprintf("%s (%s)", got, m[2])
	}
	return fmt.Sprintf("expected %s, found %s", goTypeName(m[3]), got)
}

// goTypeName names a Go type for writers.
func goTypeName(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["), strings.Contains(t, "."):
		return "a mapping of name: value"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "bool":
		return "true or false"
	case t == "string":
		return "text"
	}
	return t
}
