package content

import (
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestExplainYAMLTypes: a value of the wrong type is explained with what
// was expected and what was found, in words, at its line.
func TestExplainYAMLTypes(t *testing.T) {
	type settings struct {
		Size    int               `yaml:"size"`
		Ratio   float64           `yaml:"ratio"`
		Enabled bool              `yaml:"enabled"`
		Title   string            `yaml:"title"`
		Tags    []string          `yaml:"tags"`
		Labels  map[string]string `yaml:"labels"`
		Count   uint8             `yaml:"count"`
	}
	for _, c := range []struct {
		src  string
		line int
		want string
	}{
		{"size: ten\n", 1, "expected a whole number, found text (ten)"},
		{"title: x\nsize: many\n", 2, "expected a whole number, found text (many)"},
		{"ratio: [1]\n", 1, "expected a number, found a list"},
		{"title: ok\n\nenabled: maybe\n", 3, "expected true or false, found text (maybe)"},
		{"title: [a, b]\n", 1, "expected text, found a list"},
		{"tags: {a: b}\n", 1, "expected a list, found a mapping"},
		{"labels: [x]\n", 1, "expected a mapping of name: value, found a list"},
		{"count: 300\n", 1, "expected a whole number, found a number (300)"},
		{"size: 2026-03-05\n", 1, "expected a whole number, found a date (2026-03-05)"},
	} {
		var v settings
		err := yaml.Unmarshal([]byte(c.src), &v)
		if err == nil {
			t.Errorf("%q decoded", c.src)
			continue
		}
		e := ExplainYAML([]byte(c.src), err)
		if e.Line != c.line || e.Message != c.want {
			t.Errorf("%q: line %d %q, want line %d %q", c.src, e.Line, e.Message, c.line, c.want)
		}
		var te *yaml.TypeError
		if !errors.As(e, &te) {
			t.Errorf("%q: the parser's type error is lost", c.src)
		}
	}
}

// TestYAMLErrorFormat: the explanation reads "line L, column C: message.
// Fix: fix", leaving out what is unknown.
func TestYAMLErrorFormat(t *testing.T) {
	for _, c := range []struct {
		e    YAMLError
		want string
	}{
		{YAMLError{Line: 3, Column: 14, Message: "a colon", Fix: "quote it"}, "line 3, column 14: a colon. Fix: quote it"},
		{YAMLError{Line: 3, Message: "a colon"}, "line 3: a colon"},
		{YAMLError{Column: 4, Message: "a colon", Fix: "quote it"}, "a colon. Fix: quote it"},
		{YAMLError{Message: "bad"}, "bad"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
	// Every explanation of a real mistake has a line and a message without
	// the parser's prefixes and tags.
	for _, src := range []string{
		"title: ok\n  bad: indent\n",
		"title: \"open\n",
		"- a\nb: c\n",
		"title: ok\ntitle: again\n",
		"a: b: c\n",
		"key: |\n  text\n bad\n",
		"? complex\n: key\n[x\n",
	} {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(src), &n)
		if err == nil {
			continue
		}
		e := ExplainYAML([]byte(src), err)
		if e.Line == 0 || e.Message == "" {
			t.Errorf("%q: %q at line %d", src, e.Message, e.Line)
		}
		for _, jargon := range []string{"yaml:", "!!str", "line 0"} {
			if strings.Contains(e.Text(), jargon) {
				t.Errorf("%q: explanation %q has parser jargon %q", src, e.Text(), jargon)
			}
		}
	}
}
