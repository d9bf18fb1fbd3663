package content

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// The nodes other tools' syntax turns into. Everything they render is
// plain HTML elements and attributes (div, details, summary, figure,
// figcaption, img, a with class, id, open, aria-*): no inline style, no
// iframe, no script, so the site's HTML policy keeps them as they are.

// admonitionKind maps the callout names of Obsidian, Hugo themes,
// Docusaurus, MkDocs Material, VitePress and DocFX to one of the five
// GitHub alert types Guichet styles; ok is false for an unknown name.
func admonitionKind(name string) (kind string, ok bool) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "note", "info", "information", "abstract", "summary", "tldr", "todo", "question", "help", "faq",
		"example", "quote", "cite", "seealso", "see-also", "secondary", "primary", "notice", "light", "dark", "default", "blue":
		return "note", true
	case "tip", "hint", "success", "check", "done", "good", "positive", "green":
		return "tip", true
	case "important":
		return "important", true
	case "warning", "warn", "caution", "attention", "orange", "yellow":
		return "warning", true
	case "danger", "error", "failure", "fail", "failed", "missing", "bug", "critical", "red":
		return "caution", true
	}
	return "", false
}

// kindBox is the goldmark node kind of a box.
var kindBox = ast.NewNodeKind("Box")

// box is a block another tool wraps content in. Tag "" keeps only the
// content (DocFX monikers and zones, a Hugo shortcode Guichet does not
// know); "div" wraps it with Class (columns); "details" makes it a
// collapsible section titled Summary (Hugo's details, content tabs).
type box struct {
	ast.BaseBlock
	Tag     string
	Class   string
	Summary string
	Open    bool

	fence   blockFence  // how the block ends, while it is parsed
	image   ast.Node    // the image a DocFX complex image describes, while parsed
	include *includeRef // a snippet to include here, while parsed
}

// Kind implements ast.Node.
func (n *box) Kind() ast.NodeKind { return kindBox }

// Dump implements ast.Node.
func (n *box) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Tag": n.Tag, "Class": n.Class, "Summary": n.Summary}, nil)
}

// blockFence is how a container block of another tool ends: at a closing
// line (closes reports it) or, for indented blocks (MkDocs), at the first
// line indented less than indent.
type blockFence struct {
	closes func(line []byte) bool
	indent int // > 0: an indented block
	// until is the source offset the opening tag runs to, when it spans
	// several lines (a Hugo shortcode with its arguments on lines of their
	// own).
	until int
	// dedent: the block's content may be indented as a whole (DocFX rows,
	// columns, monikers, zones and complex images, written indented under
	// their marker): the indentation of its first non-blank line is taken
	// off every line, as DocFX does, so it is read as Markdown rather than
	// as an indented code block. strip is that indentation once known (-1
	// before).
	dedent bool
	strip  int
	// opened is the place that opened the block and closer what closes it
	// (":::", "::: zone-end"), for the warning when it never is; closed
	// once its closing line was read.
	opened srcPos
	closer string
	closed bool
}

// kindFigure is the goldmark node kind of a figure.
var kindFigure = ast.NewNodeKind("Figure")

// figure is an image with a caption (Hugo's figure shortcode). Its first
// child is the image (or a link around it); Caption is plain text.
type figure struct {
	ast.BaseBlock
	Caption string
}

// Kind implements ast.Node.
func (n *figure) Kind() ast.NodeKind { return kindFigure }

// Dump implements ast.Node.
func (n *figure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Caption": n.Caption}, nil)
}

// kindRawHTML is the goldmark node kind of HTML Guichet rendered itself.
var kindRawHTML = ast.NewNodeKind("GuichetHTML")

// rawHTML is HTML rendered by Guichet (an included file), written as is.
type rawHTML struct {
	ast.BaseBlock
	HTML   string
	Inline bool
	out    *Output // what the included file rendered into
}

// Kind implements ast.Node.
func (n *rawHTML) Kind() ast.NodeKind { return kindRawHTML }

// Type implements ast.Node: an included file is a block, an inline
// include is inline.
func (n *rawHTML) Type() ast.NodeType {
	if n.Inline {
		return ast.TypeInline
	}
	return ast.TypeBlock
}

// IsRaw implements ast.Node.
func (n *rawHTML) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *rawHTML) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"HTML": n.HTML}, nil)
}

// blockRenderer renders boxes, figures and included HTML.
type blockRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (blockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindBox, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*box)
		switch n.Tag {
		case "div":
			if entering {
				_, _ = w.WriteString(`<div class="` + string(util.EscapeHTML([]byte(n.Class))) + `">` + "\n")
			} else {
				_, _ = w.WriteString("</div>\n")
			}
		case "details":
			if entering {
				_, _ = w.WriteString("<details")
				if n.Class != "" {
					_, _ = w.WriteString(` class="` + string(util.EscapeHTML([]byte(n.Class))) + `"`)
				}
				if n.Open {
					_, _ = w.WriteString(" open")
				}
				_, _ = w.WriteString("><summary>")
				_, _ = w.Write(util.EscapeHTML([]byte(emojify(n.Summary))))
				_, _ = w.WriteString("</summary>\n")
			} else {
				_, _ = w.WriteString("</details>\n")
			}
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindFigure, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*figure)
		if entering {
			_, _ = w.WriteString("<figure>\n")
		} else {
			if n.Caption != "" {
				_, _ = w.WriteString("\n<figcaption>")
				_, _ = w.Write(util.EscapeHTML([]byte(n.Caption)))
				_, _ = w.WriteString("</figcaption>")
			}
			_, _ = w.WriteString("\n</figure>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindKeys, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			for i, k := range node.(*keys).Keys {
				if i > 0 {
					_ = w.WriteByte('+')
				}
				_, _ = w.WriteString("<kbd>")
				_, _ = w.Write(util.EscapeHTML([]byte(k)))
				_, _ = w.WriteString("</kbd>")
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(kindRawHTML, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(node.(*rawHTML).HTML)
		}
		return ast.WalkSkipChildren, nil
	})
}
