package content

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Footnotes ("text[^1]" and "[^1]: note", as on GitHub) are parsed by
// goldmark's footnote extension and rendered here, at the end of the
// article, with ids an article's headings never take (fn-1, fnref-1) and
// labels in the article's locale. Their text stays out of the description,
// search text and snippets (see plainText).

// footnoteID is the id of footnote n; footnoteRefID of its ref-th mention
// (0 for the first).
func footnoteID(n int) string { return "fn-" + strconv.Itoa(n) }

func footnoteRefID(n, ref int) string {
	if ref == 0 {
		return "fnref-" + strconv.Itoa(n)
	}
	return "fnref-" + strconv.Itoa(n) + "-" + strconv.Itoa(ref)
}

// footnoteIDs lists every id the footnotes of root use, so that headings
// can avoid them.
func footnoteIDs(root ast.Node) []string {
	var ids []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.FootnoteLink:
			ids = append(ids, footnoteRefID(n.Index, n.RefIndex))
		case *east.Footnote:
			ids = append(ids, footnoteID(n.Index))
		}
		return ast.WalkContinue, nil
	})
	return ids
}

// labelFootnotes gives the footnote list and its back links their
// accessible names in the article's words.
func (d *doc) labelFootnotes(root ast.Node) {
	list, back := d.word(wordFootnotes), d.word(wordBackToText)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.FootnoteList:
			n.SetAttributeString("aria-label", []byte(list))
		case *east.FootnoteBacklink:
			n.SetAttributeString("aria-label", []byte(back))
		}
		return ast.WalkContinue, nil
	})
}

// footnoteRenderer renders goldmark's footnote nodes.
type footnoteRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (footnoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteLink, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			n := node.(*east.FootnoteLink)
			is := strconv.Itoa(n.Index)
			_, _ = w.WriteString(`<sup class="footnote-ref" id="` + footnoteRefID(n.Index, n.RefIndex) + `"><a href="#` + footnoteID(n.Index) + `">` + is + `</a></sup>`)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindFootnoteBacklink, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			n := node.(*east.FootnoteBacklink)
			label, _ := n.AttributeString("aria-label")
			b, _ := label.([]byte)
			_, _ = w.WriteString(` <a class="footnote-back" href="#` + footnoteRefID(n.Index, n.RefIndex) + `" aria-label="`)
			_, _ = w.Write(util.EscapeHTML(b))
			_, _ = w.WriteString(`">↩</a>`)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindFootnote, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<li id="` + footnoteID(node.(*east.Footnote).Index) + `">` + "\n")
		} else {
			_, _ = w.WriteString("</li>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindFootnoteList, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			label, _ := node.AttributeString("aria-label")
			b, _ := label.([]byte)
			_, _ = w.WriteString(`<section class="footnotes" aria-label="`)
			_, _ = w.Write(util.EscapeHTML(b))
			_, _ = w.WriteString("\">\n<ol>\n")
		} else {
			_, _ = w.WriteString("</ol>\n</section>\n")
		}
		return ast.WalkContinue, nil
	})
}
