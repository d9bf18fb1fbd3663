package content

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Raw HTML in Markdown is left out of the page unless allow_html is on.
// Two things keep that from losing text silently: a collapsible section
// written in HTML (<details><summary>…</summary>…</details>, as GitHub and
// Docusaurus pages write it) is read as the collapsible section Guichet
// draws itself, with its Markdown content; and any other HTML left out is a
// warning in check, at its line, saying what is lost (the tags, their text
// kept, or the element with its text: htmlLost) and how to write it in
// Markdown.

// detailsTag matches the tags of an HTML collapsible section: an opening
// <details> (submatches 1 and 2: "/" for a closing one, its attributes) or
// a whole <summary>…</summary> (submatch 3: its text).
var detailsTag = regexp.MustCompile(`(?is)<(/?)details\b([^>]*)>|<summary\b[^>]*>(.*?)</summary\s*>`)

// openAttr matches the open attribute of <details open>.
var openAttr = regexp.MustCompile(`(?i)\bopen\b`)

// anyTag matches an HTML tag, for plain text and names.
var anyTag = regexp.MustCompile(`(?s)<[^>]*>`)

// htmlDetails turns HTML <details> sections into collapsible boxes when
// raw HTML is not rendered: the Markdown between the tags, in blocks of
// its own or inside the HTML block, is kept in the box.
func (d *doc) htmlDetails(root *ast.Document) {
	if d.r.allowHTML {
		return
	}
	var parents []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if hb, ok := n.(*ast.HTMLBlock); ok && entering && detailsTag.Match(d.blockText(hb)) {
			if p := hb.Parent(); len(parents) == 0 || parents[len(parents)-1] != p {
				parents = append(parents, p)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, p := range parents {
		var open []*box
		add := func(before ast.Node, n ast.Node) {
			if len(open) > 0 {
				open[len(open)-1].AppendChild(open[len(open)-1], n)
			} else {
				p.InsertBefore(p, before, n)
			}
		}
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			hb, ok := c.(*ast.HTMLBlock)
			if !ok || !detailsTag.Match(d.blockText(hb)) {
				if len(open) > 0 {
					open[len(open)-1].AppendChild(open[len(open)-1], c)
				}
				c = next
				continue
			}
			src := d.blockText(hb)
			line := d.nodeLine(hb)
			at := 0
			text := func(upTo int) {
				if t := src[at:upTo]; len(bytes.TrimSpace(t)) > 0 {
					b := &box{}
					d.jsxContent(b, t, line+bytes.Count(src[:at], []byte("\n")))
					add(hb, b)
				}
			}
			for _, m := range detailsTag.FindAllSubmatchIndex(src, -1) {
				text(m[0])
				at = m[1]
				switch {
				case m[6] >= 0: // <summary>
					if len(open) > 0 {
						s := html.UnescapeString(anyTag.ReplaceAllString(string(src[m[6]:m[7]]), ""))
						open[len(open)-1].Summary = strings.Join(strings.Fields(s), " ")
					}
				case m[3] > m[2]: // </details>
					if len(open) > 0 {
						open = open[:len(open)-1]
					}
				default:
					b := &box{Tag: "details", Summary: d.word(wordDetails),
						Open: openAttr.Match(src[m[4]:m[5]])}
					add(hb, b)
					open = append(open, b)
				}
			}
			text(len(src))
			p.RemoveChild(p, hb)
			c = next
		}
	}
}

// brTag matches a line break written in HTML, <br>, <br/> or <br />.
var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// brLines matches an HTML block of line breaks alone (`<br>` on a line of
// its own between paragraphs, as writers add space), which GitHub shows.
var brLines = regexp.MustCompile(`(?i)^(?:\s*<br\s*/?>)+\s*$`)

// leadingBr matches the line breaks that open an HTML block, and the
// space after them.
var leadingBr = regexp.MustCompile(`(?i)^(?:\s*<br\s*/?>)+\s*`)

// leftOutHTML warns, once per line, about raw HTML the page leaves out
// (allow_html is off): HTML comments are meant to be hidden and are not
// reported, nor are closing tags. A <br> is a line break (the only way to
// break a line in a table cell, as Microsoft Docs write them), and a <br>
// on a line of its own between blocks is shown, as GitHub shows it.
func (d *doc) leftOutHTML(root *ast.Document) {
	if d.r.allowHTML {
		return
	}
	var breaks []*ast.RawHTML
	var breakBlocks []*ast.HTMLBlock
	defer func() {
		for _, br := range breaks {
			seg := br.Segments.At(0)
			t := ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start))
			t.SetHardLineBreak(true)
			br.Parent().ReplaceChild(br.Parent(), br, t)
		}
		for _, hb := range breakBlocks {
			n := len(openTag.FindAllIndex(d.blockText(hb), -1))
			hb.Parent().ReplaceChild(hb.Parent(), hb, &rawHTML{HTML: strings.Repeat("<br>\n", n)})
		}
	}()
	seen := map[string]bool{} // line and tag: each tag of a line once
	warn := func(raw []byte, at srcPos, block bool) {
		tag := htmlTagName(raw)
		if tag == "" {
			return
		}
		if inner := innerTag(raw); inner != "" {
			tag = inner // <p align="center"><img …>: the picture is what is lost
		}
		if loc := htmlNoText.FindIndex(raw); block && loc != nil {
			// A block whose text goes with a style or a table among kept
			// text names that element: "<em> is left out of the page
			// with its text" was said where the page kept the <em>'s.
			tag = strings.ToLower(string(openTag.FindSubmatch(raw[loc[0]:])[1]))
		}
		k := fmt.Sprint(at.line, "<", strings.ToLower(tag))
		if seen[k] {
			return
		}
		seen[k] = true
		d.syntaxWarning("<"+tag+">", at, "raw HTML <%s> %s (allow_html is off): %s, or set allow_html: true in guichet.yaml", tag, htmlLost(raw, tag, block), markdownFor(tag))
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			raw, at := d.blockText(n), d.nodeAt(n)
			if brLines.Match(raw) {
				breakBlocks = append(breakBlocks, n)
				break
			}
			if lead := leadingBr.Find(raw); lead != nil {
				// `<br>` then `<img …>`: the picture is what the reader
				// misses; `<br>` then text: the break is shown (htmlText),
				// and a tag further on is what is left out.
				rest := raw[len(lead):]
				skip := len(lead)
				if t := openTag.FindIndex(rest); t == nil {
					break
				} else if htmlTagName(rest) == "" {
					skip += t[0]
				}
				at = srcPos{line: at.line + bytes.Count(raw[:skip], []byte("\n"))}
				raw = raw[skip:]
			}
			if n.HTMLBlockType != ast.HTMLBlockType2 {
				warn(raw, at, true)
			}
		case *ast.RawHTML:
			if n.Segments.Len() == 0 {
				break
			}
			if seg := n.Segments.At(0); n.Segments.Len() == 1 && brTag.Match(seg.Value(d.src)) {
				breaks = append(breaks, n)
			} else {
				seg := n.Segments.At(0)
				warn(seg.Value(d.src), d.lines.at(seg.Start), false)
			}
		}
		return ast.WalkContinue, nil
	})
}

