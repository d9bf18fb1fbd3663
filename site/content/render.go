package content

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// RenderOptions configures the site's single Markdown configuration.
type RenderOptions struct {
	// AllowHTML renders raw HTML found in Markdown (site.Config.AllowHTML).
	// Dangerous URL schemes stay blocked either way.
	AllowHTML bool
}

// Renderer turns Markdown bodies into HTML with the one goldmark
// configuration of the site: GFM, heading ids, GitHub alerts, lazy images,
// server-side highlighting with CSS classes, link rewriting. It is safe for
// concurrent use.
type Renderer struct {
	md        goldmark.Markdown
	sanitize  *bluemonday.Policy
	allowHTML bool
	words     *i18n.Catalog // the default theme's strings, for an Input without its own
}

// docKey hands the per-render state to the AST transformer. goldmark
// context keys must be package-level: NewContextKey bumps a global counter
// (without locking) that sizes every parser context, so creating one per
// Renderer would race and grow each parse on every content reload.
var docKey = parser.NewContextKey()

// Input is one Markdown body to render.
type Input struct {
	Source []byte // the body, without front matter
	Locale string // locale of the article: alert titles
	// Title is the article's title: a leading level-1 heading equal to it
	// is dropped; every other level-1 heading is rendered as h2.
	Title string
	// File is the source path relative to the content root (for problems
	// and relative links); FirstLine is the line of Source's first byte in
	// that file (1 when Source is the whole file).
	File      string
	FirstLine int
	// Params are the article's front-matter fields (Hugo's param
	// shortcode reads them).
	Params map[string]any

	// words are the site's interface strings (renderedWords): the
	// theme's with the content folder's i18n/ over them; nil: the
	// default theme's (Renderer.words).
	words *i18n.Catalog

	links     linkResolver // nil: relative links are left alone
	including []string     // files being included, outermost first (cycles)
	ids       *headingIDs  // the including article's ids, shared
}

// Output is a rendered body.
type Output struct {
	HTML     template.HTML
	Headings []site.Heading // all headings, in order
	TOC      []site.Heading // headings of level 2 and 3
	Sections []site.Section // plain text split by heading
	Text     string         // plain text of the body
	Problems []site.Problem // broken links and images
	// Files are the content files the body references and the site
	// publishes under /_content/ (images and attachments), content paths.
	Files []string
	// anchors are links with a fragment into other articles, or into
	// this page (Target ""), checked by the loader once every article has
	// its headings.
	anchors []anchorRef
	// lead is the text of the first paragraph, for a default description.
	lead string
	// includes are the files included and the sha256 of what was read,
	// for the render cache.
	includes map[string][sha256.Size]byte
}

// anchorRef is a link to target#anchor found on line of a file.
type anchorRef struct {
	File   string // where the link is written: the article or a file it includes
	Line   int
	Column int
	Dest   string
	Target string // SourcePath of the article linked to; "" for the page it is on
	Anchor string
}

// NewRenderer builds the site's goldmark configuration.
func NewRenderer(opts RenderOptions) *Renderer {
	r := &Renderer{sanitize: newSanitizer(), allowHTML: opts.AllowHTML, words: defaultWords()}
	htmlOpts := []renderer.Option{}
	if opts.AllowHTML {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	r.md = goldmark.New(
		goldmark.WithExtensions(
			// Alignment becomes a class (see tableAlign): no inline style.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.TaskList,
			extension.NewLinkify(),
			extension.DefinitionList, // Hugo and MkDocs content uses them
		),
		goldmark.WithParserOptions(
			parser.WithHeadingAttribute(),
			// Before goldmark's tables (200): a pipe inside code stays in its cell.
			parser.WithParagraphTransformers(util.Prioritized(codePipeTables{}, 199)),
			parser.WithBlockParsers(
				util.Prioritized(extension.NewFootnoteBlockParser(), 999),
				// Other tools' blocks, before the setext heading (===) and
				// the paragraph parsers.
				util.Prioritized(colonFenceParser{}, 50),
				util.Prioritized(mkdocsParser{}, 50),
				util.Prioritized(shortcodeBlockParser{}, 50),
				util.Prioritized(esmParser{}, 50),
				util.Prioritized(jsxBlockParser{}, 50),
			),
			parser.WithInlineParsers(
				util.Prioritized(extension.NewFootnoteParser(), 101),
				util.Prioritized(docfxInlineParser{}, 100),
				util.Prioritized(includeParser{}, 100),
				util.Prioritized(shortcodeInlineParser{}, 100),
				util.Prioritized(keysParser{}, 100),
				util.Prioritized(iconParser{}, 100),
				util.Prioritized(jsxExpressionParser{}, 100),
				util.Prioritized(lineStartEscape{}, 100),
				// After iconParser: `:material-check:` is an icon.
				util.Prioritized(newEmojiParser(), 200),
			),
			parser.WithASTTransformers(
				util.Prioritized(codePipeEscapes{}, 1),
				util.Prioritized(extension.NewFootnoteASTTransformer(), 999),
				// After the footnotes are numbered and listed.
				util.Prioritized(transformer{}, 1000),
			),
		),
		goldmark.WithRendererOptions(htmlOpts...),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(calloutRenderer{}, 100),
			util.Prioritized(newCodeRenderer(), 200),
			util.Prioritized(footnoteRenderer{}, 100),
			util.Prioritized(blockRenderer{}, 100),
			util.Prioritized(newEmojiRenderer(), 100),
		)),
	)
	return r
}

