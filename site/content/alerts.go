package content

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindCallout is the goldmark node kind of a GitHub alert block.
var kindCallout = ast.NewNodeKind("Callout")

// callout is a GitHub alert (`> [!NOTE]`) turned into a titled box; the
// admonitions of other tools become callouts too. A foldable callout
// (`> [!NOTE]-`, MkDocs' `???`) is a <details>, open when Open.
type callout struct {
	ast.BaseBlock
	Alert    string // note, tip, important, warning, caution
	Title    string // in the article's locale, or the writer's own
	Foldable bool
	Open     bool

	fence blockFence // how the block ends, while it is parsed
	// own: Title is the writer's (a Hugo shortcode's title argument, or
	// one not found as written for a titleNode), not the kind's name.
	own bool
}

// Kind implements ast.Node.
func (n *callout) Kind() ast.NodeKind { return kindCallout }

// Dump implements ast.Node.
func (n *callout) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Alert": n.Alert, "Title": n.Title}, nil)
}

// newCallout makes a callout of an admonition kind, titled title or, when
// empty, by its kind in d's words (calloutTitle).
func newCallout(kind, title string, d *doc) *callout {
	if title == "" {
		title = d.calloutTitle(kind)
	}
	return &callout{Alert: kind, Title: title}
}

// kindCalloutTitle is the goldmark node kind of a callout's title as its
// author wrote it, read as inline Markdown ("Hot **surface**").
var kindCalloutTitle = ast.NewNodeKind("CalloutTitle")

// titleNode is the title a callout's author wrote, first child of the
// callout: inline Markdown, as GitHub, Docusaurus and MkDocs read it.
type titleNode struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *titleNode) Kind() ast.NodeKind { return kindCalloutTitle }

// Dump implements ast.Node.
func (n *titleNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// titleAt gives c the title written in source at the end of line (seg
// is where line starts in source), when title is found there as written:
// the parser then reads it as inline Markdown. Otherwise c keeps title
// as text.
func (c *callout) titleAt(title string, line []byte, seg text.Segment, source []byte) {
	i := strings.LastIndex(string(line), title)
	if title == "" || i < 0 || seg.Padding != 0 {
		return
	}
	start, stop := seg.Start+i, seg.Start+i+len(title)
	if stop > len(source) || string(source[start:stop]) != title {
		return
	}
	t := &titleNode{}
	t.Lines().Append(text.NewSegment(start, stop))
	c.AppendChild(c, t)
}

// takeTitle moves the inline nodes of parent written from offset from up to
// end (the marker line: "> [!WARNING] Hot **surface**") into a title of
// c, and removes those before from (the marker). A node without a
// position goes with the one before it.
func (c *callout) takeTitle(parent ast.Node, from, end int) {
	t := &titleNode{}
	onLine := true
	for ch := parent.FirstChild(); ch != nil && onLine; {
		next := ch.NextSibling()
		start, ok := inlineStart(ch)
		if ok && start >= end {
			break
		}
		if tx, isText := ch.(*ast.Text); isText {
			onLine = !tx.SoftLineBreak() && !tx.HardLineBreak() && tx.Segment.Stop < end
			if tx.Segment.Stop > end {
				// The rest of the text is on the next line: split it there.
				rest := ast.NewTextSegment(tx.Segment.WithStart(end))
				rest.SetSoftLineBreak(tx.SoftLineBreak())
				rest.SetHardLineBreak(tx.HardLineBreak())
				parent.InsertAfter(parent, tx, rest)
				next = rest
				tx.Segment = tx.Segment.WithStop(end)
				onLine = false
			}
			tx.SetSoftLineBreak(false)
			tx.SetHardLineBreak(false)
			if tx.Segment.Stop <= from {
				parent.RemoveChild(parent, ch)
				ch = next
				continue
			}
			if tx.Segment.Start < from {
				tx.Segment = tx.Segment.WithStart(from)
			}
		} else if last := lastText(ch); last != nil && (last.SoftLineBreak() || last.HardLineBreak()) {
			last.SetSoftLineBreak(false)
			last.SetHardLineBreak(false)
			onLine = false
		}
		t.AppendChild(t, ch)
		ch = next
	}
	if t.HasChildren() {
		c.InsertBefore(c, c.FirstChild(), t)
	}
}

// inlineStart returns where inline node n starts in the source: its first
// text's (or raw HTML's) offset; false when nothing in it has one.
func inlineStart(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Start, true
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			return n.Segments.At(0).Start, true
		}
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if s, ok := inlineStart(ch); ok {
			return s, true
		}
	}
	return 0, false
}

