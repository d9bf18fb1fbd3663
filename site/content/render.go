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
	// anchors are links into other articles with a fragment, checked by
	// the loader once every article has its headings.
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
	Dest   string
	Target string // SourcePath of the article linked to
	Anchor string
}

// NewRenderer builds the site's goldmark configuration.
func NewRenderer(opts RenderOptions) *Renderer {
	r := &Renderer{sanitize: newSanitizer(), allowHTML: opts.AllowHTML}
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
				// After iconParser: `:material-check:` is an icon.
				util.Prioritized(newEmojiParser(), 200),
			),
			parser.WithASTTransformers(
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
}

// errorf records an error of kind at line of the file being rendered.
func (d *doc) errorf(kind string, line int, format string, args ...any) {
	d.out.Problems = append(d.out.Problems, errorAt(kind, d.in.File, line, "", format, args...))
}

// syntaxWarning records a warning about another tool's construct name
// (a shortcode, a ::: block) that Guichet leaves out, at line.
func (d *doc) syntaxWarning(name string, line int, format string, args ...any) {
	d.out.Problems = append(d.out.Problems, warningAt(site.KindSyntax, d.in.File, line, name, format, args...))
}

// lineIndex maps byte offsets of a body to line numbers in its file.
type lineIndex struct {
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
	return lineIndex{starts: starts, first: first}
}

// line returns the file line of offset; 0 when offset is unknown.
func (l lineIndex) line(offset int) int {
	if offset < 0 {
		return 0
	}
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset })
	return l.first + i - 1
}

// nodeLine finds the line of n, climbing to its ancestors when n itself
// carries no position (goldmark only records it on some nodes).
func (d *doc) nodeLine(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if p := n.Pos(); p >= 0 {
			return d.lines.line(p)
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return d.lines.line(n.Lines().At(0).Start)
		}
		if t, ok := n.(*ast.Text); ok {
			return d.lines.line(t.Segment.Start)
		}
	}
	return 0
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
