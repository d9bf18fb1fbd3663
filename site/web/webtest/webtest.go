// Package webtest reads HTML pages in tests through a real HTML parser
// (golang.org/x/net/html) rather than regular expressions: find elements
// with a small CSS selector subset and read their text and attributes.
//
// Selectors: a tag, .class, #id, [attr] and [attr=value] (value quoted or
// not), combined without spaces ("meta[name=description]",
// "a.more[href]"), and descendants separated by spaces ("summary h2").
package webtest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Doc is a parsed HTML page.
type Doc struct {
	root *html.Node
}

// Parse parses body, failing the test if it cannot.
func Parse(tb testing.TB, body string) *Doc {
	tb.Helper()
	n, err := html.Parse(strings.NewReader(body))
	if err != nil {
		tb.Fatalf("parse HTML: %v", err)
	}
	return &Doc{root: n}
}

// All returns the elements matching sel, in document order.
func (d *Doc) All(sel string) []*html.Node {
	steps := parseSelector(sel)
	var out []*html.Node
	var walk func(n *html.Node, ancestors []*html.Node)
	walk = func(n *html.Node, ancestors []*html.Node) {
		if n.Type == html.ElementNode && matchPath(steps, n, ancestors) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, append(ancestors, n))
		}
	}
	walk(d.root, nil)
	return out
}

// First returns the first element matching sel, nil when none does.
func (d *Doc) First(sel string) *html.Node {
	if all := d.All(sel); len(all) > 0 {
		return all[0]
	}
	return nil
}

// Count returns how many elements match sel.
func (d *Doc) Count(sel string) int { return len(d.All(sel)) }

// Text returns the text of the first element matching sel, spaces
// collapsed; "" when none matches.
func (d *Doc) Text(sel string) string { return Text(d.First(sel)) }

// Texts returns the text of every element matching sel.
func (d *Doc) Texts(sel string) []string {
	var out []string
	for _, n := range d.All(sel) {
		out = append(out, Text(n))
	}
	return out
}

// Attr returns attribute name of the first element matching sel, "" when
// none matches or it has no such attribute.
func (d *Doc) Attr(sel, name string) string { return Attr(d.First(sel), name) }

// Attrs returns attribute name of every element matching sel that has it.
func (d *Doc) Attrs(sel, name string) []string {
	var out []string
	for _, n := range d.All(sel) {
		if v, ok := attr(n, name); ok {
			out = append(out, v)
		}
	}
	return out
}

// Text returns the text inside n, spaces collapsed; "" for nil.
func Text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// Attr returns attribute name of n, "" for nil or when absent.
func Attr(n *html.Node, name string) string {
	v, _ := attr(n, name)
	return v
}

func attr(n *html.Node, name string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// step is one compound selector.
type step struct {
	tag     string
	id      string
	classes []string
	attrs   [][2]string // name, value; value "\x00" for presence only
}

func parseSelector(sel string) []step {
	var steps []step
	for _, part := range strings.Fields(sel) {
		var s step
		for part != "" {
			switch part[0] {
			case '.', '#':
				end := strings.IndexAny(part[1:], ".#[")
				if end < 0 {
					end = len(part) - 1
				}
				name := part[1 : end+1]
				if part[0] == '.' {
					s.classes = append(s.classes, name)
				} else {
					s.id = name
				}
				part = part[end+1:]
			case '[':
				end := strings.IndexByte(part, ']')
				if end < 0 {
					end = len(part)
				}
				k, v, ok := strings.Cut(part[1:end], "=")
				if !ok {
					v = "\x00"
				}
				s.attrs = append(s.attrs, [2]string{k, strings.Trim(v, `"'`)})
				part = part[min(end+1, len(part)):]
			default:
				end := strings.IndexAny(part, ".#[")
				if end < 0 {
					end = len(part)
				}
				s.tag = part[:end]
				part = part[end:]
			}
		}
		steps = append(steps, s)
	}
	return steps
}

func (s step) match(n *html.Node) bool {
	if s.tag != "" && n.Data != s.tag {
		return false
	}
	if s.id != "" && Attr(n, "id") != s.id {
		return false
	}
	classes := strings.Fields(Attr(n, "class"))
	for _, c := range s.classes {
		found := false
		for _, have := range classes {
			found = found || have == c
		}
		if !found {
			return false
		}
	}
	for _, a := range s.attrs {
		v, ok := attr(n, a[0])
		if !ok || a[1] != "\x00" && v != a[1] {
			return false
		}
	}
	return true
}

// matchPath reports whether n matches the last step and its ancestors the
// earlier ones, in order.
func matchPath(steps []step, n *html.Node, ancestors []*html.Node) bool {
	if len(steps) == 0 || !steps[len(steps)-1].match(n) {
		return false
	}
	i := len(steps) - 2
	for j := len(ancestors) - 1; j >= 0 && i >= 0; j-- {
		if ancestors[j].Type == html.ElementNode && steps[i].match(ancestors[j]) {
			i--
		}
	}
	return i < 0
}

// Phrase is something a reader of the page hears: a text node, or an
// aria-label, alt or placeholder attribute (of an empty field: the
// placeholder of one with a value is not shown), with the language a screen
// reader reads it in — the value of the nearest lang attribute, on its
// element or an ancestor. Where names the element ("p.meta",
// "input[placeholder]").
type Phrase struct {
	Text, Lang, Where string
}

// Phrases returns every phrase of the page's body (scripts and styles
// left out), in document order, spaces collapsed.
func (d *Doc) Phrases() []Phrase {
	var out []Phrase
	var walk func(n *html.Node, lang string)
	walk = func(n *html.Node, lang string) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "head", "script", "style":
				return
			}
			if l, ok := attr(n, "lang"); ok {
				lang = l
			}
			for _, name := range []string{"aria-label", "placeholder", "alt"} {
				if v, ok := attr(n, "value"); name == "placeholder" && ok && v != "" {
					continue // a placeholder shows only in an empty field
				}
				if v, ok := attr(n, name); ok && strings.TrimSpace(v) != "" {
					out = append(out, Phrase{Text: strings.Join(strings.Fields(v), " "), Lang: lang, Where: n.Data + "[" + name + "]"})
				}
			}
		}
		if n.Type == html.TextNode {
			if t := strings.Join(strings.Fields(n.Data), " "); t != "" {
				where := ""
				if p := n.Parent; p != nil {
					where = p.Data
					if c, ok := attr(p, "class"); ok && c != "" {
						where += "." + strings.Join(strings.Fields(c), ".")
					}
				}
				out = append(out, Phrase{Text: t, Lang: lang, Where: where})
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, lang)
		}
	}
	walk(d.root, "")
	return out
}
