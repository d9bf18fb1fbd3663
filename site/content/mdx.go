package content

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Docusaurus writes its pages in MDX: Markdown with JavaScript imports and
// JSX components. Guichet drops the import and export statements and reads
// the <Tabs>/<TabItem> components as tabs; other components are HTML,
// left out unless allow_html is on (their Markdown content is kept).

// esmLine matches the first line of an import or export statement.
var esmLine = regexp.MustCompile(`^(import\s+(?:[\w*{}\s,]+\s+from\s+)?['"][^'"]+['"]|export\s+(?:const|let|var|function|default|\{))`)

// kindESM is the goldmark node kind of an MDX import or export.
var kindESM = ast.NewNodeKind("MDXStatement")

// esm is an MDX import or export statement: shown nowhere.
type esm struct {
	ast.BaseBlock
	depth int // open brackets still to close
}

// Kind implements ast.Node.
func (n *esm) Kind() ast.NodeKind { return kindESM }

// Dump implements ast.Node.
func (n *esm) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// esmParser reads MDX import and export statements at the top level.
type esmParser struct{}

// Trigger implements parser.BlockParser.
func (esmParser) Trigger() []byte { return []byte{'i', 'e'} }

// Open implements parser.BlockParser.
func (esmParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if _, top := parent.(*ast.Document); !top || pc.BlockOffset() != 0 {
		return nil, parser.NoChildren
	}
	line, _ := reader.PeekLine()
	if !esmLine.Match(line) {
		return nil, parser.NoChildren
	}
	n := &esm{depth: bracketDepth(line)}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// Continue implements parser.BlockParser: a statement goes on while its
// brackets are open.
func (esmParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*esm)
	if n.depth <= 0 {
		return parser.Close
	}
	line, _ := reader.PeekLine()
	n.depth += bracketDepth(line)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser.
func (esmParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (esmParser) CanInterruptParagraph() bool { return false }

// CanAcceptIndentedLine implements parser.BlockParser.
func (esmParser) CanAcceptIndentedLine() bool { return false }

// bracketDepth counts opening minus closing brackets in a line.
func bracketDepth(line []byte) int {
	d := 0
	for _, c := range line {
		switch c {
		case '{', '[', '(':
			d++
		case '}', ']', ')':
			d--
		}
	}
	return d
}

// jsxTag matches the tab components of Docusaurus (and the Tab/Tabs of
// other MDX sites).
var jsxTag = regexp.MustCompile(`<(/?)(Tabs|TabItem|Tab)\b([^>]*?)/?>`)

// jsxAttr matches name="value" in a JSX tag.
var jsxAttr = regexp.MustCompile(`(\w+)=(?:"([^"]*)"|'([^']*)'|\{["']([^"']*)["']\})`)

// jsxTabs turns <Tabs><TabItem label="…">…</TabItem></Tabs> into tabs.
// Docusaurus content sits between the tags either as Markdown blocks
// (with blank lines around it) or inside the HTML block of the tags
// (without), which is rendered on its own.
func (d *doc) jsxTabs(root *ast.Document) {
	var parents []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if hb, ok := n.(*ast.HTMLBlock); ok && entering {
			if jsxTag.Match(d.blockText(hb)) && (len(parents) == 0 || parents[len(parents)-1] != hb.Parent()) {
				parents = append(parents, hb.Parent())
			}
		}
		return ast.WalkContinue, nil
	})
	for _, p := range parents {
		var cur *box
		newGroup := false
		var labels map[string]string // the open Tabs' values: value → label
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			hb, ok := c.(*ast.HTMLBlock)
			if !ok || !jsxTag.Match(d.blockText(hb)) {
				if cur != nil {
					cur.AppendChild(cur, c)
				}
				c = next
				continue
			}
			src := d.blockText(hb)
			line := d.nodeLine(hb)
			at := 0
			for _, m := range jsxTag.FindAllSubmatchIndex(src, -1) {
				if cur != nil {
					d.jsxContent(cur, src[at:m[0]], line)
				}
				at = m[1]
				closing, name := len(src[m[2]:m[3]]) > 0, string(src[m[4]:m[5]])
				if name == "Tabs" {
					newGroup = !closing
					labels = tabLabels(src[m[6]:m[7]])
					continue
				}
				if closing || bytes.HasSuffix(src[m[0]:m[1]], []byte("/>")) {
					cur = nil
					continue
				}
				attrs := map[string]string{}
				for _, a := range jsxAttr.FindAllSubmatch(src[m[6]:m[7]], -1) {
					attrs[string(a[1])] = string(a[2]) + string(a[3]) + string(a[4])
				}
				label := attrs["label"]
				if label == "" {
					label = labels[attrs["value"]] // <Tabs values={[{label: 'Mac', value: 'mac'}]}>
				}
				if label == "" {
					label = attrs["value"]
				}
				if label == "" {
					label = d.word(wordTab)
				}
				cur = &box{Tag: "details", Class: tabClass, Summary: label, Open: bytes.Contains(src[m[6]:m[7]], []byte("default"))}
				if newGroup {
					cur.Class, newGroup = tabClass+" tab-first", false
				}
				p.InsertBefore(p, hb, cur)
			}
			if cur != nil {
				d.jsxContent(cur, src[at:], line)
			}
			p.RemoveChild(p, hb)
			c = next
		}
	}
}

