package content

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// inlineText is the plain text of n's inline content, entities resolved.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	writeInline(&b, n, src, false, false, false)
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

// anchorText is inlineText with emoji as their shortcodes were typed: a
// heading's anchor is made from it, as GitHub and Docusaurus make theirs
// ("## :rocket: Launch" is #rocket-launch).
func anchorText(n ast.Node, src []byte) string {
	var b strings.Builder
	writeInline(&b, n, src, false, true, false)
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

// leadText is inlineText with each picture's alt text where it stands, for
// a description: "Tap ![Share](share.svg) and choose Save." says "Tap Share
// and choose Save.", not "Tap and choose Save.". A paragraph of pictures
// only (a screenshot above the text) has no lead text: "".
func leadText(n ast.Node, src []byte) string {
	if imagesOnly(n, src) {
		return ""
	}
	var b strings.Builder
	writeInline(&b, n, src, false, false, true)
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

// imagesOnly reports whether n holds pictures (each maybe inside a link)
// and nothing else but spaces.
func imagesOnly(n ast.Node, src []byte) bool {
	seen := false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			seen = true
		case *ast.Link:
			if !imagesOnly(c, src) {
				return false
			}
			seen = true
		case *ast.Text:
			if len(bytes.TrimSpace(c.Value(src))) != 0 {
				return false
			}
		default:
			return false
		}
	}
	return seen
}

