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
var descriptionParser = sync.OnceValue(func() parser.Parser {
	// goldmark's default inline parsers but raw HTML's, and the body's own.
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
	return parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
		parser.WithInlineParsers(inline...))
})

// descriptionMarks are the characters without which a description holds
// no Markdown to read.
const descriptionMarks = "*_`[\\~&:+<!"

// plainDescription is the text a reader sees of a description written in
// Markdown: "Use **bold** & [links](/x)" is "Use bold & links". The meta
// description, Open Graph and JSON-LD, feeds, the search snippet and the
// widget show it, none of which reads Markdown.
func plainDescription(s string) string {
	if !strings.ContainsAny(s, descriptionMarks) {
		return s
	}
	src := []byte(s)
	root := descriptionParser().Parse(text.NewReader(src))
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
