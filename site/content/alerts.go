package content

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// kindCallout is the goldmark node kind of a GitHub alert block.
var kindCallout = ast.NewNodeKind("Callout")

// callout is a GitHub alert (`> [!NOTE]`) turned into a titled box.
type callout struct {
	ast.BaseBlock
	Alert string // note, tip, important, warning, caution
	Title string // in the article's locale
}

// Kind implements ast.Node.
func (n *callout) Kind() ast.NodeKind { return kindCallout }

// Dump implements ast.Node.
func (n *callout) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Alert": n.Alert}, nil)
}

// alertMarker matches the first line of a GitHub alert.
var alertMarker = regexp.MustCompile(`^[ \t]*\[!(?i:(note|tip|important|warning|caution))\][ \t]*\r?\n?$`)

// calloutTitle returns the title of alert type typ in locale, using the
// language of a regional locale ("fr-CA") and English for languages
// without translations.
func calloutTitle(typ, locale string) string {
	lang, _, _ := strings.Cut(locale, "-")
	if lang == "fr" {
		switch typ {
		case "note":
			return "Remarque"
		case "tip":
			return "Astuce"
		case "important":
			return "Important"
		case "warning":
			return "Avertissement"
		case "caution":
			return "Attention"
		}
	}
	switch typ {
	case "note":
		return "Note"
	case "tip":
		return "Tip"
	case "important":
		return "Important"
	case "warning":
		return "Warning"
	}
	return "Caution"
}

// alerts replaces blockquotes that open with an alert marker by callouts.
func (d *doc) alerts(root *ast.Document, src []byte) {
	var quotes []*ast.Blockquote
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		p, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		first := p.Lines().At(0)
		m := alertMarker.FindSubmatch(first.Value(src))
		if m == nil {
			continue
		}
		typ := string(bytes.ToLower(m[1]))
		end := first.Stop
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			t, ok := c.(*ast.Text)
			if !ok || t.Segment.Start >= end {
				break
			}
			if t.Segment.Stop > end {
				t.Segment = t.Segment.WithStart(end)
				break
			}
			p.RemoveChild(p, c)
			c = next
		}
		if p.ChildCount() == 0 {
			q.RemoveChild(q, p)
		}
		c := &callout{Alert: typ, Title: calloutTitle(typ, d.in.Locale)}
		for ch := q.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			c.AppendChild(c, ch)
			ch = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, c)
	}
}

// calloutRenderer renders callout nodes.
type calloutRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCallout, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		c := n.(*callout)
		if entering {
			_, _ = w.WriteString(`<div class="callout callout-` + c.Alert + `" role="note"><p class="callout-title">`)
			_, _ = w.Write(util.EscapeHTML([]byte(c.Title)))
			_, _ = w.WriteString("</p>\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
