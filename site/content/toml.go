package content

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"gopkg.in/yaml.v3"
)

// parseTOMLMapping parses TOML front matter (Hugo's, between +++ lines)
// into the same top-level fields as YAML front matter, in the order they
// are written, each at the line of its key (a table's at its [header]), so
// that everything after reads one format. offset is added to TOML lines to
// get file lines.
func parseTOMLMapping(src []byte, file string, offset int) ([]field, []site.Problem) {
	var values map[string]any
	if err := toml.Unmarshal(src, &values); err != nil {
		return nil, []site.Problem{tomlProblem(src, file, offset, err)}
	}
	lines, order := tomlKeyLines(src)
	for name := range values {
		if _, ok := lines[name]; !ok { // not expected: a key the walk missed
			order = append(order, name)
		}
	}
	var fields []field
	var probs []site.Problem
	for _, name := range order {
		v, ok := values[name]
		if !ok {
			continue
		}
		line := lines[name]
		if line == 0 {
			line = 1
		}
		n := tomlNode(v, line)
		probs = append(probs, cleanScalars(n, file, offset)...)
		fields = append(fields, field{name: name, line: line + offset, value: n, offset: offset})
	}
	return fields, probs
}

// tomlKeyLines finds the line of each top-level key of a TOML document
// that parses: a `key = value` before the first table, or the first
// [header] (or [[header]]) naming it. order lists the keys as written.
func tomlKeyLines(src []byte) (lines map[string]int, order []string) {
	lines = map[string]int{}
	var p unstable.Parser
	p.Reset(src)
	inTable := false
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			inTable = true
		case unstable.KeyValue:
			if inTable {
				continue
			}
		default:
			continue
		}
		it := e.Key()
		if !it.Next() {
			continue
		}
		k := it.Node()
		name := string(k.Data)
		if _, seen := lines[name]; seen {
			continue
		}
		lines[name] = p.Shape(k.Raw).Start.Line
		order = append(order, name)
	}
	return lines, order
}

// tomlNode is a decoded TOML value as the YAML node the front-matter
// readers take: strings, numbers, booleans and dates as tagged scalars,
// arrays as sequences, tables as mappings (keys sorted).
func tomlNode(v any, line int) *yaml.Node {
	scalar := func(tag, value string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: line}
	}
	switch v := v.(type) {
	case string:
		return scalar("!!str", v)
	case bool:
		return scalar("!!bool", strconv.FormatBool(v))
	case int64:
		return scalar("!!int", strconv.FormatInt(v, 10))
	case float64:
		return scalar("!!float", strconv.FormatFloat(v, 'g', -1, 64))
	case time.Time:
		return scalar("!!timestamp", v.Format(time.RFC3339Nano))
	case toml.LocalDate, toml.LocalDateTime:
		return scalar("!!timestamp", fmt.Sprint(v)) // 2025-06-11, 2025-06-11T10:20:00: UTC, as YAML's
	case toml.LocalTime:
		return scalar("!!str", v.String())
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for _, item := range v {
			n.Content = append(n.Content, tomlNode(item, line))
		}
		return n
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n.Content = append(n.Content, scalar("!!str", k), tomlNode(v[k], line))
		}
		return n
	}
	return scalar("!!str", fmt.Sprint(v))
}

// tomlProblem explains TOML that does not parse at its line and column,
// with the fix for the mistakes writers make most: YAML's `key: value`
// written between +++ lines, and text not in quotes.
func tomlProblem(src []byte, file string, offset int, err error) site.Problem {
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return errorAt(site.KindFrontMatter, file, 1, "", "front matter (TOML): %v", err)
	}
	row, col := de.Position()
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	text := ""
	if ls := strings.Split(string(src), "\n"); row >= 1 && row <= len(ls) {
		text = strings.TrimSpace(strings.TrimRight(ls[row-1], "\r"))
	}
	fix := ""
	if key, value, ok := strings.Cut(text, "="); ok {
		value = strings.TrimSpace(value)
		if value != "" && !strings.ContainsAny(value[:1], "\"'[{+-0123456789") && value != "true" && value != "false" {
			fix = fmt.Sprintf(". Fix: TOML writes text in quotes: %s = %q", strings.TrimSpace(key), value)
		}
	} else if key, value, ok := strings.Cut(text, ":"); ok && !strings.HasPrefix(text, "[") {
		fix = fmt.Sprintf(". Fix: TOML writes key = value (this line is YAML): %s = %s, or put the front matter between --- lines", strings.TrimSpace(key), tomlValue(strings.TrimSpace(value)))
	}
	line := row
	if line > 0 {
		line += offset
	}
	p := errorAt(site.KindFrontMatter, file, line, "", "front matter (TOML): %s%s", msg, fix)
	p.Column = col
	return p
}

// tomlValue writes a YAML value the way TOML spells it, for a fix: text in
// quotes, a flow list's items too; numbers, booleans and dates as they are.
func tomlValue(v string) string {
	if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
		var items []string
		for _, item := range strings.Split(v[1:len(v)-1], ",") {
			if item = strings.TrimSpace(item); item != "" {
				items = append(items, tomlValue(item))
			}
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil || v == "true" || v == "false" {
		return v
	}
	if _, ok := parseDate(v); ok && !strings.Contains(v, "/") && !strings.Contains(v, " ") {
		return v
	}
	if u, err := strconv.Unquote(v); err == nil {
		v = u
	} else if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		v = v[1 : len(v)-1]
	}
	return strconv.Quote(v)
}
