package content

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	emoji "github.com/yuin/goldmark-emoji"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark-emoji/definition"
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

// shortcodePattern matches what may be an emoji shortcode in plain text.
var shortcodePattern = regexp.MustCompile(`:[A-Za-z0-9_+-]+:`)

// emojiNames is GitHub's list of emoji names, made the first time
// plain text holds a colon.
var emojiNames = sync.OnceValue(func() definition.Emojis { return definition.Github() })

// emojify shows the emoji shortcodes of plain text that is no Markdown
// but is shown where the other tools show Markdown: a title taken from a
// `# Heading`, the summary of a <details>, a tab's label. It follows
// emojiParser's rules: apart from words, known names only.
func emojify(s string) string {
	if strings.IndexByte(s, ':') < 0 {
		return s
	}
	var b strings.Builder
	at := 0
	for _, m := range shortcodePattern.FindAllStringIndex(s, -1) {
		if m[0] < at {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		after, _ := utf8.DecodeRuneInString(s[m[1]:])
		e, ok := emojiNames().Get(s[m[0]+1 : m[1]-1])
		if !ok || !e.IsUnicode() || m[0] > 0 && isWordRune(before) || m[1] < len(s) && isWordRune(after) {
			continue
		}
		b.WriteString(s[at:m[0]])
		b.WriteString(string(e.Unicode))
		at = m[1]
	}
	if at == 0 {
		return s
	}
	b.WriteString(s[at:])
	return b.String()
}