// htmlAttr matches an attribute of an HTML tag (submatch 1: its name,
// 2: its value, quoted or not).
var htmlAttr = regexp.MustCompile(`(?i)\s([a-z][a-z0-9:-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)`)

// anchorOf returns the place an HTML tag marks as a link target, "" for
// any other tag: an anchor's id or name, `<a id="x">` or `<a name="x">`
// without href, as Microsoft Docs and older Markdown mark a place to link
// to ("Back to top" links to #summary), or the id of a wrapper whose loss
// loses nothing but the wrapper (`<div id="sectiona">`, `<span id="x">`:
// targetWrapper). An element that shows something itself (<img id>) or
// an anchor with href is none: left out, it is reported.
func anchorOf(tag []byte) string {
	t := bytes.TrimSpace(tag)
	m := tagStart.FindSubmatch(t)
	if m == nil || t[len(t)-1] != '>' {
		return ""
	}
	name := strings.ToLower(string(m[1]))
	if name != "a" && !targetWrapper[name] {
		return ""
	}
	id := ""
	for _, m := range htmlAttr.FindAllSubmatch(t[1+len(m[1]):len(t)-1], -1) {
		v := strings.Trim(html.UnescapeString(string(m[2])), `"'`)
		switch strings.ToLower(string(m[1])) {
		case "href":
			if name == "a" {
				return ""
			}
		case "id":
			id = v
		case "name":
			if id == "" && name == "a" {
				id = v
			}
		}
	}
	return strings.TrimSpace(id)
}

