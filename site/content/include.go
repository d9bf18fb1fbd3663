package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"path"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Includes put the Markdown of another file in an article: DocFX's
// `[!INCLUDE [title](path)]` and Hugo's include shortcodes. The file is
// rendered on its own (its relative links resolved from where it is, its
// problems reported against it) and its HTML, headings and text take the
// place of the include. An include whose file is missing, outside the
// content folder, not Markdown or already being included (a cycle) is
// left out of the page and reported.

// maxIncludeDepth bounds includes within includes.
const maxIncludeDepth = 8

// kindInclude is the goldmark node kind of an include.
var kindInclude = ast.NewNodeKind("Include")

// includeRef is an include found in the text, expanded by the transformer.
type includeRef struct {
	ast.BaseInline
	Path string // as written
	What string // how the writer asked for it, for messages: "[!INCLUDE]"
	line srcPos // zero: the place of its paragraph
	// alsoRoot looks for a relative path from the content root too when
	// it is not beside the file (Hugo's include shortcodes).
	alsoRoot bool
}

// Kind implements ast.Node.
func (n *includeRef) Kind() ast.NodeKind { return kindInclude }

// Dump implements ast.Node.
func (n *includeRef) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Path": n.Path}, nil)
}

// includeParser reads DocFX's `[!INCLUDE [title](path)]`, at block level
// or inside a paragraph.
type includeParser struct{}

// Trigger implements parser.InlineParser.
func (includeParser) Trigger() []byte { return []byte{'['} }

// Parse implements parser.InlineParser.
func (includeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	const mark = "[!include"
	if len(line) < len(mark) || !strings.EqualFold(string(line[:len(mark)]), mark) {
		return nil
	}
	rest := line[len(mark):]
	i := len(bytes.TrimLeft(rest, " \t"))
	rest = rest[len(rest)-i:]
	if len(rest) == 0 || rest[0] != '[' {
		return nil
	}
	closeLabel := bytes.Index(rest, []byte("]("))
	if closeLabel < 0 {
		return nil
	}
	after := rest[closeLabel+2:]
	closeDest := bytes.IndexByte(after, ')')
	if closeDest < 0 {
		return nil
	}
	p := strings.TrimSpace(string(after[:closeDest]))
	// Its place is the path's, where a writer fixes it.
	at := seg.Start + len(line) - len(after) + len(after[:closeDest]) - len(bytes.TrimLeft(after[:closeDest], " \t"))
	tail := after[closeDest+1:]
	j := len(tail) - len(bytes.TrimLeft(tail, " \t"))
	if j >= len(tail) || tail[j] != ']' {
		return nil
	}
	consumed := len(line) - len(tail) + j + 1
	block.Advance(consumed)
	ref := &includeRef{Path: p, What: "[!INCLUDE]"}
	ref.SetPos(at)
	return ref
}

// expandIncludes renders every include of root in its place.
func (d *doc) expandIncludes(root *ast.Document) {
	var refs []*includeRef
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*includeRef); ok && entering {
			refs = append(refs, r)
		}
		return ast.WalkContinue, nil
	})
	for _, ref := range refs {
		d.expandInclude(ref)
	}
}

func (d *doc) expandInclude(ref *includeRef) {
	line := ref.line
	if line.line == 0 {
		line = d.nodeAt(ref)
	}
	parent := ref.Parent()
	out, ok := d.renderInclude(ref, line)
	if !ok {
		parent.RemoveChild(parent, ref)
		if para, isPara := parent.(*ast.Paragraph); isPara && d.blankInline(para) {
			para.Parent().RemoveChild(para.Parent(), para)
		}
		return
	}
	if para, isPara := parent.(*ast.Paragraph); isPara && d.onlyChild(para, ref) {
		para.Parent().ReplaceChild(para.Parent(), para, &rawHTML{HTML: string(out.HTML), out: out})
		return
	}
	// Inside a sentence: the included paragraph's text, without <p>.
	h := strings.TrimSpace(string(out.HTML))
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 {
		h = h[len("<p>") : len(h)-len("</p>")]
	}
	parent.ReplaceChild(parent, ref, &rawHTML{HTML: h, Inline: true, out: out})
}

