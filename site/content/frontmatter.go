package content

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"gopkg.in/yaml.v3"
)

// fieldLine matches a line that reads as a front-matter field ("title:
// Sync", "tags: [a]").
var fieldLine = regexp.MustCompile(`^[A-Za-z_][\w.-]*:(?:\s|$)`)

// closingDashes matches a later line of dashes alone, where such fields
// would end.
var closingDashes = regexp.MustCompile(`(?m)^-{3,}[ \t\r]*$`)

// splitFrontMatter separates the front matter from the body: YAML between
// --- lines, or TOML between +++ lines (Hugo), which delim tells ("---",
// "+++", or "" when the file has none). bodyLine is the file line where the
// body starts. An opening line without its closing one is an error.
func splitFrontMatter(data []byte) (fm, body []byte, bodyLine int, delim string, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, rest, ok := cutLine(data)
	delim = string(bytes.TrimRight(first, " \t\r"))
	if !ok && len(first) == 0 || delim != "---" && delim != "+++" {
		if len(delim) > 3 && strings.Trim(delim, "-") == "" {
			if l, _, _ := cutLine(rest); fieldLine.Match(l) && closingDashes.Match(rest) {
				// "----", "title: …", "----": front matter meant, a
				// thematic break read, and "title" missing said.
				return nil, nil, 0, "", fmt.Errorf("front matter opens with a line of exactly three dashes, line 1 has %d: write --- (and the same where the fields end)", len(delim))
			}
		}
		return nil, data, 1, "", nil
	}
	line := 2
	start := rest
	blank := 0                 // the first blank line, where the fields likely end
	dashes, dashesLine := 0, 0 // the first line of more dashes, "----"
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		t := string(bytes.TrimRight(l, " \t\r"))
		if t == delim || t == "..." && delim == "---" {
			return start[:len(start)-len(rest)], next, line + 1, delim, nil
		}
		if t == "" && blank == 0 {
			blank = line
		}
		if delim == "---" && dashesLine == 0 && len(t) > 3 && strings.Trim(t, "-") == "" {
			dashes, dashesLine = len(t), line
		}
		rest = next
		line++
	}
	if dashesLine > 0 && (blank == 0 || dashesLine < blank) {
		return nil, nil, 0, delim, fmt.Errorf("front matter opened with --- on line 1 must end at a line of exactly three dashes, line %d has %d: write ---", dashesLine, dashes)
	}
	if blank > 0 {
		return nil, nil, 0, delim, fmt.Errorf("front matter opened with %s on line 1 is never closed: write a line %s where the fields end (line %d, the first blank line, likely)", delim, delim, blank)
	}
	return nil, nil, 0, delim, fmt.Errorf("front matter opened with %s on line 1 is never closed: write a line %s after the last field", delim, delim)
}

// cutLine returns the first line of b (without "\n") and what follows.
func cutLine(b []byte) (line, rest []byte, found bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, false
}

// yamlProblem is the error for YAML that does not parse: e explained,
// located in file by adding offset to its line (the lines before the YAML
// text in the file); what names the text ("front matter").
func yamlProblem(file string, offset int, what string, e *YAMLError) site.Problem {
	line := e.Line
	if line > 0 {
		line += offset
	}
	msg := what + ": " + e.Text()
	if what == file {
		msg = e.Text() // the place names the file ("guichet.yaml:2:10: guichet.yaml: …" was said twice)
	}
	p := errorAt(site.KindYAML, file, line, "", "%s", msg)
	p.Column = e.Column
	return p
}

// field is one front-matter entry located in its file.
type field struct {
	name   string
	orig   string // the other tool's name the field was written with ("lastmod")
	line   int    // line of the key in the Markdown file
	value  *yaml.Node
	offset int // file line = YAML line + offset
}

// label is the field's name as written.
func (f field) label() string {
	if f.orig != "" {
		return f.orig
	}
	return f.name
}