// tagStart matches the start of an opening HTML tag up to the space
// after its name (submatch 1: the name).
var tagStart = regexp.MustCompile(`^<([a-zA-Z][a-zA-Z0-9]*)[\s/]`)

// targetWrapper lists the elements that wrap text and are written with an
// id to be linked to: left out when raw HTML is, their text is kept
// (htmlText) and their id is kept as an empty anchor (htmlAnchors).
var targetWrapper = map[string]bool{"div": true, "span": true, "section": true, "article": true, "p": true, "aside": true, "header": true, "footer": true, "main": true}

// anchorTags matches an HTML block that holds nothing but tags of anchors
// and wrappers and their closing tags (`<a id="summary"></a>`, `<div
// id="sectiona">` on a line of its own).
var anchorTags = regexp.MustCompile(`(?is)^(?:\s*(?:<(?:a|div|span|section|article|p|aside|header|footer|main)\s[^>]*>|</[a-z]+\s*>))+\s*$`)

// htmlAnchors keeps, when raw HTML is left out (allow_html off), the
// places HTML tags mark as link targets (anchorOf: `<a id="summary"></a>`,
// `<a name="step-2">`, `<div id="sectiona">`, `<span id="x">`), as empty
// anchors of the page with that id (out of the theme's namespace, as a
// heading's; only the id, escaped, never another attribute): they were
// left out with the rest of the HTML, so the links to them ("[Back to
// top](#summary)", "[Details](#sectiona)") led nowhere, under a warning to
// write the link in Markdown. A block of such tags alone, or one inline
// tag, is replaced by its anchors and not reported; the anchors of a
// block holding more (`<div id="sectiona">` opening a <details>) go before
// it, and the block is read as before (its text kept, what is lost
// reported). It runs before the passes that read HTML blocks.
func (d *doc) htmlAnchors(root *ast.Document) {
	if d.r.allowHTML {
		return
	}
	var found []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			if n.Segments.Len() == 1 {
				if seg := n.Segments.At(0); anchorOf(seg.Value(d.src)) != "" {
					found = append(found, n)
				}
			}
		case *ast.HTMLBlock:
			if openTag.Match(d.blockText(n)) {
				found = append(found, n)
			}
		}
		return ast.WalkContinue, nil
	})
	place := func(id string) string {
		if d.ids.html[id] {
			return ""
		}
		d.ids.html[id] = true
		return `<a id="` + html.EscapeString(safeID(id)) + `"></a>`
	}
	for _, n := range found {
		p := n.Parent()
		if r, ok := n.(*ast.RawHTML); ok {
			seg := r.Segments.At(0)
			p.ReplaceChild(p, n, &rawHTML{HTML: place(anchorOf(seg.Value(d.src))), Inline: true})
			continue
		}
		src := d.blockText(n.(*ast.HTMLBlock))
		var b strings.Builder
		anchors := false
		for _, t := range openTag.FindAllIndex(src, -1) {
			tag := src[t[0]:]
			if end := bytes.IndexByte(tag, '>'); end > 0 {
				if id := anchorOf(tag[:end+1]); id != "" {
					b.WriteString(place(id))
					anchors = true
				}
			}
		}
		switch {
		case !anchors:
			// none: read as any other HTML block
		case anchorTags.Match(src):
			p.ReplaceChild(p, n, &rawHTML{HTML: b.String()})
		case b.Len() > 0:
			p.InsertBefore(p, n, &rawHTML{HTML: b.String()})
		}
	}
}

