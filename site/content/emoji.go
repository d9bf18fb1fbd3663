package content

import (
	"unicode"
	"unicode/utf8"

	emoji "github.com/yuin/goldmark-emoji"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
)

// emojiParser reads emoji shortcodes (`:smile:`, `:+1:`,
// `:white_check_mark:`) as GitHub, MkDocs Material (pymdownx.emoji) and
// Docusaurus (remark-emoji) render them: the emoji itself, with GitHub's
// names. A shortcode must stand apart from the words around it, so that
// "a:b:c" and "1:100:2" stay text; code is never read by it (goldmark
// parses code spans first), an unknown name (`:notanemoji:`) stays as
// typed, and so do GitHub's pictures that are no emoji (`:octocat:`). Icons
// of MkDocs Material (`:material-check:`) are iconParser's: it runs first.
type emojiParser struct{ names parser.InlineParser }

func newEmojiParser() emojiParser { return emojiParser{names: emoji.NewParser()} }

// Trigger implements parser.InlineParser.
func (emojiParser) Trigger() []byte { return []byte{':'} }

// Parse implements parser.InlineParser.
func (p emojiParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if isWordRune(block.PrecendingCharacter()) {
		return nil
	}
	line, _ := block.PeekLine()
	n, _ := p.names.Parse(parent, block, pc).(*emojiast.Emoji)
	if n == nil || !n.Value.IsUnicode() {
		return nil
	}
	// The parser has moved past the shortcode: what follows must not be a
	// word either (":b:c" is not 🅱️ then c).
	if end := len(n.ShortName) + 2; end < len(line) {
		if r, _ := utf8.DecodeRune(line[end:]); isWordRune(r) {
			return nil
		}
	}
	return n
}

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// emojiText is the text an emoji shows: its characters.
func emojiText(n *emojiast.Emoji) string { return string(n.Value.Unicode) }

// newEmojiRenderer writes emoji as their characters (not entities nor
// pictures from a CDN).
func newEmojiRenderer() renderer.NodeRenderer {
	return emoji.NewHTMLRenderer(emoji.WithRenderingMethod(emoji.Unicode).(emoji.RendererOption))
}