// parseYAMLMapping parses YAML text into its top-level fields. offset is
// added to YAML lines to get file lines (1 for front matter, whose first
// YAML line is line 2 of the file). Duplicate keys are reported.
func parseYAMLMapping(src []byte, file string, offset int, what string) ([]field, []site.Problem) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, []site.Problem{yamlProblem(file, offset, what, ExplainYAML(src, err))}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, nil
	}
	m := root.Content[0]
	if m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
		return nil, nil
	}
	if m.Kind != yaml.MappingNode {
		return nil, []site.Problem{errorAt(site.KindYAML, file, m.Line+offset, "", "%s must be a mapping of field: value, not %s", what, kindName(m))}
	}
	var fields []field
	probs := cleanScalars(m, file, offset)
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		f := field{name: k.Value, line: k.Line + offset, value: v, offset: offset}
		if prev, ok := seen[f.name]; ok {
			probs = append(probs, errorAt(site.KindYAML, file, f.line, f.name, "field `%s` is set twice (first on line %d)", f.name, prev))
			continue
		}
		seen[f.name] = f.line
		fields = append(fields, f)
	}
	return fields, probs
}

// cleanScalars removes from every value under n the characters cleanText
// removes from files, which YAML lets a writer write as escapes ("\f",
// "\x01", "\e") the file's own cleaning cannot see, and warns once per
// value.
func cleanScalars(n *yaml.Node, file string, offset int) []site.Problem {
	var probs []site.Problem
	if n.Kind == yaml.ScalarNode {
		if clean, rep := cleanText([]byte(n.Value)); rep.removed > 0 {
			n.Value = string(clean)
			rep.firstLine = n.Line + offset
			probs = append(probs, *rep.problem(file))
		}
	}
	for _, c := range n.Content {
		probs = append(probs, cleanScalars(c, file, offset)...)
	}
	return probs
}

// kindName names a YAML node's type for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!timestamp":
		return "a date"
	case "!!null":
		return "empty"
	}
	return "a string"
}

// typeError reports a front-matter value of the wrong type.
func typeError(file string, f field, want string) site.Problem {
	return errorAt(site.KindFrontMatter, file, f.line, f.name, "field `%s` must be %s, not %s", f.label(), want, kindName(f.value))
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// asString reads a scalar as a string: numbers and booleans keep their
// literal spelling ("title: 2024" is the string "2024").
func asString(file string, f field) (string, *site.Problem) {
	v := f.value
	if isNull(v) {
		return "", nil
	}
	if v.Kind != yaml.ScalarNode {
		p := typeError(file, f, "a string")
		return "", &p
	}
	return strings.TrimSpace(v.Value), nil
}

// asStrings reads a list of strings; a single string is a list of one.
func asStrings(file string, f field) ([]string, *site.Problem) {
	v := f.value
	switch {
	case isNull(v):
		return nil, nil
	case v.Kind == yaml.ScalarNode:
		if s := strings.TrimSpace(v.Value); s != "" {
			return []string{s}, nil
		}
		return nil, nil
	case v.Kind != yaml.SequenceNode:
		p := typeError(file, f, "a list of strings")
		return nil, &p
	}
	out := make([]string, 0, len(v.Content))
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode {
			p := errorAt(site.KindFrontMatter, file, item.Line+f.offset, f.name, "field `%s` must be a list of strings, found %s", f.label(), kindName(item))
			return nil, &p
		}
		if s := strings.TrimSpace(item.Value); s != "" && !isNull(item) {
			out = append(out, s)
		}
	}
	return out, nil
}

func asInt(file string, f field) (int, *site.Problem) {
	var n int
	if f.value.Kind != yaml.ScalarNode || f.value.Tag != "!!int" || f.value.Decode(&n) != nil {
		if isNull(f.value) {
			return 0, nil
		}
		var x float64
		if f.value.Tag == "!!float" && f.value.Decode(&x) == nil && !math.IsNaN(x) && !math.IsInf(x, 0) {
			// Docusaurus allows 2.5 (between 2 and 3): the nearest whole
			// number, as for a _category_ file's position (wholeWeight).
			w, p := wholeWeight(file, f.line, f.label(), x, "pages")
			return w, p
		}
		p := typeError(file, f, "a whole number")
		p.Message += ": write a number without quotes, like 10"
		return 0, &p
	}
	return n, nil
}

