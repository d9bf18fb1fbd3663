package content

import (
	"html"
	"regexp"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer applies Guichet's rules to a parsed body: one h1 per page,
// GitHub alerts, heading ids, safe and rewritten links, lazy images, and
// the plain text used by search.
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	d, _ := pc.Get(docKey).(*doc)
	if d == nil {
		return
	}
	src := reader.Source()
	d.shortcodes(root)
	d.jsxTabs(root)
	d.docfxTabs(root)
	d.htmlIDs(root)
	d.htmlAnchors(root)
	d.htmlDetails(root)
	d.htmlText(root)
	placeSnippets(root)
	d.expandIncludes(root)
	placeComplexImages(root)
	d.fixTopHeading(root, src)
	d.labelFootnotes(root)
	d.alerts(root, src)
	d.mkdocsMarkers(root, src)
	d.strayAdmonitions(root, src)
	d.stripDocfxMarkers(root, src)
	groupTabs(root)
	d.inlineLists(root)
	d.leftOutHTML(root)
	d.inlineNoText(root)
	d.headingIDs(root, src)
	d.links(root, src)
	d.plainText(root, src)
}

// fixTopHeading drops a leading h1 that repeats or nearly repeats the
// title (nearTitle) and demotes every other h1, so that the page keeps the
// single h1 its template prints and shows its title once.
func (d *doc) fixTopHeading(root *ast.Document, src []byte) {
	lead := root.FirstChild()
	for lead != nil && leavesNoTrace(lead) {
		// MDX imports and HTML comments above the heading show nothing:
		// the heading still opens the page ("import Tabs from …" then
		// "# Create your farm", as Docusaurus docs are written).
		lead = lead.NextSibling()
	}
	if first, ok := lead.(*ast.Heading); ok && first.Level == 1 &&
		d.in.Title != "" && nearTitle(inlineText(first, src), d.in.Title) {
		// Its anchor stays where it was, as an empty anchor (headingIDs
		// names it): the "Back to top" links to it and links from other
		// pages keep leading there, as on GitHub.
		d.titleAnchor = &rawHTML{}
		d.titleAnchorText = anchorText(first, src)
		if v, ok := first.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				d.titleAnchorID = safeID(string(b))
			}
		}
		root.ReplaceChild(root, first, d.titleAnchor)
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			if h.Level == 1 {
				h.Level = 2
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// leavesNoTrace reports whether block n shows nothing on the page: an MDX
// import or export, or an HTML comment.
func leavesNoTrace(n ast.Node) bool {
	switch n := n.(type) {
	case *esm:
		return true
	case *ast.HTMLBlock:
		return n.HTMLBlockType == ast.HTMLBlockType2
	}
	return false
}

// headingIDs gives every heading a unique id (explicit {#id} attributes
// win) and records Headings and TOC.
func (d *doc) headingIDs(root *ast.Document, src []byte) {
	ids := d.ids
	d.headingOf = map[*ast.Heading]site.Heading{}
	for _, id := range footnoteIDs(root) {
		ids.Put([]byte(id))
	}

	var items []ast.Node // headings and included files, in order
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if r, ok := n.(*rawHTML); ok && r.out != nil {
			items = append(items, r)
			return ast.WalkSkipChildren, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			items = append(items, h)
			if v, ok := h.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					// {#id} written by the writer: kept, but out of the theme's namespace.
					b = []byte(safeID(string(b)))
					h.SetAttributeString("id", b)
					ids.Put(b)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	add := func(hd site.Heading) {
		d.out.Headings = append(d.out.Headings, hd)
		if hd.Level == 2 || hd.Level == 3 {
			d.out.TOC = append(d.out.TOC, hd)
		}
	}
	for _, item := range items {
		h, ok := item.(*ast.Heading)
		if !ok {
			// An included file's headings, their ids taken from the same set.
			for _, hd := range item.(*rawHTML).out.Headings {
				add(hd)
			}
			continue
		}
		txt := inlineText(h, src)
		var id string
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				id = string(b)
			}
		}
		if id == "" {
			id = string(ids.Generate([]byte(anchorText(h, src)), ast.KindHeading))
			h.SetAttributeString("id", []byte(id))
		}
		hd := site.Heading{Level: h.Level, ID: id, Text: txt}
		d.headingOf[h] = hd
		add(hd)
	}
	if a := d.titleAnchor; a != nil {
		// Named last, so no heading's id changes: a heading with the
		// title's words keeps the anchor, which then leads there.
		id := d.titleAnchorID
		if id == "" {
			id = safeID(anchor(d.titleAnchorText))
		}
		if id != "" && !ids.used[id] {
			ids.Put([]byte(id))
			a.HTML = `<a id="` + html.EscapeString(id) + `"></a>`
		}
	}
}