// htmlIDs reports the ids of HTML tags the page cannot keep: an id with a
// space, a quote or other punctuation (`<div id="a b">`) is dropped by the
// sanitizer (contentID) when raw HTML is rendered (allow_html on), and is
// kept as no anchor when it is left out (htmlAnchors), so links to it
// lead nowhere; check reported the broken link alone, not why. Each is a
// warning at the tag's line and column with the id to write instead.
// With allow_html off, only the tags whose id is kept as an anchor
// (anchorOf) are checked: the others are left out and reported whole.
func (d *doc) htmlIDs(root *ast.Document) {
	check := func(tag []byte, at srcPos) {
		m := tagStart.FindSubmatch(tag)
		if m == nil {
			return
		}
		name := strings.ToLower(string(m[1]))
		id := ""
		if d.r.allowHTML {
			for _, a := range htmlAttr.FindAllSubmatch(tag[1+len(m[1]):], -1) {
				if strings.EqualFold(string(a[1]), "id") {
					id = strings.Trim(html.UnescapeString(string(a[2])), `"'`)
				}
			}
		} else {
			id = anchorOf(tag)
		}
		if id == "" || contentID.MatchString(safeID(id)) {
			return
		}
		fix := "give it one of letters and digits"
		if a := anchor(id); a != "" {
			fix = fmt.Sprintf("write id=%q and link to #%s", a, a)
		}
		d.problem(site.SeverityWarning, site.KindSyntax, at, "<"+name+">",
			"the id %q of <%s> is left out of the page and links to it lead nowhere: an id is letters, digits, -, _, : and . without spaces or quotes; %s", id, name, fix)
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			if n.Segments.Len() == 1 {
				seg := n.Segments.At(0)
				check(seg.Value(d.src), d.lines.at(seg.Start))
			}
		case *ast.HTMLBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				line := seg.Value(d.src)
				for _, t := range openTag.FindAllIndex(line, -1) {
					if end := bytes.IndexByte(line[t[0]:], '>'); end > 0 {
						check(line[t[0]:t[0]+end+1], d.lines.at(seg.Start+t[0]))
					}
				}
			}
		}
		return ast.WalkContinue, nil
	})
}

// listTag matches an inline HTML list tag alone: <ul>, <ol> or <li>, with
// attributes or not (submatch 2: the name), or its closing tag (submatch
// 1: "/").
var listTag = regexp.MustCompile(`(?i)^<(/?)(ul|ol|li)\b[^>]*>$`)

// inlineLists shows a list written in HTML inside a line of text, as
// Microsoft Docs write the lists of a table cell, which Markdown cannot
// hold (`Fix:<br><ul><li>Restart.</li><li>Sign in.</li></ul>`), when raw
// HTML is left out (allow_html off): each item on a line of its own after
// its bullet, or its number in an <ol>. The tags were left out and the
// items ran together ("Restart.Sign in.", "PowerPointThe cursor"), with a
// warning to write a Markdown list where none can be written. Like <br>,
// these tags are understood, not reported; a list in an HTML block of its
// own is htmlText's.
func (d *doc) inlineLists(root *ast.Document) {
	if d.r.allowHTML {
		return
	}
	var tags []*ast.RawHTML
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*ast.RawHTML); ok && entering && r.Segments.Len() == 1 {
			if seg := r.Segments.At(0); listTag.Match(seg.Value(d.src)) {
				tags = append(tags, r)
			}
		}
		return ast.WalkContinue, nil
	})
	type list struct {
		ordered bool
		items   int
	}
	var (
		parent ast.Node
		open   []list
	)
	lineBreak := func(p ast.Node, before *ast.RawHTML) {
		at := before.Segments.At(0).Start
		t := ast.NewTextSegment(text.NewSegment(at, at))
		t.SetHardLineBreak(true)
		p.InsertBefore(p, before, t)
	}
	for _, r := range tags {
		p := r.Parent()
		if p != parent {
			parent, open = p, nil
		}
		seg := r.Segments.At(0)
		m := listTag.FindSubmatch(seg.Value(d.src))
		closing, name := len(m[1]) > 0, strings.ToLower(string(m[2]))
		switch {
		case name == "li" && !closing:
			mark := "• "
			if len(open) > 0 && open[len(open)-1].ordered {
				open[len(open)-1].items++
				mark = strconv.Itoa(open[len(open)-1].items) + ". "
			}
			if d.textBeside(r, false) {
				lineBreak(p, r)
			}
			p.InsertBefore(p, r, ast.NewString([]byte(mark)))
		case name == "li":
		case !closing:
			open = append(open, list{ordered: name == "ol"})
		default:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			if d.textBeside(r, true) {
				lineBreak(p, r)
			}
		}
		p.RemoveChild(p, r)
	}
}