// writeInline writes the readable text of n's inline children: code
// spans as typed, emoji as their characters (or their shortcodes), and
// pictures as nothing, or as their alt text when alt is set. The content
// of an inline <script> or <style> is no text, as in a browser.
func writeInline(b *strings.Builder, n ast.Node, src []byte, code, shortcodes, alt bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if end := unreadElement(c, src); end != "" {
			for c.NextSibling() != nil && !rawHTMLOpens(c.NextSibling(), src, end) {
				c = c.NextSibling()
			}
			if c.NextSibling() != nil {
				c = c.NextSibling() // the closing tag
			}
			continue
		}
		switch c := c.(type) {
		case *ast.Image:
			if alt {
				writeInline(b, c, src, code, shortcodes, alt)
			}
		case *ast.Text:
			v := c.Value(src)
			if !code && !c.IsRaw() {
				v = util.UnescapePunctuations(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *emojiast.Emoji:
			if shortcodes {
				b.Write(c.ShortName)
			} else {
				b.WriteString(emojiText(c))
			}
		case *keys:
			b.WriteString(strings.Join(c.Keys, "+"))
		case *rawHTML:
			if c.out != nil {
				b.WriteString(c.out.Text)
			}
		case *ast.CodeSpan:
			writeInline(b, c, src, true, shortcodes, alt)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML, *east.FootnoteLink, *east.FootnoteBacklink:
			// markup, pictures and footnote marks carry no readable text
		default:
			writeInline(b, c, src, code, shortcodes, alt)
		}
	}
}

// unreadElement returns the closing tag ("</script") of the element n
// opens when n is the raw HTML opening a <script> or a <style>, whose
// content a browser does not show; "" otherwise.
func unreadElement(n ast.Node, src []byte) string {
	for _, name := range []string{"script", "style"} {
		if rawHTMLOpens(n, src, "<"+name) {
			return "</" + name
		}
	}
	return ""
}

// rawHTMLOpens reports whether n is inline raw HTML starting with the tag
// prefix (lower case), in any case, followed by the tag's end or a space.
func rawHTMLOpens(n ast.Node, src []byte, prefix string) bool {
	r, ok := n.(*ast.RawHTML)
	if !ok || r.Segments.Len() == 0 {
		return false
	}
	seg := r.Segments.At(0)
	v := seg.Value(src)
	if len(v) <= len(prefix) || !strings.EqualFold(string(v[:len(prefix)]), prefix) {
		return false
	}
	switch v[len(prefix)] {
	case '>', ' ', '\t', '\n', '/':
		return true
	}
	return false
}

// plainText fills Text and Sections: the readable text of the body, one
// line per paragraph, list item, table cell or code line, split at headings.
func (d *doc) plainText(root *ast.Document, src []byte) {
	var sections []site.Section
	var cur strings.Builder
	cur.Grow(len(src) / 2)
	heading := site.Heading{}
	lines := 0         // lines written in the current section
	var verbatim []int // which of them are table cells or code
	item := ""         // the first list item's text: the lead of a body without paragraphs
	flush := func() {
		t := strings.TrimSpace(cur.String())
		if t != "" || heading.ID != "" {
			sections = append(sections, site.Section{Heading: heading, Text: t, Verbatim: verbatim})
		}
		cur.Reset()
		lines, verbatim = 0, nil
	}
	line := func(s string, prose bool) {
		if s = strings.TrimSpace(s); s != "" {
			if !prose {
				verbatim = append(verbatim, lines)
			}
			cur.WriteString(s)
			cur.WriteByte('\n')
			lines++
		}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			flush()
			heading = d.headingOf[n]
			return ast.WalkSkipChildren, nil
		case *rawHTML:
			// An included file: its text, split at its own headings.
			if n.out == nil {
				return ast.WalkSkipChildren, nil
			}
			if d.out.lead == "" {
				d.out.lead = n.out.lead
			}
			for _, sec := range n.out.Sections {
				if sec.Heading.ID != "" {
					flush()
					heading = sec.Heading
				}
				for i, l := range strings.Split(sec.Text, "\n") {
					line(l, !slices.Contains(sec.Verbatim, i))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock, *codeShortcode:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				line(string(seg.Value(src)), false)
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *east.FootnoteList:
			// Footnotes are asides, never the description, but what they
			// say is searched: their paragraphs end the last section.
			_ = ast.Walk(n, func(p ast.Node, entering bool) (ast.WalkStatus, error) {
				switch p.(type) {
				case *ast.Paragraph, *ast.TextBlock:
					if entering {
						line(inlineText(p, src), true)
					}
					return ast.WalkSkipChildren, nil
				}
				return ast.WalkContinue, nil
			})
			return ast.WalkSkipChildren, nil
		case *east.DefinitionTerm, *titleNode:
			// A callout's own title is often the very question asked
			// ("Error F12: invalid geometry", "What if the e-mail never
			// arrives?"): searched like the text under it.
			line(inlineText(n, src), true)
			return ast.WalkSkipChildren, nil
		case *callout:
			if _, titled := n.FirstChild().(*titleNode); n.own && !titled {
				line(n.Title, true)
			}
		case *box:
			// The summary of a collapsible section or the label of a tab
			// the writer named ("iPhone", "Does the vet pay?"); not the
			// words Guichet gives an unnamed one.
			if n.Tag == "details" && n.Summary != d.word(wordDetails) && n.Summary != d.word(wordTab) {
				line(n.Summary, true)
			}
		case *figure:
			line(n.Caption, true)
		case *ast.Paragraph, *ast.TextBlock:
			t := inlineText(n, src)
			if _, ok := n.(*ast.Paragraph); ok && d.out.lead == "" && t != "" {
				d.out.lead = leadText(n, src)
			} else if !ok && item == "" && t != "" {
				item = leadText(n, src)
			}
			line(t, true)
			return ast.WalkSkipChildren, nil
		}
		if isTableCell(n) {
			line(inlineText(n, src), false)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	flush()
	if d.out.lead == "" {
		// A body of lists only ("## Before you start" and its steps) is
		// described by its first item rather than by the site's description.
		d.out.lead = item
	}
	var all strings.Builder
	all.Grow(len(src))
	at := make([]int, len(sections)) // where each section's text starts in all
	for i, s := range sections {
		if s.Heading.Text != "" {
			all.WriteString(s.Heading.Text)
			all.WriteByte('\n')
		}
		at[i] = all.Len()
		if s.Text != "" {
			all.WriteString(s.Text)
			all.WriteByte('\n')
		}
	}
	whole := all.String()
	d.out.Text = strings.TrimSpace(whole)
	// The sections' texts are slices of the whole text rather than copies
	// of it: an article's text is kept once in memory.
	trimmed := len(whole) - len(strings.TrimLeftFunc(whole, unicode.IsSpace))
	for i := range sections {
		start := at[i] - trimmed
		if end := start + len(sections[i].Text); start >= 0 && end <= len(d.out.Text) && d.out.Text[start:end] == sections[i].Text {
			sections[i].Text = d.out.Text[start:end]
		}
	}
	d.out.Sections = sections
}

// sameTitle compares two titles ignoring case, punctuation and spacing.
func sameTitle(a, b string) bool {
	return foldTitle(a) == foldTitle(b)
}

// nearTitle reports whether a heading nearly repeats a title: the same
// words once case, punctuation, plurals and small words are set aside,
// one's words all in the other ("Sync fails" in "Sync fails after an
// update"), or three quarters of the shorter one's words in the longer.
// Microsoft Docs articles open with a # heading that restates the
// front-matter title this way.
func nearTitle(heading, title string) bool {
	if sameTitle(heading, title) {
		return true
	}
	a, b := titleWords(heading), titleWords(title)
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	shared := 0
	for w := range a {
		if b[w] {
			shared++
		}
	}
	return shared == len(a) || len(a) >= 3 && shared*4 >= len(a)*3
}

// titleWords are the meaningful words of a title, lower-cased, plurals
// folded.
func titleWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		w = strings.TrimSuffix(strings.Trim(w, "'"), "'s")
		if n := len(w); n > 3 && w[n-1] == 's' && w[n-2] != 's' {
			w = w[:n-1]
		}
		if w != "" && !titleStopWords[w] {
			out[w] = true
		}
	}
	return out
}

// titleStopWords are the small words set aside when comparing titles.
var titleStopWords = map[string]bool{
	"a": true, "an": true, "the": true, "in": true, "on": true, "of": true, "to": true, "for": true, "and": true,
	"or": true, "is": true, "are": true, "be": true, "with": true, "when": true, "you": true, "your": true, "if": true,
	"from": true, "by": true, "at": true, "that": true, "this": true, "it": true, "as": true, "how": true,
	"le": true, "la": true, "les": true, "un": true, "une": true, "des": true, "de": true, "du": true, "et": true,
	"ou": true, "en": true, "pour": true, "dans": true, "sur": true, "avec": true, "votre": true, "vos": true,
}

func foldTitle(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// maxTitle is the longest title written without a warning: longer ones
// are a body or a description pasted into the title (the longest of the
// 2,448 Microsoft support articles is 192 characters).
const maxTitle = 200

// maxDescription is the longest description derived from a body, and the
// longest written without a warning: search engines show about as much.
const maxDescription = 160

// summary returns the first sentence of text, at most maxDescription bytes,
// cut at a word boundary with an ellipsis when too long.
func summary(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ') {
			// "e.g. " and "1. " do not end a sentence.
			if c == '.' && i >= 1 && (isAbbrev(text[:i])) {
				continue
			}
			text = text[:i+1]
			break
		}
	}
	if len(text) <= maxDescription {
		return text
	}
	cut := text[:maxDescription-len("…")]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, ' '); i > maxDescription/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

// isAbbrev reports whether the word before a period looks like an
// abbreviation rather than the end of a sentence.
func isAbbrev(before string) bool {
	w := before
	if i := strings.LastIndexByte(before, ' '); i >= 0 {
		w = before[i+1:]
	}
	switch strings.ToLower(w) {
	case "e.g", "i.e", "etc", "vs", "ex", "p. ex", "mr", "mrs", "dr", "no":
		return true
	}
	return len(w) == 1
}

// firstHeading returns the text a reader sees of the first level-1
// heading of a Markdown body ("# Title", outside code blocks: its inline
// Markdown read as a description's, "# Use `ferro`" is "Use ferro", and
// its HTML tags left out, "# Buy <em>now</em>" is "Buy now"), "" when it
// has none; written is the heading's text as written ("" when there is
// none), which a reader may see nothing of ("# <img src=logo.png>"), and
// line the heading's line in body (0 for its first).
func firstHeading(body []byte) (title, written string, line int) {
	h := ""
	linesOutsideFences(body, func(at int, l []byte) bool {
		if !bytes.HasPrefix(l, []byte("# ")) {
			return true
		}
		line = bytes.Count(body[:at], []byte("\n"))
		h = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(string(l[2:])), "#"))
		if i := strings.Index(h, " {#"); i >= 0 && strings.HasSuffix(h, "}") {
			h = strings.TrimSpace(h[:i])
		}
		return false
	})
	// Spaces around a tag left out are one, as a browser shows them.
	return strings.Join(strings.Fields(plainInline(h, headingParser())), " "), h, line
}