// lastText returns the last text node inside n, nil when none.
func lastText(n ast.Node) *ast.Text {
	for ch := n.LastChild(); ch != nil; ch = ch.PreviousSibling() {
		if t, ok := ch.(*ast.Text); ok {
			return t
		}
		if t := lastText(ch); t != nil {
			return t
		}
	}
	return nil
}

// alertMarker matches the first line of a GitHub alert, with the Obsidian
// extensions Hugo also renders: any callout name, a fold mark (+ open, -
// closed) and a title ("> [!WARNING]+ Radiation hazard").
var alertMarker = regexp.MustCompile(`^[ \t]*\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*(.*?)[ \t]*\r?\n?$`)

// divMarker matches DocFX's `> [!div class="…"]`; videoMarker its
// `> [!VIDEO https://…]`.
var (
	divMarker   = regexp.MustCompile(`(?i)^[ \t]*\[!div(?:[ \t]+class=["']([^"']*)["'])?[ \t]*\][ \t]*\r?\n?$`)
	videoMarker = regexp.MustCompile(`(?i)^[ \t]*\[!video[ \t]+(https?://[^\s\]]+)[ \t]*\][ \t]*\r?\n?$`)
)

// calloutTitle returns the title of an untitled callout of kind typ (note,
// tip, important, warning, caution) in the article's locale: the
// interface string callout_<typ>, the content folder's i18n/<locale>.yaml
// over the theme's, with the fallbacks of every interface string (a
// regional locale's language, the site's default locale, English); one
// the site leaves blank is the default theme's. A nil d (no document being
// rendered) gives the English title.
func (d *doc) calloutTitle(typ string) string {
	key := calloutKey(typ)
	if d == nil {
		kind := strings.TrimPrefix(key, "callout_")
		return strings.ToUpper(kind[:1]) + kind[1:]
	}
	return d.word(key)
}

// calloutKey is the interface string that titles an untitled callout of
// kind typ; an unknown kind is a caution, as its style is.
func calloutKey(typ string) string {
	switch typ {
	case "note":
		return "callout_note"
	case "tip":
		return "callout_tip"
	case "important":
		return "callout_important"
	case "warning":
		return "callout_warning"
	}
	return "callout_caution"
}

// locale is the locale of the article being rendered, "" when none is.
func (d *doc) locale() string {
	if d == nil {
		return ""
	}
	return d.in.Locale
}

// alerts replaces blockquotes that open with an alert marker by callouts,
// DocFX's [!div] blockquotes by their content and its [!VIDEO] ones by a
// link to the video.
func (d *doc) alerts(root *ast.Document, src []byte) {
	var quotes []*ast.Blockquote
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		if dl, ok := q.FirstChild().(*east.DefinitionList); ok {
			// "> [!WARNING]" then "> : text" reads as a definition list:
			// the marker is its term.
			d.alertDefinitionList(q, dl, src)
			continue
		}
		p, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		first := p.Lines().At(0)
		line := first.Value(src)
		var repl ast.Node
		if m := alertMarker.FindSubmatch(line); m != nil {
			typ := strings.ToLower(string(m[1]))
			if typ != "note" && typ != "tip" && typ != "important" && typ != "warning" && typ != "caution" {
				k, ok := admonitionKind(typ)
				if !ok {
					continue
				}
				typ = k
			}
			c := newCallout(typ, strings.TrimSpace(string(m[3])), d)
			c.Foldable, c.Open = len(m[2]) > 0, string(m[2]) == "+"
			if len(bytes.TrimSpace(m[3])) > 0 {
				// The title is the rest of the marker line, Markdown and all.
				c.takeTitle(p, first.Start+alertMarker.FindSubmatchIndex(line)[6], first.Stop)
			}
			repl = c
		} else if m := divMarker.FindSubmatch(line); m != nil {
			repl = &box{}
		} else if m := videoMarker.FindSubmatch(line); m != nil {
			b := &box{}
			link := ast.NewLink()
			link.Destination = m[1]
			link.AppendChild(link, ast.NewString([]byte(d.word(wordWatchVideo))))
			para := ast.NewParagraph()
			para.AppendChild(para, link)
			b.AppendChild(b, para)
			repl = b
		} else {
			continue
		}
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
		for ch := q.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			repl.AppendChild(repl, ch)
			ch = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, repl)
	}
}

