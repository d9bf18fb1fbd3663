package content

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// inlineText is the plain text of n's inline content, entities resolved.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	writeInline(&b, n, src, false)
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

func writeInline(b *strings.Builder, n ast.Node, src []byte, code bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(src)
			if !code && !c.IsRaw() {
				v = util.UnescapePunctuations(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			writeInline(b, c, src, true)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML, *ast.Image:
			// markup and pictures carry no readable text
		default:
			writeInline(b, c, src, code)
		}
	}
}

// plainText fills Text and Sections: the readable text of the body, one
// line per paragraph, list item, table cell or code line, split at headings.
func (d *doc) plainText(root *ast.Document, src []byte) {
	var sections []site.Section
	var cur strings.Builder
	cur.Grow(len(src) / 2)
	heading := site.Heading{}
	hi := 0
	lines := 0         // lines written in the current section
	var verbatim []int // which of them are table cells or code
	flush := func() {
		t := strings.TrimSpace(cur.String())
		if t != "" || heading.ID != "" {
			sections = append(sections, site.Section{Heading: heading, Text: t, Verbatim: verbatim})
		}
		cur.Reset()
		lines, verbatim = 0, nil
	}
	line := func(s string, prose bool) {
		if s = strings.TrimSpace(s); s != "" {
			if !prose {
				verbatim = append(verbatim, lines)
			}
			cur.WriteString(s)
			cur.WriteByte('\n')
			lines++
		}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			flush()
			if hi < len(d.out.Headings) {
				heading = d.out.Headings[hi]
				hi++
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				line(string(seg.Value(src)), false)
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			t := inlineText(n, src)
			if _, ok := n.(*ast.Paragraph); ok && d.out.lead == "" && t != "" {
				d.out.lead = t
			}
			line(t, true)
			return ast.WalkSkipChildren, nil
		}
		if isTableCell(n) {
			line(inlineText(n, src), false)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	flush()
	d.out.Sections = sections
	var all strings.Builder
	all.Grow(len(src))
	for _, s := range sections {
		if s.Heading.Text != "" {
			all.WriteString(s.Heading.Text)
			all.WriteByte('\n')
		}
		if s.Text != "" {
			all.WriteString(s.Text)
			all.WriteByte('\n')
		}
	}
	d.out.Text = strings.TrimSpace(all.String())
}

// sameTitle compares two titles ignoring case, punctuation and spacing.
func sameTitle(a, b string) bool {
	return foldTitle(a) == foldTitle(b)
}

func foldTitle(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// maxDescription is the longest description derived from a body.
const maxDescription = 160

// summary returns the first sentence of text, at most maxDescription bytes,
// cut at a word boundary with an ellipsis when too long.
func summary(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ') {
			// "e.g. " and "1. " do not end a sentence.
			if c == '.' && i >= 1 && (isAbbrev(text[:i])) {
				continue
			}
			text = text[:i+1]
			break
		}
	}
	if len(text) <= maxDescription {
		return text
	}
	cut := text[:maxDescription-len("…")]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, ' '); i > maxDescription/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

// isAbbrev reports whether the word before a period looks like an
// abbreviation rather than the end of a sentence.
func isAbbrev(before string) bool {
	w := before
	if i := strings.LastIndexByte(before, ' '); i >= 0 {
		w = before[i+1:]
	}
	switch strings.ToLower(w) {
	case "e.g", "i.e", "etc", "vs", "ex", "p. ex", "mr", "mrs", "dr", "no":
		return true
	}
	return len(w) == 1
}