// renderInclude reads and renders the file ref names; false when it is
// left out (the problem is recorded).
func (d *doc) renderInclude(ref *includeRef, line srcPos) (*Output, bool) {
	fail := func(format string, args ...any) (*Output, bool) {
		d.errorf(site.KindInclude, line, "%s %q left out of the page: "+format, append([]any{ref.What, ref.Path}, args...)...)
		return nil, false
	}
	if d.in.links == nil {
		return fail("includes are read from the content folder")
	}
	p := ref.Path
	if strings.HasPrefix(p, "~/") {
		p = "/" + p[2:] // DocFX's root of the docset
	}
	p, _, _ = splitURL(p)
	target, ok := d.resolvePath(p)
	if !ok {
		return fail("it is outside the content folder")
	}
	if !isMarkdown(target) && !strings.EqualFold(path.Ext(target), ".markdown") {
		return fail("only Markdown files can be included")
	}
	data, err := d.in.links.read(target)
	alsoTried := ""
	if err != nil && ref.alsoRoot && !strings.HasPrefix(p, "/") {
		if t, ok := d.resolvePath("/" + p); ok {
			if data2, err2 := d.in.links.read(t); err2 == nil {
				target, data, err = t, data2, nil
			} else if t != target {
				alsoTried = t
			}
		}
	}
	if err != nil && alsoTried != "" {
		// Both places MkDocs looks in: name the one the writer meant too.
		return fail("neither %s nor %s exists (or is a symbolic link that is not published)", target, alsoTried)
	}
	if errors.Is(err, errUnpublishedLink) {
		return fail("%s is a symbolic link that is not published (see the problem reported on it)", target)
	}
	if err != nil {
		return fail("%s does not exist", target)
	}
	chain := append(append([]string(nil), d.in.including...), d.in.File)
	for _, f := range chain {
		if f == target {
			return fail("it would include itself again (%s)", strings.Join(append(chain, target), " → "))
		}
	}
	if len(d.in.including) >= maxIncludeDepth {
		return fail("includes are nested more than %d deep", maxIncludeDepth)
	}
	sum := sha256.Sum256(data)
	data, _ = cleanText(data)
	_, body, bodyLine, _, err := splitFrontMatter(data)
	if err != nil {
		body, bodyLine = data, 1
	}
	sub, err := d.r.render(Input{Source: body, Locale: d.in.Locale, File: target, FirstLine: bodyLine,
		Params: d.in.Params, links: d.in.links, including: chain, ids: d.ids, words: d.in.words})
	if err != nil {
		return fail("%v", err)
	}
	d.out.Problems = append(d.out.Problems, sub.Problems...)
	d.out.anchors = append(d.out.anchors, sub.anchors...)
	d.out.Files = append(d.out.Files, sub.Files...) // its pictures are published with the article
	if d.out.includes == nil {
		d.out.includes = map[string][sha256.Size]byte{}
	}
	d.out.includes[target] = sum
	for f, s := range sub.includes {
		d.out.includes[f] = s
	}
	return sub, true
}

// onlyChild reports whether n is the only content of para besides spaces.
func (d *doc) onlyChild(para ast.Node, n ast.Node) bool {
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		if c != n && !d.isBlankInline(c) {
			return false
		}
	}
	return true
}

// blankInline reports whether a paragraph holds nothing readable.
func (d *doc) blankInline(para ast.Node) bool {
	return d.onlyChild(para, nil)
}

// isBlankInline reports whether an inline node is only spaces.
func (d *doc) isBlankInline(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Text:
		return len(bytes.TrimSpace(n.Segment.Value(d.src))) == 0
	case *ast.String:
		return len(bytes.TrimSpace(n.Value)) == 0
	}
	return false
}
