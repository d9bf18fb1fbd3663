package content

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/guichet/guichet/site/textnorm"

	"github.com/yuin/goldmark/ast"
)

// ThemeIDPrefix begins every id the theme's templates and scripts give
// their own elements (g-main, g-q, g-feedback, g-toc-h…). No id produced
// from content begins with it: a heading whose anchor would ("G-Sync") gets
// contentIDPrefix in front, so a heading can never take an id the page
// already uses, whatever its text.
const ThemeIDPrefix = "g-"

// contentIDPrefix is put in front of content ids that would begin with
// ThemeIDPrefix.
const contentIDPrefix = "h-"

// safeID returns id, moved out of the theme's namespace when needed.
func safeID(id string) string {
	if strings.HasPrefix(id, ThemeIDPrefix) {
		return contentIDPrefix + id
	}
	return id
}

// headingIDs generates GitHub-style anchors, unique within one article:
// lower-cased letters and digits of any script, spaces turned into '-',
// other punctuation dropped; repeats get "-1", "-2"…
type headingIDs struct {
	used map[string]bool
	// html are the ids of the HTML anchors kept (htmlAnchors): one
	// anchor each, though a block's text is read again (htmlDetails).
	html map[string]bool
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, html: map[string]bool{}}
}

// Generate implements parser.IDs.
func (g *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := safeID(anchor(string(value)))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; g.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	g.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (g *headingIDs) Put(value []byte) { g.used[string(value)] = true }

// anchor is the GitHub anchor of a heading text, without deduplication,
// read from the text's one normalisation (textnorm.Normalize: NFC, soft
// hyphens and other invisible characters gone). Accents are kept, as
// GitHub keeps them, so the same link works on both.
func anchor(s string) string {
	s = textnorm.Normalize(s)
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			out = append(out, unicode.ToLower(r))
		case r == ' ' || r == '-':
			out = append(out, '-')
		case r == '_':
			out = append(out, '_')
		}
	}
	return string(out)
}
