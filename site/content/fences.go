package content

import (
	"bytes"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// colonFenceParser reads the block syntax other tools open with ":::".
//
// Microsoft Docs (DocFX): `:::image type="complex" …:::` … `:::image-end:::`
// (an image with a long description), `:::row:::`/`:::column:::` (columns),
// `::: moniker range="…"` … `::: moniker-end` and `::: zone pivot="…"` …
// `::: zone-end` (versions and platforms: every version is shown).
// Docusaurus and VitePress: admonitions `:::note Title` or `:::tip[Title]`
// … `:::`, and VitePress's `::: details Title`.
//
// Single-line `:::image …:::` and `:::no-loc …:::` are inline (docfx.go).
type colonFenceParser struct{}

// Trigger implements parser.BlockParser.
func (colonFenceParser) Trigger() []byte { return []byte{':'} }

// colonFence reads a line starting with ":::": the number of colons and
// what follows them, trimmed.
func colonFence(line []byte) (n int, rest string) {
	for n < len(line) && line[n] == ':' {
		n++
	}
	return n, string(bytes.TrimSpace(line[n:]))
}

// docfxBlock matches a DocFX marker line `:::name attrs:::` or
// `::: name attrs` and returns name and attributes.
func docfxBlock(rest string) (name, attrs string) {
	rest = strings.TrimSpace(strings.TrimSuffix(rest, ":::"))
	name, attrs, _ = strings.Cut(rest, " ")
	return strings.ToLower(name), strings.TrimSpace(attrs)
}

// Open implements parser.BlockParser.
func (colonFenceParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	n, rest := colonFence(line[pos:])
	if n < 3 {
		return nil, parser.NoChildren
	}
	d, _ := pc.Get(docKey).(*doc)
	closing := func(match func(rest string) bool) func([]byte) bool {
		return func(l []byte) bool {
			t := bytes.TrimSpace(l)
			m, r := colonFence(t)
			return m >= 3 && match(r)
		}
	}
	end := func(name string) func([]byte) bool {
		return closing(func(r string) bool {
			got, _ := docfxBlock(r)
			return got == name
		})
	}
	name, attrs := docfxBlock(rest)
	var node ast.Node
	state := parser.HasChildren
	switch name {
	case "image":
		a := parseAttrs(attrs)
		if !strings.EqualFold(a["type"], "complex") {
			if d != nil && !strings.Contains(rest, ":::") {
				d.warnf(site.KindUnclosed, d.lines.at(seg.Start),
					":::image has no closing ::: on its line: it is shown as written; end the image with :::")
			}
			return nil, parser.NoChildren // an inline image
		}
		b := &box{Tag: "details", Class: "image-description", fence: indented(end("image-end"))}
		if d != nil {
			b.Summary = d.word(wordImageDescription)
		}
		b.image = docfxImage(a)
		b.image.SetPos(seg.Start) // its paragraph is made later, without source lines
		node = b
	case "no-loc":
		return nil, parser.NoChildren
	case "row":
		node = &box{Tag: "div", Class: "columns", fence: indented(end("row-end"))}
	case "column":
		node = &box{Tag: "div", Class: "column", fence: indented(end("column-end"))}
	case "moniker", "zone":
		node = &box{fence: indented(end(name + "-end"))}
	case "image-end", "row-end", "column-end", "moniker-end", "zone-end", "":
		// A closing line without its opening: nothing to show.
		node, state = &box{}, parser.NoChildren
		if d != nil {
			d.syntaxWarning(":::", d.lines.at(seg.Start), "%s closes a block that was never opened: it is left out", strings.TrimSpace(string(line[pos:])))
		}
	default:
		// Docusaurus: `:::tip Title`, `:::tip[Title]`; VitePress: `::: tip Title`, `::: details Title`.
		word, title := admonitionHead(rest)
		fence := blockFence{closes: closing(func(r string) bool { return r == "" })}
		if n > 3 {
			// `::::` wraps nested admonitions and closes only with as many colons.
			fence.closes = func(l []byte) bool {
				m, r := colonFence(bytes.TrimSpace(l))
				return m >= n && r == ""
			}
		}
		switch kind, ok := admonitionKind(word); {
		case strings.EqualFold(word, "details"):
			node = &box{Tag: "details", Summary: title, fence: fence}
			if title == "" && d != nil {
				node.(*box).Summary = d.word(wordDetails)
			}
		case ok:
			written := title
			if title == "" {
				// Docusaurus and VitePress title a block by its type
				// (":::info" reads "Info", ":::danger" "Danger").
				title = admonitionTypeTitle(word, d)
			}
			c := newCallout(kind, title, d)
			c.own = written != ""
			c.titleAt(written, line, seg, reader.Source())
			c.fence = fence
			node = c
		default:
			node = &box{fence: fence}
			if d != nil {
				d.syntaxWarning(":::"+word, d.lines.at(seg.Start), ":::%s is not a kind of block Guichet knows: its content is shown without it", word)
			}
		}
	}
	if f := fenceOf(node); f != nil && f.closes != nil && d != nil {
		f.opened = d.lines.at(seg.Start)
		switch name {
		case "image", "row", "column", "moniker", "zone":
			f.closer = "::: " + name + "-end"
		default:
			f.closer = strings.Repeat(":", n)
		}
	}
	reader.AdvanceToEOL()
	return node, state
}

// admonitionHead splits the head of a Docusaurus or VitePress admonition,
// "tip Title", "tip[Title]", "tip title=\"Title\"", into its name and title.
func admonitionHead(rest string) (name, title string) {
	i := 0
	for i < len(rest) && (rest[i] >= 'a' && rest[i] <= 'z' || rest[i] >= 'A' && rest[i] <= 'Z' || rest[i] == '-' || rest[i] == '_') {
		i++
	}
	name, title = rest[:i], strings.TrimSpace(rest[i:])
	switch {
	case strings.HasPrefix(title, "[") && strings.HasSuffix(title, "]"):
		title = title[1 : len(title)-1]
	case strings.HasPrefix(title, "title="):
		title = strings.Trim(strings.TrimPrefix(title, "title="), `"'`)
	case strings.HasPrefix(title, "{"):
		title = "" // {.class} attributes
	}
	return name, strings.TrimSpace(title)
}

// Continue implements parser.BlockParser.
func (colonFenceParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	f := fenceOf(node)
	if f == nil || f.closes == nil {
		return parser.Close
	}
	line, _ := reader.PeekLine()
	if f.closes(line) && !inOpenCode(node, pc) {
		f.closed = true
		reader.AdvanceToEOL()
		return parser.Close
	}
	if f.dedent && !util.IsBlank(line) {
		w, _ := util.IndentWidth(line, reader.LineOffset())
		if f.strip < 0 {
			f.strip = w
		}
		if n := min(w, f.strip); n > 0 {
			if pos, padding := util.IndentPosition(line, reader.LineOffset(), n); pos >= 0 {
				reader.AdvanceAndSetPadding(pos, padding)
			}
		}
	}
	return parser.Continue | parser.HasChildren
}

// inOpenCode reports whether a fenced code block inside node is still
// open: a ":::" line in it is code (an example of the syntax), not the end
// of the block, as in Docusaurus and DocFX.
func inOpenCode(node ast.Node, pc parser.Context) bool {
	for _, b := range pc.OpenedBlocks() {
		if _, ok := b.Node.(*ast.FencedCodeBlock); !ok {
			continue
		}
		for p := b.Node.Parent(); p != nil; p = p.Parent() {
			if p == node {
				return true
			}
		}
	}
	return false
}

// indented is the fence of a DocFX block whose content may be indented
// under its marker (see blockFence.dedent).
func indented(closes func([]byte) bool) blockFence {
	return blockFence{closes: closes, dedent: true, strip: -1}
}

// Close implements parser.BlockParser: a block whose closing line never
// came holds the rest of its file (or of the block around it), which
// Docusaurus refuses to build; check says where it opened.
func (colonFenceParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	f := fenceOf(node)
	d, _ := pc.Get(docKey).(*doc)
	if f == nil || f.closes == nil || f.closed || f.opened.line == 0 || d == nil {
		return
	}
	d.warnf(site.KindUnclosed, f.opened,
		"this ::: block is never closed: everything after it, to the end of the file or of the block around it, is inside it; close it with a line %s", f.closer)
}

// placeComplexImages puts the image of each DocFX complex image before its
// description, once inline parsing is done (an image is an inline node).
func placeComplexImages(root ast.Node) {
	var boxes []*box
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*box); ok && entering && b.image != nil {
			boxes = append(boxes, b)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range boxes {
		para := ast.NewParagraph()
		para.AppendChild(para, b.image)
		b.Parent().InsertBefore(b.Parent(), b, para)
		b.image = nil
	}
}

// placeSnippets turns the MkDocs snippets parsed as blocks into includes
// (an include is an inline node, placed once inline parsing is done).
func placeSnippets(root ast.Node) {
	var boxes []*box
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*box); ok && entering && b.include != nil {
			boxes = append(boxes, b)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range boxes {
		b.Parent().ReplaceChild(b.Parent(), b, paragraphOf(b.include))
	}
}

// CanInterruptParagraph implements parser.BlockParser.
func (colonFenceParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (colonFenceParser) CanAcceptIndentedLine() bool { return false }

// fenceOf returns the fence of a container another tool's syntax opened.
func fenceOf(n ast.Node) *blockFence {
	switch n := n.(type) {
	case *box:
		return &n.fence
	case *callout:
		return &n.fence
	}
	return nil
}

// parseAttrs reads DocFX attributes: name="value" pairs (single quotes or
// none accepted too).
func parseAttrs(s string) map[string]string {
	out := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		eq := strings.IndexAny(s, "= ")
		if eq < 0 {
			out[strings.ToLower(s)] = ""
			break
		}
		name := strings.ToLower(strings.TrimSpace(s[:eq]))
		if s[eq] == ' ' {
			out[name] = ""
			s = s[eq+1:]
			continue
		}
		s = strings.TrimLeft(s[eq+1:], " ")
		var val string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			if end := strings.IndexByte(s[1:], s[0]); end >= 0 {
				val, s = s[1:1+end], s[2+end:]
			} else {
				val, s = s[1:], ""
			}
		} else {
			val, s, _ = strings.Cut(s, " ")
		}
		out[name] = val
	}
	return out
}