// links neutralises dangerous URLs, rewrites relative links to articles
// and images, marks images lazy and makes tables focusable.
func (d *doc) links(root *ast.Document, src []byte) {
	// Links and images whose URL may not be rendered become their text.
	var unwrap []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			d.dropAttrList(n)
			dest := string(n.Destination)
			switch {
			case d.resolved[n]:
				// A ref's link: resolved and checked where it was written.
			case strings.Contains(dest, "{{<") || strings.Contains(dest, "{{%"):
				// A Hugo shortcode as the target: ref gives the URL, others drop the link.
				u, keep := d.linkShortcode(dest, d.destAt(n))
				n.Destination = []byte(u)
				if !keep {
					n.Destination = nil
				}
			default:
				n.Destination = []byte(d.linkDest(n, dest))
			}
			if len(n.Destination) == 0 {
				unwrap = append(unwrap, n)
			}
		case *ast.Image:
			d.dropAttrList(n)
			n.Destination = []byte(d.imageDest(n, string(n.Destination)))
			if len(n.Destination) == 0 {
				unwrap = append(unwrap, n)
				return ast.WalkSkipChildren, nil
			}
			n.SetAttributeString("loading", []byte("lazy"))
			n.SetAttributeString("decoding", []byte("async"))
		case *ast.AutoLink:
			if dangerousURL(string(n.URL(src)), false) {
				unwrap = append(unwrap, n)
			}
		case *east.Table:
			// Wide tables scroll sideways (CSS): reachable by keyboard.
			n.SetAttributeString("tabindex", []byte("0"))
		case *east.TableCell:
			// Alignment as a class, not goldmark's inline style, which the
			// sanitiser and the Content-Security-Policy would drop.
			if n.Alignment != east.AlignNone {
				n.SetAttributeString("class", []byte("align-"+n.Alignment.String()))
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unwrap {
		parent := n.Parent()
		switch n := n.(type) {
		case *ast.AutoLink:
			parent.ReplaceChild(parent, n, ast.NewString(n.Label(src)))
		case *ast.Image:
			parent.ReplaceChild(parent, n, ast.NewString([]byte(inlineText(n, src))))
		default:
			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, n, c)
				c = next
			}
			parent.RemoveChild(parent, n)
		}
	}
}

// isTableCell reports whether n is a GFM table cell; cells hold inline
// content like paragraphs do.
func isTableCell(n ast.Node) bool {
	_, ok := n.(*east.TableCell)
	return ok
}

// attrList matches the attribute list Python-Markdown (MkDocs) and kramdown
// (Jekyll) put after a link or an image: `{ .md-button }`, `{: #id }`,
// `{ width="300" }`.
var attrList = regexp.MustCompile(`^\{:?\s*(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))(?:\s+(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)))*\s*\}`)

// dropAttrList removes the attribute list written right after a link or an
// image: Guichet's theme styles links itself.
func (d *doc) dropAttrList(n ast.Node) {
	var texts []*ast.Text
	var b []byte
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || len(b) > 200 {
			break
		}
		texts = append(texts, t)
		b = append(b, t.Segment.Value(d.src)...)
	}
	m := attrList.Find(b)
	if m == nil {
		return
	}
	cut := len(m)
	for _, t := range texts {
		l := t.Segment.Len()
		if cut >= l {
			t.Segment = t.Segment.WithStart(t.Segment.Stop)
			cut -= l
			continue
		}
		t.Segment = t.Segment.WithStart(t.Segment.Start + cut)
		break
	}
}