// wholeWeight reads a fractional weight or position x as the nearest
// whole number, with a warning at line of file naming what it orders
// (pages, folders); a whole x reads as itself, with none.
func wholeWeight(file string, line int, fieldName string, x float64, what string) (int, *site.Problem) {
	w := math.Round(x)
	if w == x {
		return int(w), nil
	}
	p := warningAt(site.KindFrontMatter, file, line, fieldName,
		"%s %v is read as %v: %s are ordered by whole numbers (renumber the others to keep the order you meant)", fieldName, x, w, what)
	return int(w), &p
}

func asBool(file string, f field) (bool, *site.Problem) {
	var b bool
	if f.value.Kind != yaml.ScalarNode || f.value.Tag != "!!bool" || f.value.Decode(&b) != nil {
		if isNull(f.value) {
			return false, nil
		}
		p := typeError(file, f, "true or false")
		return false, &p
	}
	return b, nil
}

// parseDate parses a front-matter date string in one of the formats
// accepted besides YAML timestamps. Times without a zone are UTC.
func parseDate(s string) (time.Time, bool) {
	layouts := [...]string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05",
		"2006-01-02 15:04:05",
		"2006-01-02T15:04",
		"2006-01-02 15:04",
		"2006-01-02",
		"1/2/2006", // Microsoft Docs' ms.date: 03/14/2024 and 8/1/2024
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func asTime(file string, f field) (time.Time, *site.Problem) {
	v := f.value
	if isNull(v) {
		return time.Time{}, nil
	}
	if v.Kind == yaml.ScalarNode {
		if v.Tag == "!!timestamp" {
			var t time.Time
			if v.Decode(&t) == nil {
				return t, nil
			}
		}
		if t, ok := parseDate(strings.TrimSpace(v.Value)); ok {
			return t, nil
		}
		if v.Tag == "!!str" || v.Tag == "!!timestamp" {
			p := errorAt(site.KindFrontMatter, file, f.line, f.name, "field `%s`: %q is not a date: write year-month-day, like 2026-09-14, 2026-09-14 09:30 or 2026-09-14T09:30:00Z", f.label(), v.Value)
			return time.Time{}, &p
		}
	}
	p := typeError(file, f, "a date")
	return time.Time{}, &p
}

// asAny decodes an unknown field's value for Article.Extra.
func asAny(f field) any {
	var v any
	if err := f.value.Decode(&v); err != nil {
		return f.value.Value
	}
	return v
}

// errorAt is an error of kind (a site.Kind… constant) in file at line.
func errorAt(kind, file string, line int, fieldName, format string, args ...any) site.Problem {
	return site.Problem{Severity: site.SeverityError, Kind: kind, File: file, Line: line, Field: fieldName, Message: fmt.Sprintf(format, args...)}
}

// warningAt is a warning of kind in file at line.
func warningAt(kind, file string, line int, fieldName, format string, args ...any) site.Problem {
	return site.Problem{Severity: site.SeverityWarning, Kind: kind, File: file, Line: line, Field: fieldName, Message: fmt.Sprintf(format, args...)}
}

// unknownField is the warning for a field Guichet does not know.
func unknownField(file string, f field, known []string, kept bool) site.Problem {
	msg := fmt.Sprintf("unknown field `%s`", f.name)
	switch s := didYouMean(f.name, known); {
	case s != "":
		msg += fmt.Sprintf(": did you mean `%s`?", s)
		if kept {
			msg += " (kept in the article's data meanwhile)"
		}
	case kept:
		msg += ": kept in the article's data; remove it, or list it in check.ignore_fields in guichet.yaml to keep it without this warning"
	}
	return warningAt(site.KindUnknownField, file, f.line, f.name, "%s", msg)
}