// textBeside reports whether inline n has text before it (after: after
// it) on its line: a line break (<br>, a hard break) or the edge of its
// block says no; spaces, line ends (shown as spaces), other list tags and
// the HTML left out are looked past.
func (d *doc) textBeside(n ast.Node, after bool) bool {
	sibling := func(n ast.Node) ast.Node {
		if after {
			return n.NextSibling()
		}
		return n.PreviousSibling()
	}
	for c := sibling(n); c != nil; c = sibling(c) {
		switch c := c.(type) {
		case *ast.Text:
			if !after && c.HardLineBreak() {
				return false
			}
			if len(bytes.TrimSpace(c.Value(d.src))) > 0 {
				return true
			}
			if after && c.HardLineBreak() {
				return false
			}
		case *ast.RawHTML:
			if c.Segments.Len() > 0 {
				seg := c.Segments.At(0)
				v := seg.Value(d.src)
				if brTag.Match(v) {
					return false
				}
				if !listTag.Match(v) {
					continue // left out, as its text is not
				}
			}
		default:
			return true
		}
	}
	return false
}

// htmlLost says what the page leaves out of raw HTML (allow_html off),
// raw being an HTML block (block) or an inline tag, tag the element
// named: the tags only, their text kept (htmlText, and a paragraph's text
// around inline tags); the element with its text, for the elements whose
// text is no prose (htmlNoText, and inlineNoText inside a paragraph); an
// element without text (a picture, a self-closing component) entirely.
// It said "is left out of the page" of every element, text kept or not.
func htmlLost(raw []byte, tag string, block bool) string {
	const all, tags, withText = "is left out of the page", "tags are left out of the page, the text between them kept", "is left out of the page with its text"
	switch {
	case htmlNoText.Match(raw):
		return withText
	case htmlVoid[strings.ToLower(tag)]:
		return all
	case !block:
		if bytes.HasSuffix(bytes.TrimSpace(raw), []byte("/>")) {
			return all
		}
		return tags
	}
	for _, l := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(keptLine(l)) != "" {
			return tags
		}
	}
	return all
}

// htmlVoid holds the HTML elements that have no text (no closing tag).
var htmlVoid = map[string]bool{"img": true, "br": true, "hr": true, "input": true, "area": true, "col": true,
	"embed": true, "source": true, "track": true, "wbr": true, "meta": true, "link": true, "base": true, "param": true}

