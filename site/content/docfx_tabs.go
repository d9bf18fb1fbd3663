package content

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// docfxTabs makes DocFX's tabbed sections tabs: a heading whose only
// content is a link to `#tab/…` (`# [Windows](#tab/windows)`) is a tab
// labelled by the link's text, holding what follows it up to the next
// heading of its level or above (the next tab's, or the section after
// the group) or the `---` line that closes the group, which is left out.
// They were shown as headings linking to nowhere, and the `---` as a rule.
func (d *doc) docfxTabs(root *ast.Document) {
	var parents []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if _, tab := d.tabHeading(h); tab && (len(parents) == 0 || parents[len(parents)-1] != h.Parent()) {
				parents = append(parents, h.Parent())
			}
		}
		return ast.WalkContinue, nil
	})
	for _, p := range parents {
		var cur *box
		level := 0
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			h, isHeading := c.(*ast.Heading)
			label, tab := "", false
			if isHeading {
				label, tab = d.tabHeading(h)
			}
			switch {
			case tab:
				b := &box{Tag: "details", Class: tabClass, Summary: label}
				if cur == nil {
					b.Class = tabClass + " tab-first"
				}
				p.ReplaceChild(p, h, b)
				cur, level = b, h.Level
			case cur == nil:
			case isHeading && h.Level <= level:
				cur = nil
			case c.Kind() == ast.KindThematicBreak:
				p.RemoveChild(p, c)
				cur = nil
			default:
				cur.AppendChild(cur, c)
			}
			c = next
		}
	}
}

// tabHeading returns the label of a DocFX tab heading, whose only content
// is a link to `#tab/…`.
func (d *doc) tabHeading(h *ast.Heading) (string, bool) {
	l, ok := h.FirstChild().(*ast.Link)
	if !ok || l.NextSibling() != nil || !strings.HasPrefix(string(l.Destination), "#tab/") {
		return "", false
	}
	label := inlineText(l, d.src)
	if label == "" {
		label = d.word(wordTab)
	}
	return label, true
}