// linesOutsideFences calls fn with each line of body (without its line
// break) that is not in fenced code (``` or ~~~, the fence lines
// included), and its offset, until fn returns false.
func linesOutsideFences(body []byte, fn func(at int, line []byte) bool) {
	fence := ""
	for at := 0; at <= len(body); {
		end := bytes.IndexByte(body[at:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += at
		}
		line := body[at:end]
		t := strings.TrimSpace(string(line))
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
		default:
			if !fn(at, line) {
				return
			}
		}
		at = end + 1
	}
}

// lineStartEscape works around goldmark (v1.8.7) carrying the backslash
// that ends a line broken by two spaces (`Office16\  `, a Windows folder in
// Microsoft Docs) over to the next line, whose own escape (`\<disk
// drive>\Program Files`) it then read as an escaped backslash: the `<`
// opened raw HTML, left out with "<disk drive>", and a backslash showed,
// where GitHub shows the line as written. It reads such an escape as
// CommonMark does: the punctuation character, as text.
type lineStartEscape struct{}

// Trigger implements parser.InlineParser.
func (lineStartEscape) Trigger() []byte { return []byte{'\\'} }

// Parse implements parser.InlineParser.
func (lineStartEscape) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[0] != '\\' || line[1] >= utf8.RuneSelf || !util.IsPunct(line[1]) {
		return nil
	}
	src := block.Source()
	i := seg.Start - 1
	for i >= 0 && (src[i] == ' ' || src[i] == '\t') {
		i-- // the line's indentation
	}
	if i < 0 || src[i] != '\n' {
		return nil // not the start of a line
	}
	if i--; i >= 0 && src[i] == '\r' {
		i--
	}
	spaces := 0
	for i >= 0 && src[i] == ' ' {
		i, spaces = i-1, spaces+1
	}
	slashes := 0
	for i >= 0 && src[i] == '\\' {
		i, slashes = i-1, slashes+1
	}
	if spaces < 2 || slashes%2 == 0 {
		return nil // goldmark reads this escape right
	}
	block.Advance(2)
	return ast.NewTextSegment(text.NewSegment(seg.Start+1, seg.Start+2))
}