// tabValue matches one entry of Docusaurus' older Tabs values list,
// {label: 'Mac', value: 'mac'} (either first, quoted either way).
var tabValue = regexp.MustCompile(`\{\s*(?:label\s*:\s*(?:"([^"]*)"|'([^']*)')\s*,\s*value\s*:\s*(?:"([^"]*)"|'([^']*)')|value\s*:\s*(?:"([^"]*)"|'([^']*)')\s*,\s*label\s*:\s*(?:"([^"]*)"|'([^']*)'))\s*,?\s*\}`)

// tabLabels reads the labels a Tabs tag gives its items' values
// (values={[{label: 'Mac', value: 'mac'}, …]}): value → label, nil for
// none.
func tabLabels(attrs []byte) map[string]string {
	var out map[string]string
	for _, m := range tabValue.FindAllSubmatch(attrs, -1) {
		label, value := string(m[1])+string(m[2])+string(m[7])+string(m[8]), string(m[3])+string(m[4])+string(m[5])+string(m[6])
		if out == nil {
			out = map[string]string{}
		}
		out[value] = label
	}
	return out
}

// blockText is the source text of an HTML block.
func (d *doc) blockText(hb *ast.HTMLBlock) []byte {
	var b bytes.Buffer
	for i := 0; i < hb.Lines().Len(); i++ {
		seg := hb.Lines().At(i)
		b.Write(seg.Value(d.src))
	}
	if hb.HasClosure() {
		seg := hb.ClosureLine
		b.Write(seg.Value(d.src))
	}
	return b.Bytes()
}

// jsxContent renders Markdown found inside a tab's HTML block into the tab.
func (d *doc) jsxContent(tab *box, md []byte, line int) {
	md = dedent(md)
	if len(bytes.TrimSpace(md)) == 0 {
		return
	}
	out, err := d.r.render(Input{Source: md, Locale: d.in.Locale, File: d.in.File, FirstLine: line,
		Params: d.in.Params, links: d.in.links, including: d.in.including, ids: d.ids, words: d.in.words})
	if err != nil {
		return
	}
	d.out.Problems = append(d.out.Problems, out.Problems...)
	d.out.anchors = append(d.out.anchors, out.anchors...)
	d.out.Files = append(d.out.Files, out.Files...)
	tab.AppendChild(tab, &rawHTML{HTML: string(out.HTML), out: out})
}