// docfxImage builds the image of DocFX's `:::image` attributes: source,
// alt-text, border (a frame around screenshots; on by default for content
// images) and lightbox (a larger image the picture links to).
func docfxImage(a map[string]string) ast.Node {
	link := ast.NewLink()
	link.Destination = []byte(a["source"])
	img := ast.NewImage(link)
	alt := ast.NewString([]byte(a["alt-text"]))
	alt.SetRaw(true)
	img.AppendChild(img, alt)
	typ := strings.ToLower(a["type"])
	var class []string
	if typ == "icon" {
		class = append(class, "icon")
	}
	if b, ok := a["border"]; ok && strings.EqualFold(b, "true") || !ok && typ != "icon" {
		class = append(class, "border")
	}
	if len(class) > 0 {
		img.SetAttributeString("class", []byte(strings.Join(class, " ")))
	}
	if lb := a["lightbox"]; lb != "" {
		l := ast.NewLink()
		l.Destination = []byte(lb)
		l.AppendChild(l, img)
		return l
	}
	return img
}

// docfxInlineParser reads the inline DocFX syntax: `:::image …:::` (inside a
// paragraph, a list item or a table cell) and `:::no-loc text="…":::` (text
// not to translate, shown as it is).
type docfxInlineParser struct{}

// Trigger implements parser.InlineParser.
func (docfxInlineParser) Trigger() []byte { return []byte{':'} }

// Parse implements parser.InlineParser.
func (docfxInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !bytes.HasPrefix(line, []byte(":::")) {
		return nil
	}
	body := line[3:]
	end := closingColons(body)
	if end < 0 {
		return nil
	}
	name, attrs := docfxBlock(string(body[:end]))
	var node ast.Node
	switch name {
	case "image":
		node = docfxImage(parseAttrs(attrs))
	case "no-loc":
		s := ast.NewString(util.UnescapePunctuations([]byte(parseAttrs(attrs)["text"])))
		s.SetRaw(true)
		node = s
	case "image-end":
		node = ast.NewString(nil)
	default:
		return nil
	}
	block.Advance(3 + end + 3)
	return node
}

// closingColons returns the offset of the ":::" that ends an inline DocFX
// tag in b (outside quoted values), -1 when none.
func closingColons(b []byte) int {
	var q byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\n':
			return -1
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"':
			q = c
		case c == ':' && i+2 < len(b) && b[i+1] == ':' && b[i+2] == ':':
			return i
		}
	}
	return -1
}
