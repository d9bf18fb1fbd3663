package content

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Hugo shortcodes, read as goldmark extensions:
//
//   - ref, relref: a link to an article, resolved like a relative link;
//   - figure (and the img and image shortcodes themes add): an image with
//     its caption;
//   - highlight, code, code-toggle: a highlighted code block;
//   - details, tabs/tab: collapsible sections;
//   - youtube, vimeo, x, tweet, instagram, gist: a link, never an embed;
//   - note, tip, warning, notice, hint, alert, callout…: a callout;
//   - param: the value of a front-matter field;
//   - include, readfile: the Markdown of another file;
//   - Hugo's escaped form {{</* … */>}}: the tag itself, as code.
//
// Any other shortcode is left out with a warning naming it; the content
// between its tags is kept.

// Shortcode names by what Guichet makes of them.
var (
	scCode     = map[string]bool{"highlight": true, "code": true, "code-toggle": true, "codeblock": true}
	scEmbed    = map[string]bool{"youtube": true, "vimeo": true, "x": true, "tweet": true, "twitter": true, "instagram": true, "gist": true}
	scImage    = map[string]bool{"figure": true, "img": true, "image": true}
	scInclude  = map[string]bool{"include": true, "readfile": true}
	scGeneric  = map[string]bool{"notice": true, "hint": true, "alert": true, "callout": true, "admonition": true}
	scTabGroup = map[string]bool{"tabs": true, "tabpane": true}
)

// scCallout returns the callout kind and title a shortcode stands for:
// the title written, else (untitled) its type's in locale's language, as
// Hugo's themes title a notice by its style ({{% notice info %}} reads
// "Info", {{% notice tip %}} "Tip", {{< warning >}} "Warning").
func scCallout(t scTag, d *doc) (kind, title string, untitled, ok bool) {
	title = t.arg("title", -1)
	if title == "" {
		title = t.arg("header", -1)
	}
	typ := t.name
	if scGeneric[t.name] {
		typ = ""
		for _, k := range []string{"type", "style", "color", "context", "theme", "kind"} {
			if v := t.arg(k, -1); v != "" {
				typ = v
				break
			}
		}
		if typ == "" && len(t.args) > 0 {
			typ = t.args[0]
			if title == "" && len(t.args) > 1 {
				title = t.args[1]
			}
		}
		if kind, ok = admonitionKind(typ); !ok {
			kind, typ = "note", ""
			if t.name == "hint" {
				kind = "tip"
			}
		}
	} else if kind, ok = admonitionKind(t.name); !ok {
		return "", "", false, false
	}
	if title != "" {
		return kind, title, false, true
	}
	if typ == "" || colourName[strings.ToLower(typ)] {
		// No type, or a colour (Docsy's color="primary"): the kind's title.
		return kind, d.calloutTitle(kind), true, true
	}
	return kind, admonitionTypeTitle(typ, d), true, true
}

// colourName lists the values of Bootstrap themes' callout colours
// (Docsy's alert color=…), which are no type to title a callout by.
var colourName = map[string]bool{"primary": true, "secondary": true, "light": true, "dark": true, "default": true,
	"blue": true, "green": true, "orange": true, "yellow": true, "red": true}

// kindShortcode is the goldmark node kind of a shortcode left for the
// transformer (inline, or a block on a line of its own).
var kindShortcode = ast.NewNodeKind("Shortcode")

// shortcode is a Hugo shortcode tag resolved by the transformer.
type shortcode struct {
	ast.BaseInline
	tag  scTag
	line srcPos
}

// Kind implements ast.Node.
func (n *shortcode) Kind() ast.NodeKind { return kindShortcode }

// Dump implements ast.Node.
func (n *shortcode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.tag.name}, nil)
}

// kindShortcodeBlock is the goldmark node kind of a block shortcode leaf.
var kindShortcodeBlock = ast.NewNodeKind("ShortcodeBlock")

// shortcodeBlock holds a shortcode alone on its line(s) until the
// transformer replaces it.
type shortcodeBlock struct {
	ast.BaseBlock
	tag   scTag
	fence blockFence
}

// Kind implements ast.Node.
func (n *shortcodeBlock) Kind() ast.NodeKind { return kindShortcodeBlock }

// Dump implements ast.Node.
func (n *shortcodeBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.tag.name}, nil)
}

