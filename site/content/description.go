package content

import (
	"html"
	"strings"
	"sync"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// descriptionParser reads a description's inline Markdown as bodies read
// theirs (emphasis, code spans, links, strikethrough, emoji, keys, icons),
// every line a paragraph's: a description is one sentence, so "# of seats"
// or "1. Sign in" are not a heading or a list. Raw HTML is not read: in a
// description "<A4>" is text, as typed.
var descriptionParser = sync.OnceValue(func() parser.Parser { return inlineParser(false) })

// headingParser reads a heading's inline Markdown as descriptionParser
// does, and its raw HTML as the body reads it: `# Buy <em>now</em>` is
// the text "Buy now", its tags markup, as in the heading on the page.
var headingParser = sync.OnceValue(func() parser.Parser { return inlineParser(true) })

// inlineParser is a parser of one-line texts: every line a paragraph's,
// goldmark's default inline parsers and the body's own, raw HTML's when
// rawHTML is set.
func inlineParser(rawHTML bool) parser.Parser {
	inline := []util.PrioritizedValue{
		util.Prioritized(parser.NewCodeSpanParser(), 100),
		util.Prioritized(parser.NewLinkParser(), 200),
		util.Prioritized(parser.NewAutoLinkParser(), 300),
		util.Prioritized(parser.NewEmphasisParser(), 500),
		util.Prioritized(extension.NewStrikethroughParser(), 500),
		util.Prioritized(keysParser{}, 100),
		util.Prioritized(iconParser{}, 100),
		util.Prioritized(newEmojiParser(), 200),
	}
	if rawHTML {
		inline = append(inline, util.Prioritized(parser.NewRawHTMLParser(), 400))
	}
	return parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
		parser.WithInlineParsers(inline...))
}

// descriptionMarks are the characters without which a description holds
// no Markdown to read.
const descriptionMarks = "*_`[\\~&:+<!"

// plainDescription is the text a reader sees of a description written in
// Markdown: "Use **bold** & [links](/x)" is "Use bold & links". The meta
// description, Open Graph and JSON-LD, feeds, the search snippet and the
// widget show it, none of which reads Markdown.
func plainDescription(s string) string { return plainInline(s, descriptionParser()) }

// plainInline is the text a reader sees of s, one line of inline
// Markdown read by p.
func plainInline(s string, p parser.Parser) string {
	if !strings.ContainsAny(s, descriptionMarks) {
		return s
	}
	src := []byte(s)
	root := p.Parse(text.NewReader(src))
	var parts []string
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		var b strings.Builder
		writeInline(&b, n, src, false, false, true)
		if t := strings.TrimSpace(html.UnescapeString(b.String())); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}