// Render renders one Markdown body. Relative links to .md files are left
// as written; use Load to have them rewritten and checked.
func (r *Renderer) Render(in Input) (*Output, error) {
	return r.render(in)
}

func (r *Renderer) render(in Input) (*Output, error) {
	if in.FirstLine < 1 {
		in.FirstLine = 1
	}
	// Invalid bytes become U+FFFD (the loader warns about them): every
	// page, feed and JSON stays valid UTF-8.
	if !utf8.Valid(in.Source) {
		in.Source = bytes.ToValidUTF8(in.Source, []byte("\uFFFD"))
	}
	in.Source = headingAttrColons(in.Source)
	d := &doc{in: in, r: r, src: in.Source, lines: newLineIndex(in.Source, in.FirstLine), out: &Output{}, ids: in.ids}
	if d.ids == nil {
		d.ids = newHeadingIDs()
	}
	pc := parser.NewContext()
	pc.Set(docKey, d)
	root := r.md.Parser().Parse(text.NewReader(in.Source), parser.WithContext(pc))
	var buf bytes.Buffer
	buf.Grow(len(in.Source) * 3 / 2)
	if err := r.md.Renderer().Render(&buf, in.Source, root); err != nil {
		return nil, fmt.Errorf("render %s: %w", in.File, err)
	}
	// Code blocks scroll sideways: keyboard users must be able to reach them.
	html := strings.ReplaceAll(buf.String(), "<pre>", `<pre tabindex="0">`)
	html = strings.ReplaceAll(html, `<pre class="chroma">`, `<pre tabindex="0" class="chroma">`)
	// Whatever goldmark produced, raw HTML included, passes the one policy.
	d.out.HTML = template.HTML(r.sanitize.Sanitize(html)) //nolint:gosec // sanitised above
	return d.out, nil
}

// doc is the per-render state handed to the AST transformer.
type doc struct {
	in    Input
	r     *Renderer
	src   []byte
	lines lineIndex
	out   *Output
	ids   *headingIDs
	// headingOf is each heading's entry in out.Headings (plainText).
	headingOf map[*ast.Heading]site.Heading
	// resolved holds the links whose destination a shortcode (ref,
	// relref) already resolved and checked: the links pass leaves them
	// as they are, so a problem is reported once, where it was written.
	resolved map[*ast.Link]bool
	// titleAnchor stands where the # heading that repeated the title was
	// (fixTopHeading): an empty anchor with the id the heading had, from
	// titleAnchorID ({#id}) or titleAnchorText.
	titleAnchor                    *rawHTML
	titleAnchorID, titleAnchorText string
}

// srcPos is a place in the file being rendered, where a problem is
// reported: its 1-based line and column. The column counts characters
// (runes) from the start of the line, as editors show it; 0 when only the
// line is known (a place inside a block whose lines were rewritten).
type srcPos struct {
	line, col int
}

// problem records a problem of severity and kind at the place at of the
// file being rendered, about field (or "").
func (d *doc) problem(sev site.Severity, kind string, at srcPos, field, format string, args ...any) {
	d.out.Problems = append(d.out.Problems, site.Problem{Severity: sev, Kind: kind, File: d.in.File,
		Line: at.line, Column: at.col, Field: field, Message: fmt.Sprintf(format, args...)})
}

// errorf records an error of kind at the place at of the file being rendered.
func (d *doc) errorf(kind string, at srcPos, format string, args ...any) {
	d.problem(site.SeverityError, kind, at, "", format, args...)
}

// warnf records a warning of kind at the place at of the file being rendered.
func (d *doc) warnf(kind string, at srcPos, format string, args ...any) {
	d.problem(site.SeverityWarning, kind, at, "", format, args...)
}