// kindCodeShortcode is the goldmark node kind of highlight and friends.
var kindCodeShortcode = ast.NewNodeKind("CodeShortcode")

// codeShortcode is the raw code between a highlight, code or code-toggle
// shortcode and its closing tag.
type codeShortcode struct {
	ast.BaseBlock
	tag   scTag
	Lang  string
	until int // while the opening tag's arguments run on
}

// Kind implements ast.Node.
func (n *codeShortcode) Kind() ast.NodeKind { return kindCodeShortcode }

// IsRaw implements ast.Node.
func (n *codeShortcode) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *codeShortcode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lang": n.Lang}, nil)
}

// shortcodeBlockParser reads shortcodes written alone on their line (their
// arguments may run over several lines): paired ones become containers of
// their Markdown content (or code), the others block leaves.
type shortcodeBlockParser struct{}

// Trigger implements parser.BlockParser.
func (shortcodeBlockParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser.
func (shortcodeBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos+3 > len(line) || line[pos] != '{' {
		return nil, parser.NoChildren
	}
	src := reader.Source()
	start := seg.Start + pos
	t, ok := parseShortcode(src, start)
	if !ok || !aloneOnLine(src, start, t.end) {
		return nil, parser.NoChildren
	}
	interrupting := false
	if last := pc.LastOpenedBlock(); last.Node != nil {
		_, interrupting = last.Node.(*ast.Paragraph)
	}
	paired := !t.closing && !t.selfClosing && !t.comment && findClosing(src, t.end, t.name)
	fence := blockFence{}
	if lineEnd := bytes.IndexByte(src[start:], '\n'); lineEnd >= 0 && start+lineEnd < t.end {
		fence.until = t.end // the tag's arguments go on below
	}
	var node ast.Node
	state := parser.NoChildren
	switch {
	case paired && scCode[t.name]:
		node = &codeShortcode{tag: t, Lang: codeLang(t)}
	case paired:
		fence.closes = func(l []byte) bool { return isClosingTag(l, t.name) }
		if fence.until == 0 {
			state = parser.HasChildren
		}
		d, _ := pc.Get(docKey).(*doc)
		switch kind, title, untitled, ok := scCallout(t, d); {
		case t.name == "details":
			summary := t.arg("summary", 0)
			if summary == "" && d != nil {
				summary = d.word(wordDetails)
			}
			node = &box{Tag: "details", Summary: summary, Open: t.arg("open", -1) == "true", fence: fence}
		case t.name == "tab":
			label := t.arg("header", 0)
			if label == "" {
				label = t.arg("name", -1)
			}
			if label == "" {
				label = t.arg("title", -1)
			}
			if label == "" {
				label = d.word(wordTab)
			}
			node = &box{Tag: "details", Class: tabClass, Summary: label, fence: fence}
		case scTabGroup[t.name]:
			node = &box{fence: fence}
		case ok:
			c := newCallout(kind, title, d)
			c.own = !untitled
			c.fence = fence
			node = c
		default:
			node = &box{fence: fence}
			if d != nil {
				d.syntaxWarning(t.display(), d.lines.at(start), "Hugo shortcode %s is not supported: it is left out, the text inside it is kept", t.display())
			}
		}
	case interrupting && !t.comment && !scImage[t.name] && !scEmbed[t.name] && !scInclude[t.name]:
		return nil, parser.NoChildren // inline, as part of the paragraph
	case t.closing || t.selfClosing || t.comment || scImage[t.name] || scEmbed[t.name] || scInclude[t.name] || !scCode[t.name]:
		node = &shortcodeBlock{tag: t, fence: fence}
	default:
		return nil, parser.NoChildren
	}
	switch n := node.(type) {
	case *shortcodeBlock:
		n.fence = fence
	case *codeShortcode:
		n.until = fence.until
	}
	reader.AdvanceToEOL()
	return node, state
}

// codeLang is the language of a code shortcode: highlight's first
// argument, code's lang or the extension of its file, or for code-toggle
// the configuration format its content is written in (found at render).
func codeLang(t scTag) string {
	switch t.name {
	case "highlight":
		return t.arg("lang", 0)
	case "code-toggle":
		return ""
	}
	if l := t.arg("lang", -1); l != "" {
		return l
	}
	if f := t.arg("file", -1); f != "" {
		return strings.TrimPrefix(path.Ext(f), ".")
	}
	return ""
}

// Continue implements parser.BlockParser.
func (shortcodeBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	switch n := node.(type) {
	case *shortcodeBlock:
		if n.fence.until > seg.Start {
			reader.AdvanceToEOL()
			return parser.Continue | parser.NoChildren
		}
		return parser.Close
	case *codeShortcode:
		if n.until > seg.Start {
			reader.AdvanceToEOL()
			return parser.Continue | parser.NoChildren
		}
		if isClosingTag(line, n.tag.name) {
			reader.AdvanceToEOL()
			return parser.Close
		}
		s := seg
		s.ForceNewline = true
		n.Lines().Append(s)
		reader.AdvanceToEOL()
		return parser.Continue | parser.NoChildren
	}
	f := fenceOf(node)
	if f == nil {
		return parser.Close
	}
	if f.until > seg.Start {
		reader.AdvanceToEOL()
		return parser.Continue | parser.NoChildren
	}
	if f.closes != nil && f.closes(line) {
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser.
func (shortcodeBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: Hugo replaces a
// shortcode before Markdown is read, so a block shortcode ends a paragraph.
func (shortcodeBlockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (shortcodeBlockParser) CanAcceptIndentedLine() bool { return false }

// shortcodeInlineParser reads shortcodes inside a paragraph, a heading, a
// list item or a table cell.
type shortcodeInlineParser struct{}

// Trigger implements parser.InlineParser.
func (shortcodeInlineParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser.
func (shortcodeInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 3 || line[1] != '{' || line[2] != '<' && line[2] != '%' {
		return nil
	}
	t, ok := parseShortcode(block.Source(), seg.Start)
	if !ok {
		return nil
	}
	// Move past the tag, line by line when it runs over several.
	for {
		_, s := block.Position()
		if t.end <= s.Stop {
			block.Advance(t.end - s.Start)
			break
		}
		block.AdvanceLine()
		if l, _ := block.PeekLine(); l == nil {
			break
		}
	}
	n := &shortcode{tag: t}
	if d, _ := pc.Get(docKey).(*doc); d != nil {
		n.line = d.lines.at(t.start)
	}
	return n
}

// shortcodes resolves the shortcodes of root: block ones first, then the
// inline ones, pairing opening and closing tags.
func (d *doc) shortcodes(root *ast.Document) {
	var blocks []*shortcodeBlock
	var inlines []*shortcode
	var codes []*codeShortcode
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *shortcodeBlock:
			blocks = append(blocks, n)
		case *shortcode:
			inlines = append(inlines, n)
		case *codeShortcode:
			codes = append(codes, n)
		}
		return ast.WalkContinue, nil
	})
	for _, c := range codes {
		if c.Lang == "" && c.tag.name == "code-toggle" {
			c.Lang = configLang(c, d.src)
		}
	}
	for _, b := range blocks {
		d.shortcodeBlock(b)
	}
	// Pair the inline tags: a stack per name.
	open := map[string][]*shortcode{}
	type pair struct{ open, close *shortcode }
	var pairs []pair
	var singles []*shortcode
	for _, n := range inlines {
		t := n.tag
		switch {
		case t.comment || t.selfClosing:
			singles = append(singles, n)
		case t.closing:
			if st := open[t.name]; len(st) > 0 {
				pairs = append(pairs, pair{st[len(st)-1], n})
				open[t.name] = st[:len(st)-1]
			} else {
				d.syntaxWarning(t.display(), n.line, "closing tag {{< /%s >}} without its opening tag: left out", t.name)
				remove(n)
			}
		default:
			open[t.name] = append(open[t.name], n)
		}
	}
	for _, st := range open {
		singles = append(singles, st...)
	}
	for _, p := range pairs {
		d.shortcodePair(p.open, p.close)
	}
	sort.SliceStable(singles, func(i, j int) bool { return singles[i].tag.start < singles[j].tag.start })
	for _, n := range singles {
		if n.Parent() != nil {
			d.shortcodeInline(n)
		}
	}
	// Paragraphs left empty by tags that were removed.
	var empty []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering {
			if p.ChildCount() == 0 || d.blankInline(p) {
				empty = append(empty, p)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range empty {
		remove(p)
	}
}

// remove takes n out of the tree.
func remove(n ast.Node) {
	if p := n.Parent(); p != nil {
		p.RemoveChild(p, n)
	}
}

// configLang guesses the format of a code-toggle's configuration.
func configLang(c *codeShortcode, src []byte) string {
	for i := 0; i < c.Lines().Len(); i++ {
		seg := c.Lines().At(i)
		l := bytes.TrimSpace(seg.Value(src))
		switch {
		case len(l) == 0 || l[0] == '#':
			continue
		case l[0] == '{':
			return "json"
		case l[0] == '[' || bytes.Contains(l, []byte(" = ")) || bytes.Contains(l, []byte("=")) && !bytes.Contains(l, []byte(":")):
			return "toml"
		default:
			return "yaml"
		}
	}
	return "toml"
}

// shortcodeBlock replaces a block shortcode by what it stands for.
func (d *doc) shortcodeBlock(b *shortcodeBlock) {
	t := b.tag
	line := d.lines.at(t.start)
	parent := b.Parent()
	var repl ast.Node
	switch {
	case t.comment:
		repl = paragraphOf(codeSpan(t.literal(d.src)))
	case t.closing:
		d.syntaxWarning(t.display(), line, "closing tag {{< /%s >}} without its opening tag: left out", t.name)
	case t.name == "figure":
		repl = d.figureOf(t)
	case scImage[t.name]:
		if img := d.imageOf(t); img != nil {
			repl = paragraphOf(img)
		}
	case scEmbed[t.name]:
		if l := d.embedLink(t, line); l != nil {
			repl = paragraphOf(l)
		}
	case scInclude[t.name]:
		p := t.arg("file", 0)
		if p == "" {
			p = t.arg("path", -1)
		}
		repl = paragraphOf(&includeRef{Path: p, What: t.display(), line: line, alsoRoot: true})
	case scCode[t.name]:
		d.syntaxWarning(t.display(), line, "%s without code between its tags shows Hugo's own data: left out", t.display())
	default:
		if in := d.inlineShortcode(t, line); in != nil {
			repl = paragraphOf(in)
		}
	}
	if repl != nil {
		parent.ReplaceChild(parent, b, repl)
	} else {
		parent.RemoveChild(parent, b)
	}
}

// shortcodeInline replaces an inline shortcode without a closing tag.
func (d *doc) shortcodeInline(n *shortcode) {
	t := n.tag
	parent := n.Parent()
	if t.comment {
		parent.ReplaceChild(parent, n, codeSpan(t.literal(d.src)))
		return
	}
	if (t.name == "ref" || t.name == "relref") && d.refLink(n) {
		return
	}
	var repl ast.Node
	switch {
	case scImage[t.name]:
		if img := d.imageOf(t); img != nil {
			repl = img
		}
	case scEmbed[t.name]:
		if l := d.embedLink(t, n.line); l != nil {
			repl = l
		}
	case scInclude[t.name]:
		p := t.arg("file", 0)
		repl = &includeRef{Path: p, What: t.display(), line: n.line, alsoRoot: true}
	default:
		repl = d.inlineShortcode(t, n.line)
	}
	if repl != nil {
		parent.ReplaceChild(parent, n, repl)
	} else {
		parent.RemoveChild(parent, n)
	}
}

// inlineShortcode is what ref, relref and param stand for; nil (with a
// warning) for the shortcodes Guichet leaves out.
func (d *doc) inlineShortcode(t scTag, line srcPos) ast.Node {
	switch t.name {
	case "ref", "relref":
		u, ok := d.refURL(t.arg("path", 0), line)
		if !ok {
			return nil
		}
		link := d.resolvedLink(u)
		s := ast.NewString([]byte(d.refText(u)))
		s.SetRaw(true)
		link.AppendChild(link, s)
		return link
	case "param":
		name := t.arg("name", 0)
		v, ok := lookupParam(d.in.Params, name)
		if !ok {
			d.syntaxWarning(t.display(), line, "{{< param %q >}}: the front matter has no field `%s`, so nothing is shown (site parameters are not read)%s", name, name, missingParam(name, d.in.Params))
			return nil
		}
		s := ast.NewString([]byte(v))
		s.SetRaw(true)
		return s
	}
	d.syntaxWarning(t.display(), line, "Hugo shortcode %s is not supported: it is left out of the page", t.display())
	return nil
}

// shortcodePair handles an opening and a closing inline tag: code between
// highlight tags becomes inline code, a callout around a whole paragraph
// becomes a callout, and any other pair keeps its content only.
func (d *doc) shortcodePair(open, closeTag *shortcode) {
	t := open.tag
	parent := open.Parent()
	switch {
	case scCode[t.name] || t.name == "hl":
		if parent == closeTag.Parent() {
			cs := ast.NewCodeSpan()
			for c := open.NextSibling(); c != nil && c != closeTag; {
				next := c.NextSibling()
				cs.AppendChild(cs, c)
				c = next
			}
			parent.ReplaceChild(parent, open, cs)
			remove(closeTag)
			return
		}
	default:
		if kind, title, untitled, ok := scCallout(t, d); ok && parent == closeTag.Parent() && d.onlyChildren(parent, open, closeTag) {
			if para, isPara := parent.(*ast.Paragraph); isPara && para.Parent() != nil {
				c := newCallout(kind, title, d)
				c.own = !untitled
				para.Parent().ReplaceChild(para.Parent(), para, c)
				remove(open)
				remove(closeTag)
				c.AppendChild(c, para)
				return
			}
		}
		if t.name != "details" && !scTabGroup[t.name] && t.name != "tab" {
			if _, _, _, ok := scCallout(t, nil); !ok {
				d.syntaxWarning(t.display(), open.line, "Hugo shortcode %s is not supported: it is left out, the text inside it is kept", t.display())
			}
		}
	}
	remove(open)
	remove(closeTag)
}

// onlyChildren reports whether a paragraph starts with first and ends with
// last, blank text aside.
func (d *doc) onlyChildren(para ast.Node, first, last ast.Node) bool {
	c := para.FirstChild()
	for c != nil && c != first && d.isBlankInline(c) {
		c = c.NextSibling()
	}
	if c != first {
		return false
	}
	c = para.LastChild()
	for c != nil && c != last && d.isBlankInline(c) {
		c = c.PreviousSibling()
	}
	return c == last
}

// paragraphOf wraps an inline node in a paragraph.
func paragraphOf(n ast.Node) ast.Node {
	p := ast.NewParagraph()
	p.AppendChild(p, n)
	return p
}

// codeSpan is inline code showing s.
func codeSpan(s string) ast.Node {
	cs := ast.NewCodeSpan()
	str := ast.NewString([]byte(s))
	str.SetRaw(true)
	cs.AppendChild(cs, str)
	return cs
}

// figureOf builds Hugo's figure: the image (linked when link is set) and
// its caption (title and caption).
func (d *doc) figureOf(t scTag) ast.Node {
	img := d.imageOf(t)
	if img == nil {
		return nil
	}
	caption := strings.TrimSpace(strings.Join(nonEmpty(t.arg("title", -1), t.arg("caption", -1), t.arg("attr", -1)), " "))
	f := &figure{Caption: plainCaption(caption)}
	f.AppendChild(f, img)
	return f
}

// imageOf builds the image of figure, img and image shortcodes: src, alt,
// title, width and height, and a link around it when link is set.
func (d *doc) imageOf(t scTag) ast.Node {
	src := t.arg("src", 0)
	if src == "" {
		d.syntaxWarning(t.display(), d.lines.at(t.start), "%s without src: left out", t.display())
		return nil
	}
	l := ast.NewLink()
	l.Destination = []byte(src)
	img := ast.NewImage(l)
	img.SetPos(t.start) // a figure is a block of no source lines: problems name the shortcode's line
	alt := t.arg("alt", -1)
	if alt == "" {
		alt = t.arg("title", -1)
	}
	s := ast.NewString([]byte(plainCaption(alt)))
	s.SetRaw(true)
	img.AppendChild(img, s)
	if title := t.arg("title", -1); title != "" && t.name != "figure" {
		img.Title = []byte(title)
	}
	for _, a := range []string{"width", "height", "class"} {
		if v := t.arg(a, -1); v != "" {
			img.SetAttributeString(a, []byte(v))
		}
	}
	if href := t.arg("link", -1); href != "" {
		link := ast.NewLink()
		link.Destination = []byte(href)
		link.SetPos(t.start)
		link.AppendChild(link, img)
		return link
	}
	return img
}

// mdMarks finds the simple Markdown marks of a caption (Hugo renders
// captions as Markdown; Guichet shows their text).
var mdMarks = regexp.MustCompile("\\*\\*|__|[*_`]")

func plainCaption(s string) string {
	return strings.TrimSpace(mdMarks.ReplaceAllString(s, ""))
}

func nonEmpty(list ...string) []string {
	var out []string
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// embedIDs are the ids and user names embeds accept.
var embedID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// embedLink is a link to the video or post an embed shortcode shows: no
// third-party frame or script on the page.
func (d *doc) embedLink(t scTag, line srcPos) ast.Node {
	id := t.arg("id", 0)
	user := t.arg("user", -1)
	var u, service string
	switch t.name {
	case "youtube":
		u, service = "https://www.youtube.com/watch?v="+id, "YouTube"
	case "vimeo":
		u, service = "https://vimeo.com/"+id, "Vimeo"
	case "instagram":
		u, service = "https://www.instagram.com/p/"+id+"/", "Instagram"
	case "gist":
		if user == "" {
			user, id = t.arg("", 0), t.arg("", 1)
		}
		u, service = "https://gist.github.com/"+user+"/"+id, "GitHub Gist"
	default: // x, tweet, twitter
		u, service = "https://x.com/"+user+"/status/"+id, "X"
	}
	if !embedID.MatchString(id) || user != "" && !embedID.MatchString(user) || (t.name == "gist" || t.name == "x" || t.name == "tweet" || t.name == "twitter") && user == "" {
		d.syntaxWarning(t.display(), line, "%s needs a valid id (and user): left out", t.display())
		return nil
	}
	label := t.arg("title", -1)
	if label == "" {
		label = d.word(wordWatchVideo)
		if t.name != "youtube" && t.name != "vimeo" {
			label = service
		}
	}
	link := ast.NewLink()
	link.Destination = []byte(u)
	s := ast.NewString([]byte(fmt.Sprintf("%s (%s)", label, service)))
	s.SetRaw(true)
	link.AppendChild(link, s)
	return link
}

// lookupParam finds a front-matter value for Hugo's param shortcode: the
// field, else the field under params (Hugo's own place for them); dotted
// names go down mappings.
func lookupParam(params map[string]any, name string) (string, bool) {
	if name == "" || params == nil {
		return "", false
	}
	find := func(m map[string]any) (any, bool) {
		var cur any = m
		for _, part := range strings.Split(name, ".") {
			mm, ok := cur.(map[string]any)
			if !ok {
				return nil, false
			}
			v, ok := mm[part]
			if !ok {
				for k, vv := range mm {
					if strings.EqualFold(k, part) {
						v, ok = vv, true
						break
					}
				}
			}
			if !ok {
				return nil, false
			}
			cur = v
		}
		return cur, true
	}
	v, ok := find(params)
	if !ok {
		if p, isMap := params["params"].(map[string]any); isMap {
			v, ok = find(p)
		}
	}
	if !ok || v == nil {
		return "", false
	}
	switch v := v.(type) {
	case []any:
		var parts []string
		for _, x := range v {
			parts = append(parts, fmt.Sprint(x))
		}
		return strings.Join(parts, ", "), true
	case map[string]any:
		return "", false
	}
	return fmt.Sprint(v), true
}

// refURL resolves the target of ref and relref like a relative link: the
// Markdown file (".md" may be left out; a folder means its _index.md or
// index.md), from the article's folder or the content root; a fragment is
// kept and checked.
func (d *doc) refURL(target string, line srcPos) (string, bool) {
	p, frag, _ := strings.Cut(target, "#")
	if p == "" {
		if frag == "" {
			return "", false
		}
		return "#" + frag, true
	}
	if d.in.links == nil {
		return "", false
	}
	p = strings.TrimSuffix(p, "/")
	var cands []string
	if ext := strings.ToLower(path.Ext(p)); ext == ".md" || ext == ".mdx" {
		cands = []string{p}
	} else {
		cands = []string{p + ".md", p + ".mdx", p + "/index.md", p + "/_index.md"}
	}
	var firstErr error
	for _, from := range []string{"", "/"} {
		if from == "/" && strings.HasPrefix(p, "/") {
			break
		}
		for _, c := range cands {
			full, ok := d.resolvePath(from + strings.TrimPrefix(c, from))
			if !ok {
				continue
			}
			u, article, err := d.in.links.article(full, d.in.Locale)
			if err != nil {
				// A file that exists but did not load (or is not an
				// article) says why, as a relative link does.
				if firstErr == nil && d.in.links.markdown(full) {
					firstErr = err
				}
				continue
			}
			if frag != "" {
				if article != "" {
					d.out.anchors = append(d.out.anchors, anchorRef{File: d.in.File, Line: line.line, Column: line.col, Dest: target, Target: article, Anchor: frag})
				}
				u += "#" + frag
			}
			return u, true
		}
	}
	if firstErr != nil {
		d.errorf(site.KindBrokenLink, line, "broken link {{< ref %q >}}: %v", target, firstErr)
		return "", false
	}
	d.errorf(site.KindBrokenLink, line, "broken link {{< ref %q >}}: no article at %s", target, strings.Join(cands, ", "))
	return "", false
}

// resolvedLink returns a new link to u, a destination a shortcode
// resolved and checked, which the links pass leaves as it is (a broken
// anchor was reported twice, the second time at the line's start with a
// URL the writer never wrote).
func (d *doc) resolvedLink(u string) *ast.Link {
	link := ast.NewLink()
	link.Destination = []byte(u)
	if d.resolved == nil {
		d.resolved = map[*ast.Link]bool{}
	}
	d.resolved[link] = true
	return link
}

// refText is the text of a link ref makes outside a Markdown link (Hugo
// prints the bare URL): the title of the article it points to.
func (d *doc) refText(u string) string {
	if d.in.links != nil {
		p, _, _ := strings.Cut(u, "#")
		if t := d.in.links.title(p, d.in.Locale); t != "" {
			return t
		}
	}
	return u
}

// refLink turns `[text](` ref `)` back into a link, `[text](` ref
// `#anchor)` too: the shortcode's spaces keep Markdown from reading a link
// there, so its pieces are text around the shortcode. false when n is not
// inside such a link.
func (d *doc) refLink(n *shortcode) bool {
	prev, ok := n.PreviousSibling().(*ast.Text)
	next, okNext := n.NextSibling().(*ast.Text)
	if !ok || !okNext {
		return false
	}
	// "](" before the shortcode (maybe split in two text nodes) and ")"
	// after it, or "](<" and ">)".
	closeText, cut := prev, 0
	v := prev.Segment.Value(d.src)
	angle := bytes.HasSuffix(v, []byte("(<"))
	if angle {
		v = v[:len(v)-1]
	}
	after := []byte(")")
	if angle {
		after = []byte(">)")
	}
	// A place in the page may follow the shortcode, as Hugo sites write
	// it: `[text]({{< ref "setup" >}}#step-two)`.
	nv := next.Segment.Value(d.src)
	var frag []byte
	if i := bytes.Index(nv, after); i > 1 && nv[0] == '#' && !bytes.ContainsAny(nv[:i], " \t\n()<>[]") {
		frag = nv[:i]
	}
	after = append(frag[:len(frag):len(frag)], after...)
	if !bytes.HasPrefix(nv, after) {
		return false
	}
	switch {
	case bytes.HasSuffix(v, []byte("](")):
		cut = 2
	case string(v) == "(":
		t, ok := prev.PreviousSibling().(*ast.Text)
		if !ok || !bytes.HasSuffix(t.Segment.Value(d.src), []byte("]")) {
			return false
		}
		closeText, cut = t, 1
	default:
		return false
	}
	if angle && closeText == prev {
		cut++
	}
	// The "[" that opens the label.
	var openText *ast.Text
	openAt := -1
	for c := ast.Node(closeText); c != nil; c = c.PreviousSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		val := t.Segment.Value(d.src)
		if t == closeText {
			val = val[:len(val)-cut]
		}
		if i := bytes.LastIndexByte(val, '['); i >= 0 {
			openText, openAt = t, i
			break
		}
	}
	if openText == nil {
		return false
	}
	u, ok := d.refURL(n.tag.arg("path", 0)+string(frag), n.line)
	parent := n.Parent()
	link := d.resolvedLink(u)
	// Split the text holding "[": before it stays, after it is the label.
	seg := openText.Segment
	var labelStart ast.Node
	if openText == closeText {
		inner := ast.NewTextSegment(text.NewSegment(seg.Start+openAt+1, seg.Stop-cut))
		link.AppendChild(link, inner)
		openText.Segment = seg.WithStop(seg.Start + openAt)
	} else {
		first := ast.NewTextSegment(text.NewSegment(seg.Start+openAt+1, seg.Stop))
		openText.Segment = seg.WithStop(seg.Start + openAt)
		labelStart = openText.NextSibling()
		link.AppendChild(link, first)
		for c := labelStart; c != nil; {
			nextC := c.NextSibling()
			last := c == closeText
			if last {
				cs := closeText.Segment
				closeText.Segment = cs.WithStop(cs.Stop - cut)
			}
			link.AppendChild(link, c)
			if last {
				break
			}
			c = nextC
		}
	}
	if pt, ok := n.PreviousSibling().(*ast.Text); ok && (string(pt.Segment.Value(d.src)) == "(" || string(pt.Segment.Value(d.src)) == "(<") {
		remove(pt)
	}
	parent.InsertAfter(parent, openText, link)
	remove(n)
	next.Segment = next.Segment.WithStart(next.Segment.Start + len(after))
	if !ok {
		// The target is missing (reported): keep the text, not a dead link.
		for c := link.FirstChild(); c != nil; {
			nextC := c.NextSibling()
			parent.InsertBefore(parent, link, c)
			c = nextC
		}
		remove(link)
	}
	return true
}

// linkShortcode resolves a link destination written as a shortcode
// (`[text](<{{< ref "x" >}}>)`, `[x]: <{{% eturl y %}}>`): ref and relref
// give the article's URL; any other shortcode drops the link, keeping its
// text. keep is false when the link must go.
func (d *doc) linkShortcode(dest string, line srcPos) (u string, keep bool) {
	i := strings.Index(dest, "{{")
	t, ok := parseShortcode([]byte(dest), i)
	if !ok {
		return dest, true
	}
	if t.name == "ref" || t.name == "relref" {
		// A place in the page written after it (`{{< ref "x" >}}#steps`) is kept.
		frag := ""
		if rest := strings.TrimSpace(dest[t.end:]); strings.HasPrefix(rest, "#") {
			frag = rest
		}
		u, ok := d.refURL(t.arg("path", 0)+frag, line)
		return u, ok
	}
	d.syntaxWarning(t.display(), line, "link to Hugo shortcode %s: the link is left out, its text is kept", t.display())
	return "", false
}

// missingParam ends a message about a front-matter field name that params
// (an article's, see Input.Params) does not have: the field it is likely
// a typo of, and the fields there are, which param and {frontMatter.…}
// can show ("limits" in a page that has "limit"); for a dotted name, those
// of the mapping it goes down to ("sla.hour": sla.hours).
func missingParam(name string, params map[string]any) string {
	prefix := ""
	if dot := strings.LastIndexByte(name, '.'); dot > 0 {
		var cur any = params
		for _, part := range strings.Split(name[:dot], ".") {
			m, _ := cur.(map[string]any)
			cur = m[part]
		}
		if m, ok := cur.(map[string]any); ok {
			params, prefix = m, name[:dot+1]
		}
	}
	var fields []string
	for k, v := range params {
		if sub, ok := v.(map[string]any); ok && k == "params" {
			for kk := range sub {
				fields = append(fields, kk)
			}
			continue
		}
		if s, ok := v.(string); ok && s == "" && prefix == "" && (k == "title" || k == "description") {
			continue // not written: the loader sets both
		}
		fields = append(fields, prefix+k)
	}
	slices.Sort(fields)
	fields = slices.Compact(fields)
	msg := ""
	if m := didYouMean(name, fields); m != "" && !strings.EqualFold(m, name) {
		msg = fmt.Sprintf(": did you mean `%s`?", m)
	}
	switch {
	case len(fields) == 0:
		return msg
	case len(fields) > 12:
		fields = append(fields[:12], "…")
	}
	return msg + " (its fields: " + strings.Join(fields, ", ") + ")"
}

// isFieldPath reports whether s names a front-matter field, dotted names
// going down ("limit", "sla.hours").
func isFieldPath(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if !isWord(part) {
			return false
		}
	}
	return true
}
