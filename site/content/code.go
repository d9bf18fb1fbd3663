package content

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// codeRenderer highlights fenced code on the server with chroma, emitting
// CSS classes (styled by HighlightCSS) rather than inline styles.
//
// It replaces goldmark-highlighting, which asks chroma's lexers.Get for
// block: for a name that is not a lexer's exact name or alias ("console",
// "adoc", typos) it then matches the name against every lexer's file
// patterns, several milliseconds each, which made code blocks 80% of the
// corpus load time. Here languages are found by lexer name or alias only
// (case-insensitive), in a table built once per Renderer.
type codeRenderer struct {
	lexers    map[string]chroma.Lexer // lower-cased name or alias → coalescing lexer
	formatter *chromahtml.Formatter
	style     *chroma.Style
}

func newCodeRenderer() *codeRenderer {
	r := &codeRenderer{
		lexers:    map[string]chroma.Lexer{},
		formatter: chromahtml.New(chromahtml.WithClasses(true)),
		style:     styles.Get(lightStyle),
	}
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		cfg := l.Config()
		c := chroma.Coalesce(l)
		for _, name := range append([]string{cfg.Name}, cfg.Aliases...) {
			if k := strings.ToLower(name); r.lexers[k] == nil {
				r.lexers[k] = c
			}
		}
	}
	return r
}

// lexer returns the lexer for a fenced-code language, nil when chroma has
// none by that name.
func (r *codeRenderer) lexer(lang string) chroma.Lexer {
	return r.lexers[strings.ToLower(lang)]
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderFenced)
	reg.Register(kindCodeShortcode, r.renderShortcode)
	reg.Register(ast.KindCodeSpan, renderCodeSpan)
}

// renderCodeSpan writes inline code like goldmark does, also when its
// content was made by Guichet (Hugo's escaped shortcodes, highlight
// shortcodes used inline), and shows Hugo's escaped shortcodes as Hugo does.
func renderCodeSpan(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</code>")
		return ast.WalkContinue, nil
	}
	var b strings.Builder
	var collect func(ast.Node)
	collect = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(src)
				if len(v) > 0 && v[len(v)-1] == '\n' {
					v = append(v[:len(v)-1:len(v)-1], ' ')
				}
				b.Write(v)
			case *ast.String:
				b.Write(c.Value)
			default:
				collect(c)
			}
		}
	}
	collect(n)
	s := b.String()
	if strings.Contains(s, "/*") {
		s = hugoEscapes.Replace(s)
	}
	_, _ = w.WriteString("<code>")
	_, _ = w.Write(util.EscapeHTML([]byte(s)))
	return ast.WalkSkipChildren, nil
}

func (r *codeRenderer) renderFenced(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.FencedCodeBlock)
		lang, title := string(n.Language(src)), ""
		if n.Info != nil {
			lang, title = fenceInfo(string(n.Info.Segment.Value(src)), lang)
		}
		if title != "" {
			// The file the code is, as Docusaurus and MkDocs show it
			// above the block: a caption of the code's figure.
			_, _ = w.WriteString(`<figure class="code"><figcaption>`)
			_, _ = w.Write(util.EscapeHTML([]byte(title)))
			_, _ = w.WriteString("</figcaption>\n")
		}
		r.render(w, lang, codeText(n, src))
		if title != "" {
			_, _ = w.WriteString("</figure>\n")
		}
	}
	return ast.WalkSkipChildren, nil
}

// fenceTitle finds a code fence's title="…" (Docusaurus "```js
// title="src/app.js"", MkDocs "``` py title="setup.py"").
var fenceTitle = regexp.MustCompile(`(?:^|[\s{])title=(?:"([^"]*)"|'([^']*)'|([^\s}]+))`)

// fenceInfo reads a code fence's info string: its language (lang, the
// first word, unless the info is an MkDocs attribute list, "{ .python
// title="setup.py" }", whose class names it) and its title, "" for none.
func fenceInfo(info, lang string) (string, string) {
	info = strings.TrimSpace(info)
	if strings.HasPrefix(info, "{") {
		lang = ""
		for _, f := range strings.Fields(strings.Trim(info, "{} ")) {
			if c, ok := strings.CutPrefix(f, "."); ok && c != "" && lang == "" {
				lang = c
			}
		}
	}
	title := ""
	if m := fenceTitle.FindStringSubmatch(info); m != nil {
		title = strings.TrimSpace(m[1] + m[2] + m[3])
	}
	return lang, title
}

// renderShortcode renders the code of Hugo's highlight, code and
// code-toggle shortcodes.
func (r *codeRenderer) renderShortcode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*codeShortcode)
		r.render(w, n.Lang, codeText(n, src))
	}
	return ast.WalkSkipChildren, nil
}

// codeText is the text of a code block's lines. Hugo's escaped shortcodes
// ({{</* name */>}}), which Hugo documentation writes to show a shortcode,
// are shown as Hugo shows them: {{< name >}}.
func codeText(n ast.Node, src []byte) string {
	var code strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	s := code.String()
	if strings.Contains(s, "/*") {
		s = hugoEscapes.Replace(s)
	}
	return s
}

// hugoEscapes turns Hugo's escaped shortcode delimiters into plain ones.
var hugoEscapes = strings.NewReplacer("{{</*", "{{<", "*/>}}", ">}}", "{{%/*", "{{%", "*/%}}", "%}}")

// render writes code in lang, highlighted when chroma knows the language.
func (r *codeRenderer) render(w util.BufWriter, lang, code string) {
	if lang != "" {
		if lexer := r.lexer(lang); lexer != nil {
			if it, err := lexer.Tokenise(nil, code); err == nil {
				var buf bytes.Buffer
				if err := r.formatter.Format(&buf, r.style, it); err == nil {
					_, _ = w.Write(buf.Bytes())
					_ = w.WriteByte('\n')
					return
				}
			}
		}
	}
	_, _ = w.WriteString("<pre><code")
	if lang != "" {
		_, _ = w.WriteString(` class="language-`)
		_, _ = w.Write(util.EscapeHTML([]byte(lang)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	_, _ = w.Write(util.EscapeHTML([]byte(code)))
	_, _ = w.WriteString("</code></pre>\n")
}