// alertDefinitionList turns a blockquote holding a definition list whose
// only term is an alert marker into a callout of the descriptions.
func (d *doc) alertDefinitionList(q *ast.Blockquote, dl *east.DefinitionList, src []byte) {
	term, ok := dl.FirstChild().(*east.DefinitionTerm)
	if !ok || term.Lines().Len() != 1 {
		return
	}
	seg := term.Lines().At(0)
	m := alertMarker.FindSubmatch(seg.Value(src))
	if m == nil {
		return
	}
	typ := strings.ToLower(string(m[1]))
	if typ != "note" && typ != "tip" && typ != "important" && typ != "warning" && typ != "caution" {
		if typ, ok = admonitionKind(typ); !ok {
			return
		}
	}
	c := newCallout(typ, strings.TrimSpace(string(m[3])), d)
	for desc := term.NextSibling(); desc != nil; desc = desc.NextSibling() {
		if _, ok := desc.(*east.DefinitionDescription); !ok {
			return // another term: a real definition list
		}
	}
	if len(bytes.TrimSpace(m[3])) > 0 {
		c.takeTitle(term, seg.Start+alertMarker.FindSubmatchIndex(seg.Value(src))[6], seg.Stop)
	}
	for desc := term.NextSibling(); desc != nil; {
		next := desc.NextSibling()
		for ch := desc.FirstChild(); ch != nil; {
			nc := ch.NextSibling()
			if tb, ok := ch.(*ast.TextBlock); ok {
				// A tight description: its text as a paragraph.
				p := ast.NewParagraph()
				p.SetLines(tb.Lines())
				for in := tb.FirstChild(); in != nil; {
					ni := in.NextSibling()
					p.AppendChild(p, in)
					in = ni
				}
				c.AppendChild(c, p)
			} else {
				c.AppendChild(c, ch)
			}
			ch = nc
		}
		desc = next
	}
	q.RemoveChild(q, dl)
	for ch := q.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		c.AppendChild(c, ch)
		ch = next
	}
	q.Parent().ReplaceChild(q.Parent(), q, c)
}

// stripDocfxMarkers removes DocFX's [!div] marker line from any paragraph
// it starts (inside a callout, a list…), keeping what follows, and turns a
// paragraph that is only a [!VIDEO] marker into a link.
func (d *doc) stripDocfxMarkers(root *ast.Document, src []byte) {
	var paras []*ast.Paragraph
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering {
			if p.Lines().Len() > 0 {
				paras = append(paras, p)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		first := p.Lines().At(0)
		line := first.Value(src)
		video := videoMarker.FindSubmatch(line)
		if video == nil && !divMarker.Match(line) {
			continue
		}
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
		if video != nil {
			link := ast.NewLink()
			link.Destination = video[1]
			link.AppendChild(link, ast.NewString([]byte(d.word(wordWatchVideo))))
			p.InsertBefore(p, p.FirstChild(), link)
		}
		if p.ChildCount() == 0 {
			p.Parent().RemoveChild(p.Parent(), p)
		}
	}
}

// calloutRenderer renders callout nodes.
type calloutRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCallout, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		c := n.(*callout)
		_, written := c.FirstChild().(*titleNode) // the title the author wrote, rendered as its own node
		switch {
		case entering && c.Foldable:
			_, _ = w.WriteString(`<details class="callout callout-` + c.Alert + `"`)
			if c.Open {
				_, _ = w.WriteString(" open")
			}
			_, _ = w.WriteString(">")
			if !written {
				_, _ = w.WriteString(`<summary class="callout-title">`)
				_, _ = w.Write(util.EscapeHTML([]byte(c.Title)))
				_, _ = w.WriteString("</summary>\n")
			}
		case entering:
			_, _ = w.WriteString(`<div class="callout callout-` + c.Alert + `" role="note">`)
			if !written && c.Title != "" {
				_, _ = w.WriteString(`<p class="callout-title">`)
				_, _ = w.Write(util.EscapeHTML([]byte(c.Title)))
				_, _ = w.WriteString("</p>")
			}
			if !written {
				_, _ = w.WriteString("\n")
			}
		case c.Foldable:
			_, _ = w.WriteString("</details>\n")
		default:
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindCalloutTitle, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		tag := "p"
		if c, ok := n.Parent().(*callout); ok && c.Foldable {
			tag = "summary"
		}
		if entering {
			_, _ = w.WriteString("<" + tag + ` class="callout-title">`)
		} else {
			_, _ = w.WriteString("</" + tag + ">\n")
		}
		return ast.WalkContinue, nil
	})
}
