package content

import (
	"bytes"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// Highlighting styles: one for light pages, one for dark mode.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// HighlightCSS returns the stylesheet for the highlighting classes the
// renderer emits in code blocks: the light style, then the dark one inside
// `@media (prefers-color-scheme: dark)`. Every rule is scoped under
// `.chroma`, so the text can be appended to the site stylesheet.
func HighlightCSS() string {
	var b strings.Builder
	b.WriteString("/* Code highlighting (chroma " + lightStyle + " / " + darkStyle + ") */\n")
	b.WriteString(styleCSS(lightStyle))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	for _, line := range strings.SplitAfter(styleCSS(darkStyle), "\n") {
		if line != "" {
			b.WriteString("  " + line)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// styleCSS is chroma's CSS for a style without its unscoped ".bg" rule,
// which the fenced-code wrapper does not use.
func styleCSS(name string) string {
	var buf bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true))
	if err := f.WriteCSS(&buf, styles.Get(name)); err != nil {
		return ""
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if line == "" || strings.Contains(line, "*/ .bg ") || strings.Contains(line, "*/ .bg{") {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}