// openTag matches an opening tag's name.
var openTag = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9.:-]*)`)

// innerTag returns, when raw opens with a wrapper (p, div, span, center,
// font, section) around another element, the first such element's name:
// the warning then says how to write it ("![alt text](file.png)" for an
// <img> in a centred paragraph, where it said "write its text"); "" else.
func innerTag(raw []byte) string {
	tags := openTag.FindAllSubmatch(raw, -1)
	if len(tags) < 2 || markdownFor(string(tags[0][1])) != markdownFor("div") {
		return ""
	}
	for _, t := range tags[1:] {
		if name := string(t[1]); markdownFor(name) != markdownFor("div") {
			return name
		}
	}
	return ""
}

// htmlTagName is the name of the first opening tag in raw, in lower case;
// "" for a comment, a closing tag or a declaration.
func htmlTagName(raw []byte) string {
	s := strings.TrimSpace(string(raw))
	if !strings.HasPrefix(s, "<") || strings.HasPrefix(s, "<!") || strings.HasPrefix(s, "</") || strings.HasPrefix(s, "<?") {
		return ""
	}
	end := 1
	for end < len(s) && (isTagChar(s[end])) {
		end++
	}
	if end == 1 {
		return ""
	}
	return s[1:end]
}

func isTagChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == ':'
}

// markdownFor says how to write an HTML element in Markdown.
func markdownFor(tag string) string {
	switch strings.ToLower(tag) {
	case "img":
		return "write the picture as ![alt text](file.png)"
	case "a":
		return "write the link as [text](url)"
	case "b", "strong":
		return "write **bold**"
	case "i", "em":
		return "write *italic*"
	case "kbd":
		return "write keys as ++ctrl+c++"
	case "code", "samp":
		return "write `code`"
	case "sup", "sub":
		// Markdown has none: the characters themselves.
		return "write the characters themselves (x², H₂O, 1ˢᵗ)"

	case "p", "div", "span", "center", "font", "section":
		return "write its text without the tags"
	case "table", "tr", "td", "th":
		return "write a Markdown table (| a | b |)"
	case "ul", "ol", "li":
		return "write a Markdown list (- item)"
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return fmt.Sprintf("write a heading (%s Title)", strings.Repeat("#", int(tag[1]-'0')))
	case "br":
		// Kept at the end of a line and between blank lines: here a
		// line of text (or a tag) follows it in one HTML block.
		return "to break a line, write <br> (or a backslash) at the end of the line before, not on a line of its own; to add space, put a blank line after <br>"
	}
	return "write it in Markdown"
}

// htmlText keeps the text an HTML block holds when raw HTML is left out
// (allow_html off): `<Card title="Hi">`, a line of Markdown, `</Card>`
// written without blank lines are one HTML block, and its text went with
// its tags; so did a one-line `<div class="note">Some text.</div>`. The
// lines with text outside tags are kept, their tags taken out, and read as
// Markdown (as the Markdown between tags in blocks of its own is); the
// tags stay left out, with leftOutHTML's warning. The text of code, media,
// forms and tables (htmlNoText) and HTML comments stays out.
func (d *doc) htmlText(root *ast.Document) {
	if d.r.allowHTML {
		return
	}
	var blocks []*ast.HTMLBlock
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if hb, ok := n.(*ast.HTMLBlock); ok && entering &&
			(hb.HTMLBlockType == ast.HTMLBlockType6 || hb.HTMLBlockType == ast.HTMLBlockType7) {
			blocks = append(blocks, hb)
		}
		return ast.WalkContinue, nil
	})
	for _, hb := range blocks {
		src := withoutNoText(d.blockText(hb))
		var kept []string
		first := -1
		for i, l := range strings.Split(string(src), "\n") {
			t := keptLine(l)
			if strings.TrimSpace(t) == "" {
				if len(kept) > 0 {
					kept = append(kept, "")
				}
				continue
			}
			if first < 0 {
				first = i
			}
			kept = append(kept, t)
		}
		if first < 0 {
			continue
		}
		b := &box{}
		d.jsxContent(b, []byte(strings.Join(kept, "\n")), d.nodeLine(hb)+first)
		if b.ChildCount() > 0 {
			if lead := leadingBr.Find(d.blockText(hb)); lead != nil {
				// `<br>` on a line of its own, text right under it: the
				// break GitHub shows before the text.
				n := len(openTag.FindAllIndex(lead, -1))
				hb.Parent().InsertBefore(hb.Parent(), hb, &rawHTML{HTML: strings.Repeat("<br>\n", n)})
			}
			hb.Parent().InsertBefore(hb.Parent(), hb, b)
		}
	}
}

// withoutNoText returns an HTML block's source without the elements whose
// text is no prose (htmlNoText), tags and text, each to its closing tag
// (to the block's end when it is not closed; a void or self-closing one
// alone), their line breaks kept so that what follows keeps its line:
// "<div>\nLine <script>x()</script> after.\n</div>" keeps "Line  after.",
// where the whole block's text was left out.
func withoutNoText(src []byte) []byte {
	s := string(src)
	for {
		at := htmlNoText.FindStringIndex(s)
		if at == nil {
			return []byte(s)
		}
		name := strings.ToLower(htmlTagName([]byte(s[at[0]:])))
		end := closingEnd(s, at[0], name)
		s = s[:at[0]] + strings.Repeat("\n", strings.Count(s[at[0]:end], "\n")) + s[end:]
	}
}

// closingEnd returns the offset in s just past the end of the element
// named name whose opening tag starts at from: after its closing tag
// (elements of the same name inside it counted), after its opening tag
// when it is void or self-closing, or len(s) when it is not closed.
func closingEnd(s string, from int, name string) int {
	gt := strings.IndexByte(s[from:], '>')
	if gt < 0 {
		return len(s)
	}
	open := from + gt + 1
	if htmlVoid[name] || strings.HasSuffix(strings.TrimSpace(s[from:open-1]), "/") {
		return open
	}
	lower := strings.ToLower(s)
	depth := 1
	for at := open; ; {
		i := strings.Index(lower[at:], "<")
		if i < 0 {
			return len(s)
		}
		at += i
		rest := lower[at+1:]
		switch {
		case strings.HasPrefix(rest, "/"+name) && !isTagChar(byteAt(rest, len(name)+1)):
			if depth--; depth == 0 {
				if e := strings.IndexByte(lower[at:], '>'); e >= 0 {
					return at + e + 1
				}
				return len(s)
			}
		case strings.HasPrefix(rest, name) && !isTagChar(byteAt(rest, len(name))):
			depth++
		}
		at++
	}
}

// byteAt is s[i], or 0 past its end.
func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// htmlNoText matches the elements whose text is no prose of the page:
// code, styles, media, forms, tables and their cells (read as text, a
// table's cells ran together).
var htmlNoText = regexp.MustCompile(`(?i)<(?:script|style|pre|textarea|svg|math|iframe|object|embed|canvas|video|audio|template|noscript|select|option|form|table|thead|tbody|tr|td|th)\b`)

// inlineNoText removes, when raw HTML is left out (allow_html off), the
// text between an inline opening tag of an element whose text is no prose
// (htmlNoText: a script, a style, a video's fallback text, a form's button
// or options…) and its closing tag in the same paragraph: the tags were
// left out and their text was shown, `alert(1)` and CSS rules included.
func (d *doc) inlineNoText(root *ast.Document) {
	if d.r.allowHTML {
		return
	}
	var opens []*ast.RawHTML
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*ast.RawHTML); ok && entering && r.Segments.Len() > 0 {
			seg := r.Segments.At(0)
			if v := seg.Value(d.src); htmlNoText.Match(v) && htmlTagName(v) != "" {
				opens = append(opens, r)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, open := range opens {
		parent := open.Parent()
		if parent == nil {
			continue // inside a range already removed
		}
		seg := open.Segments.At(0)
		name := htmlTagName(seg.Value(d.src))
		depth, end := 1, ast.Node(nil)
		for n := open.NextSibling(); n != nil && end == nil; n = n.NextSibling() {
			r, ok := n.(*ast.RawHTML)
			if !ok || r.Segments.Len() == 0 {
				continue
			}
			rs := r.Segments.At(0)
			v := strings.TrimSpace(string(rs.Value(d.src)))
			switch {
			case strings.EqualFold(htmlTagName([]byte(v)), name):
				depth++
			case len(v) > 2 && v[1] == '/' && strings.EqualFold(strings.TrimRight(strings.TrimSpace(v[2:]), "> \t"), name):
				if depth--; depth == 0 {
					end = n
				}
			}
		}
		if end == nil {
			continue
		}
		for n := open.NextSibling(); n != end; {
			next := n.NextSibling()
			parent.RemoveChild(parent, n)
			n = next
		}
		if _, ok := parent.(*ast.Paragraph); ok && onlyRawHTML(parent) && parent.Parent() != nil {
			parent.Parent().RemoveChild(parent.Parent(), parent) // no empty <p></p>
		}
	}
}

// onlyRawHTML says whether n holds nothing but tags (left out) and spaces.
func onlyRawHTML(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.RawHTML); !ok {
			return false
		}
	}
	return true
}

// blockTag matches the tags of elements that end a word (list items,
// paragraphs, cells of a layout): `<li>one</li><li>two</li>` is "one two".
// openTagEnd is a tag begun and not closed at the end of a line.
var openTagEnd = regexp.MustCompile(`<[A-Za-z/!?][^<>]*$`)

var blockTag = regexp.MustCompile(`(?i)</?(?:li|p|div|dt|dd|h[1-6]|section|article|blockquote|center|ul|ol|dl|hr|br)\b[^>]*>`)

// keptLine is a line of an HTML block without its tags, a space where a
// block element began or ended between words (none before the line's
// first word, whose indentation is kept).
func keptLine(l string) string {
	// A tag left open at the line's end ("<div") is a tag still, no
	// text: kept, it opened an HTML block again and its reading never
	// ended (a fuzzer's "<div").
	l = openTagEnd.ReplaceAllString(l, "")
	t := anyTag.ReplaceAllString(blockTag.ReplaceAllString(l, "\x00"), "")
	lead := len(t) - len(strings.TrimLeft(t, " \t\x00"))
	head := strings.ReplaceAll(t[:lead], "\x00", "")
	return head + strings.Join(strings.FieldsFunc(t[lead:], func(r rune) bool { return r == 0 }), " ")
}