// syntaxWarning records a warning about another tool's construct name
// (a shortcode, a ::: block) that Guichet leaves out, at its place.
func (d *doc) syntaxWarning(name string, at srcPos, format string, args ...any) {
	d.problem(site.SeverityWarning, site.KindSyntax, at, name, format, args...)
}

// lineIndex maps byte offsets of a body to lines and columns in its file.
type lineIndex struct {
	src    []byte
	starts []int // offsets where each line starts
	first  int
}

func newLineIndex(src []byte, first int) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts, first: first}
}

// at returns the file line and column of offset; zero when offset is
// unknown.
func (l lineIndex) at(offset int) srcPos {
	if offset < 0 || offset > len(l.src) {
		return srcPos{}
	}
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset })
	return srcPos{line: l.first + i - 1, col: utf8.RuneCount(l.src[l.starts[i-1]:offset]) + 1}
}

// nodeLine finds the line of n (see nodeAt).
func (d *doc) nodeLine(n ast.Node) int { return d.nodeAt(n).line }

// nodeAt finds the place of n, climbing to its ancestors when n itself
// carries no position (goldmark only records it on some nodes).
func (d *doc) nodeAt(n ast.Node) srcPos {
	return d.lines.at(nodeOffset(n))
}

// nodeOffset is the offset in the source where n, or its closest
// ancestor with a position, starts; -1 when none has one.
func nodeOffset(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if p := n.Pos(); p >= 0 {
			return p
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return -1
}

// destAt finds the place of the destination of link or image n, where a
// writer fixes it: after "](" in [text](dest) and ![alt](dest), else
// where the destination is written on the line n starts on (another
// tool's image, `:::image source="…"`, `{{< figure src="…" >}}`), else
// the start of n (a link by reference, [text][ref]).
func (d *doc) destAt(n ast.Node) srcPos {
	start := nodeOffset(n)
	if start < 0 || start >= len(d.src) {
		return srcPos{}
	}
	var dest []byte
	switch n := n.(type) {
	case *ast.Link:
		dest = n.Destination
	case *ast.Image:
		dest = n.Destination
	}
	if n.Pos() >= 0 {
		if at, ok := d.inlineDest(n, start); ok {
			return d.lines.at(at)
		}
	}
	end := bytes.IndexByte(d.src[start:], '\n')
	if end < 0 {
		end = len(d.src) - start
	}
	if i := bytes.Index(d.src[start:start+end], dest); len(dest) > 0 && i >= 0 {
		return d.lines.at(start + i)
	}
	return d.lines.at(start)
}

// inlineDest returns the offset of the destination of n, a link or an
// image starting at offset start written [text](dest); false when it is
// written otherwise.
func (d *doc) inlineDest(n ast.Node, start int) (int, bool) {
	// The end of the text in brackets: after its last segment, else its start.
	from := start
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && t.Segment.Stop > from {
			from = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	if from == start {
		from += len(d.src[start:]) - len(bytes.TrimLeft(d.src[start:], "!["))
	}
	// Only the marks that close the text's emphasis or code may come
	// before "](": anything else is a link by reference.
	i := bytes.Index(d.src[from:], []byte("]("))
	if i < 0 || len(bytes.Trim(d.src[from:from+i], "*_`~ \t")) > 0 {
		return 0, false
	}
	at := from + i + 2
	for at < len(d.src) && (d.src[at] == ' ' || d.src[at] == '\t' || d.src[at] == '\n' || d.src[at] == '\r') {
		at++
	}
	if at < len(d.src) && d.src[at] == '<' {
		at++
	}
	return at, true
}

// headingAttr matches an ATX heading line ending with an attribute list
// written the way MkDocs' attr_list writes it, with a colon: `## Install
// {: #setup .lead }`.
var headingAttr = regexp.MustCompile(`^ {0,3}#{1,6}[ \t][^\n]*?(\{:)[^{}\n]*\}[ \t]*\r?$`)

// headingAttrColons returns src with the colon that opens such a list
// made a space, of the same length so that every offset stays ("## Install
// {  #setup }"), which goldmark reads as the heading's attributes
// (`{#id .class}`): the list was shown in the heading and its id lost.
// Lines in fenced code are left as they are. src itself when it has none.
func headingAttrColons(src []byte) []byte {
	if !bytes.Contains(src, []byte("{:")) {
		return src
	}
	var out []byte
	linesOutsideFences(src, func(at int, line []byte) bool {
		if m := headingAttr.FindSubmatchIndex(line); m != nil {
			if out == nil {
				out = bytes.Clone(src)
			}
			out[at+m[2]+1] = ' '
		}
		return true
	})
	if out == nil {
		return src
	}
	return out
}