// dedent removes the indentation every non-blank line of s shares, so
// that text indented inside a component is not read as code.
func dedent(s []byte) []byte {
	lines := strings.Split(string(s), "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return s
	}
	for i, l := range lines {
		if len(l) >= common {
			lines[i] = l[common:]
		} else {
			lines[i] = strings.TrimLeft(l, " \t")
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// mdxRoot matches the start of a JSX expression Docusaurus evaluates in a
// page, in .md files too: the page's props, front matter, metadata…
var mdxRoot = regexp.MustCompile(`^(?:props|frontMatter|metadata|assets|toc|contentTitle|siteConfig)\b`)

// jsxExpressionParser reads the JSX expressions of MDX in text,
// `{props.limit}`: Guichet runs no JavaScript, so they are left out of the
// page with a warning saying what to write. A comment, `{/* … */}`, shows
// nothing and a string literal, `{' '}`, its text, as in MDX. In .md files
// only these and expressions on Docusaurus' own values are read, so that
// placeholders like {tenant-id} stay text; attribute lists (`{ .class }`)
// and Hugo shortcodes are left to their readers.
type jsxExpressionParser struct{}

// Trigger implements parser.InlineParser.
func (jsxExpressionParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser.
func (jsxExpressionParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	d, _ := pc.Get(docKey).(*doc)
	line, seg := block.PeekLine()
	if d == nil || len(line) < 2 || line[1] == '{' || line[1] == '%' || block.PrecendingCharacter() == '{' || attrList.Match(line) {
		return nil
	}
	end := expressionEnd(line)
	if end < 0 {
		return nil
	}
	expr := strings.TrimSpace(string(line[1:end]))
	var node ast.Node
	switch {
	case strings.HasPrefix(expr, "/*") && strings.HasSuffix(expr, "*/"):
		node = ast.NewString(nil)
	case len(expr) >= 2 && (expr[0] == '\'' || expr[0] == '"') && expr[len(expr)-1] == expr[0] && !strings.ContainsRune(expr[1:len(expr)-1], rune(expr[0])):
		node = ast.NewString([]byte(expr[1 : len(expr)-1]))
	case expr != "" && (strings.EqualFold(path.Ext(d.in.File), ".mdx") || mdxRoot.MatchString(expr)):
		fix := ": write its value in the text"
		if field, ok := strings.CutPrefix(expr, "frontMatter."); ok && isFieldPath(field) {
			if _, found := lookupParam(d.in.Params, field); found {
				fix = fmt.Sprintf(": write {{< param %q >}} to show the front-matter field", field)
			} else {
				fix = ", and the front matter has no field `" + field + "`" + missingParam(field, d.in.Params)
			}
		}
		d.syntaxWarning("JSX expressions {…}", d.lines.at(seg.Start),
			"JSX expression {%s} is left out of the page (Guichet runs no JavaScript)%s", expr, fix)
		node = ast.NewString(nil)
	default:
		return nil
	}
	block.Advance(end + 1)
	return node
}

// expressionEnd returns the offset of the brace closing the one line[0]
// opens, on the same line (outside quoted strings), -1 when none.
func expressionEnd(line []byte) int {
	depth, q := 0, byte(0)
	for i, c := range line {
		switch {
		case c == '\n':
			return -1
		case q != 0:
			if c == q && line[i-1] != '\\' {
				q = 0
			}
		case c == '\'' || c == '"' || c == '`':
			q = c
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// jsxBlockParser reads a line holding one JSX tag whose attributes carry
// expressions, `<Tabs values={[{label: 'Mac', value: 'mac'}]}>` or
// `<BrowserList browsers={["chrome", "firefox"]} />`, as the HTML block
// CommonMark makes of a tag with plain attributes (its quotes and spaces
// inside braces are no HTML attribute value, which left the tag as text).
type jsxBlockParser struct{}

// Trigger implements parser.BlockParser.
func (jsxBlockParser) Trigger() []byte { return []byte{'<'} }

// Open implements parser.BlockParser.
func (jsxBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	if !jsxTagLine(bytes.TrimLeft(line, " ")) {
		return nil, parser.NoChildren
	}
	n := ast.NewHTMLBlock(ast.HTMLBlockType7)
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// Continue implements parser.BlockParser: the block ends at a blank line,
// as an HTML block of a tag does.
func (jsxBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Close
	}
	node.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser.
func (jsxBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (jsxBlockParser) CanInterruptParagraph() bool { return false }

// CanAcceptIndentedLine implements parser.BlockParser.
func (jsxBlockParser) CanAcceptIndentedLine() bool { return false }

// jsxTagLine reports whether line is one JSX component tag (a capitalised
// name) with at least one {…} attribute, and nothing after it.
func jsxTagLine(line []byte) bool {
	if len(line) < 3 || line[0] != '<' || line[1] < 'A' || line[1] > 'Z' {
		return false
	}
	i := 2
	for i < len(line) && (isWordByte(line[i]) || line[i] == '.') {
		i++
	}
	braces := false
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			return false
		}
		rest := line[i:]
		if bytes.HasPrefix(rest, []byte("/>")) || rest[0] == '>' {
			if rest[0] == '>' {
				i++
			} else {
				i += 2
			}
			return braces && len(bytes.TrimSpace(line[i:])) == 0
		}
		if rest[0] == '{' { // a spread, {...props}
			end := expressionEnd(rest)
			if end < 0 {
				return false
			}
			braces, i = true, i+end+1
			continue
		}
		start := i
		for i < len(line) && (isWordByte(line[i]) || line[i] == '-' || line[i] == ':') {
			i++
		}
		if i == start {
			return false
		}
		if i >= len(line) || line[i] != '=' {
			continue
		}
		i++
		if i >= len(line) {
			return false
		}
		switch line[i] {
		case '"', '\'':
			end := bytes.IndexByte(line[i+1:], line[i])
			if end < 0 {
				return false
			}
			i += end + 2
		case '{':
			end := expressionEnd(line[i:])
			if end < 0 {
				return false
			}
			braces, i = true, i+end+1
		default:
			return false
		}
	}
}

// isWordByte reports whether c is an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
