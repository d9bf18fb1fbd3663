package content

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mkdocsParser reads MkDocs Material's indented blocks: admonitions
// (`!!! note "Title"`), collapsible ones (`??? note`, open with `???+`) and
// content tabs (`=== "Tab"`), each followed by content indented by four
// spaces. Admonitions become callouts; tabs become <details>, grouped, the
// first (or the one marked `===+`) open.
type mkdocsParser struct{}

// Trigger implements parser.BlockParser.
func (mkdocsParser) Trigger() []byte { return []byte{'!', '?', '=', '*', '-'} }

// abbrLine matches a Python-Markdown abbreviation definition, `*[HTML]:
// Hyper Text Markup Language`, shown nowhere (Guichet has no abbr).
var abbrLine = regexp.MustCompile(`^\*\[[^\]]+\]:\s`)

// snippetLine matches a pymdownx snippet, `--8<-- "path.md"`: an include.
var snippetLine = regexp.MustCompile(`^-{1,2}8<-{1,2}\s+["']([^"']+)["']\s*$`)

// tabClass marks the boxes of content tabs, grouped after parsing.
const tabClass = "tab"

// Open implements parser.BlockParser.
func (mkdocsParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, lineSeg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos+3 > len(line) {
		return nil, parser.NoChildren
	}
	head := string(line[pos:])
	if abbrLine.MatchString(head) {
		reader.AdvanceToEOL()
		return &box{}, parser.NoChildren
	}
	if m := snippetLine.FindStringSubmatch(strings.TrimRight(head, "\r\n")); m != nil {
		d, _ := pc.Get(docKey).(*doc)
		_, seg := reader.PeekLine()
		ref := &includeRef{Path: m[1], What: "--8<--", alsoRoot: true}
		if d != nil {
			ref.line = d.lines.at(seg.Start)
		}
		b := &box{}
		b.include = ref
		reader.AdvanceToEOL()
		return b, parser.NoChildren
	}
	mark := head[:3]
	if mark != "!!!" && mark != "???" && mark != "===" {
		return nil, parser.NoChildren
	}
	rest := head[3:]
	modifier := ""
	if rest != "" && (rest[0] == '+' || rest[0] == '!') {
		modifier, rest = rest[:1], rest[1:]
	}
	if rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
		return nil, parser.NoChildren
	}
	rest = strings.TrimSpace(rest)
	fence := blockFence{indent: pc.BlockIndent() + 4}
	d, _ := pc.Get(docKey).(*doc)
	var node ast.Node
	if mark == "===" {
		label, ok := quoted(rest)
		if !ok {
			return nil, parser.NoChildren
		}
		b := &box{Tag: "details", Class: tabClass, Summary: label, Open: modifier == "+", fence: fence}
		if modifier == "!" {
			b.Class = tabClass + " tab-first" // starts a new group of tabs
		}
		node = b
	} else {
		typ, title := rest, ""
		if i := strings.IndexAny(rest, ` "'`); i >= 0 {
			typ, title = rest[:i], strings.TrimSpace(rest[i:])
		}
		if typ == "" || !isWord(typ) {
			return nil, parser.NoChildren
		}
		explicit := false
		for _, m := range []string{"inline end", "inline"} {
			title = strings.TrimSpace(strings.TrimPrefix(title, m))
		}
		if t, ok := quoted(title); ok {
			title, explicit = t, true
		}
		kind, known := admonitionKind(typ)
		if !known {
			kind = "note"
		}
		own := explicit && title != ""
		if !explicit || title == "" && mark == "???" {
			// MkDocs titles an admonition by its type, capitalised
			// ("!!! example" reads "Example"); the kind only sets its style.
			// A foldable one needs a title to open it by.
			title = admonitionTypeTitle(typ, d)
		}
		c := newCallout(kind, title, d)
		c.Foldable, c.Open = mark == "???", modifier == "+"
		if explicit && title == "" && !c.Foldable {
			c.Title = "" // `!!! note ""`: MkDocs shows no title
		}
		c.own = own
		if explicit {
			c.titleAt(title, line, lineSeg, reader.Source())
		}
		c.fence = fence
		node = c
	}
	if f := fenceOf(node); f != nil {
		f.closer = strings.TrimSpace(head) // what the warning about its content names
	}
	reader.AdvanceToEOL()
	return node, parser.HasChildren
}

// hasContent reports whether a block has content besides its title.
func hasContent(node ast.Node) bool {
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		if _, title := c.(*titleNode); !title {
			return true
		}
	}
	return false
}

// Continue implements parser.BlockParser: the block goes on while lines
// are blank or indented by four more spaces than its marker. A snippet
// or an abbreviation is one line: it closes at the next.
func (mkdocsParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	f := fenceOf(node)
	if f == nil || f.indent == 0 {
		return parser.Close
	}
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	indent, _ := util.IndentWidth(line, reader.LineOffset())
	if indent < f.indent {
		if d, _ := pc.Get(docKey).(*doc); d != nil && indent > f.indent-4 && !hasContent(node) {
			// "!!! note" then "  Text.": Python-Markdown takes only lines
			// indented by four as the block's content; the writer meant
			// this one.
			_, seg := reader.PeekLine()
			d.warnf(site.KindUnclosed, d.lines.at(seg.Start),
				"this line is indented by %d spaces, so it is not inside the %s above it, which stays empty (MkDocs reads the lines indented by 4): indent it by 4 spaces", indent-(f.indent-4), f.closer)
		}
		return parser.Close
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), f.indent)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser.
func (mkdocsParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: like
// Python-Markdown, a block needs a blank line before it.
func (mkdocsParser) CanInterruptParagraph() bool { return false }

// CanAcceptIndentedLine implements parser.BlockParser.
func (mkdocsParser) CanAcceptIndentedLine() bool { return false }

// quoted returns the text inside double or single quotes around s.
func quoted(s string) (string, bool) {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1], true
	}
	return "", false
}

// isWord reports whether s is a name made of letters, digits, - and _.
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
			return false
		}
	}
	return s != ""
}

// admonitionTypeTitle is the title MkDocs gives an admonition of type typ
// without one: the type's name capitalised, in French on French pages for
// the types of MkDocs Material. The five kinds of callouts (note, tip,
// important, warning, caution, and attention, caution's alias) keep the
// titles of callouts (calloutTitle), one table for both.
func admonitionTypeTitle(typ string, d *doc) string {
	t := strings.ToLower(typ)
	switch admonitionName(t) {
	case "note", "tip", "important", "warning", "caution":
		return d.calloutTitle(admonitionName(t))
	}
	lang, _, _ := strings.Cut(d.locale(), "-")
	if title, ok := admonitionTitles[lang][admonitionName(t)]; ok {
		return title
	}
	if _, known := admonitionKind(t); known {
		return titleCase(t)
	}
	return titleCase(typ) // a custom type, as written
}

// admonitionTitles names MkDocs Material's admonition types (by their
// canonical name, see admonitionName) in the languages the default theme
// ships strings for; English is the type, capitalised.
var admonitionTitles = map[string]map[string]string{
	"fr": {"abstract": "Résumé", "info": "Info", "todo": "À faire", "hint": "Astuce", "success": "Succès", "done": "Terminé",
		"question": "Question", "help": "Aide", "faq": "FAQ", "failure": "Échec", "missing": "Manquant",
		"danger": "Danger", "error": "Erreur", "bug": "Bogue", "example": "Exemple", "quote": "Citation"},
	"de": {"abstract": "Zusammenfassung", "info": "Info", "todo": "Zu erledigen", "hint": "Hinweis", "success": "Erfolg", "done": "Erledigt",
		"question": "Frage", "help": "Hilfe", "faq": "FAQ", "failure": "Fehlschlag", "missing": "Fehlt",
		"danger": "Gefahr", "error": "Fehler", "bug": "Bug", "example": "Beispiel", "quote": "Zitat"},
	"es": {"abstract": "Resumen", "info": "Info", "todo": "Pendiente", "hint": "Pista", "success": "Éxito", "done": "Hecho",
		"question": "Pregunta", "help": "Ayuda", "faq": "Preguntas frecuentes", "failure": "Fallo", "missing": "Falta",
		"danger": "Peligro", "error": "Error", "bug": "Fallo de software", "example": "Ejemplo", "quote": "Cita"},
	"it": {"abstract": "Riepilogo", "info": "Info", "todo": "Da fare", "hint": "Suggerimento", "success": "Riuscito", "done": "Fatto",
		"question": "Domanda", "help": "Aiuto", "faq": "Domande frequenti", "failure": "Non riuscito", "missing": "Mancante",
		"danger": "Pericolo", "error": "Errore", "bug": "Bug", "example": "Esempio", "quote": "Citazione"},
	"pt": {"abstract": "Resumo", "info": "Info", "todo": "A fazer", "hint": "Dica", "success": "Sucesso", "done": "Concluído",
		"question": "Pergunta", "help": "Ajuda", "faq": "Perguntas frequentes", "failure": "Falha", "missing": "Em falta",
		"danger": "Perigo", "error": "Erro", "bug": "Erro de software", "example": "Exemplo", "quote": "Citação"},
	"nl": {"abstract": "Samenvatting", "info": "Info", "todo": "Te doen", "hint": "Hint", "success": "Gelukt", "done": "Klaar",
		"question": "Vraag", "help": "Hulp", "faq": "Veelgestelde vragen", "failure": "Mislukt", "missing": "Ontbreekt",
		"danger": "Gevaar", "error": "Fout", "bug": "Bug", "example": "Voorbeeld", "quote": "Citaat"},
	"ar": {"abstract": "ملخص", "info": "معلومات", "todo": "للقيام به", "hint": "تلميح", "success": "نجاح", "done": "تم",
		"question": "سؤال", "help": "مساعدة", "faq": "الأسئلة الشائعة", "failure": "فشل", "missing": "مفقود",
		"danger": "خطر", "error": "خطأ", "bug": "علة برمجية", "example": "مثال", "quote": "اقتباس"},
}

// admonitionName returns the canonical name of an admonition type's
// aliases ("tldr" and "summary" are "abstract", "check" "success").
func admonitionName(t string) string {
	switch t {
	case "summary", "tldr":
		return "abstract"
	case "check":
		return "success"
	case "attention":
		return "caution"
	case "fail":
		return "failure"
	case "cite":
		return "quote"
	}
	return t
}

// titleCase capitalises the first letter of s.
func titleCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// groupTabs wraps runs of adjacent content tabs in a <div class="tabs">
// and opens the first tab of each group unless one is marked open.
func groupTabs(root ast.Node) {
	var parents []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*box); ok && entering && strings.HasPrefix(b.Class, tabClass) {
			if p := n.Parent(); len(parents) == 0 || parents[len(parents)-1] != p {
				parents = append(parents, p)
			}
		}
		return ast.WalkContinue, nil
	})
	isTab := func(n ast.Node) bool {
		b, ok := n.(*box)
		return ok && strings.HasPrefix(b.Class, tabClass)
	}
	for _, p := range parents {
		for c := p.FirstChild(); c != nil; {
			if !isTab(c) {
				c = c.NextSibling()
				continue
			}
			group := &box{Tag: "div", Class: "tabs"}
			p.InsertBefore(p, c, group)
			anyOpen := false
			for c != nil && isTab(c) {
				next := c.NextSibling()
				b := c.(*box)
				if b.Class != tabClass && group.ChildCount() > 0 {
					break // `===!` starts another group
				}
				b.Class = tabClass
				anyOpen = anyOpen || b.Open
				group.AppendChild(group, c)
				c = next
			}
			if !anyOpen {
				group.FirstChild().(*box).Open = true
			}
		}
	}
}

// kindKeys is the goldmark node kind of keyboard keys.
var kindKeys = ast.NewNodeKind("Keys")

// keys is a key combination, `++ctrl+alt+del++` (pymdownx.keys).
type keys struct {
	ast.BaseInline
	Keys []string
}

// Kind implements ast.Node.
func (n *keys) Kind() ast.NodeKind { return kindKeys }

// Dump implements ast.Node.
func (n *keys) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Keys": strings.Join(n.Keys, "+")}, nil)
}

// keysParser reads `++ctrl+p++` as the keys Ctrl and P.
type keysParser struct{}

// Trigger implements parser.InlineParser.
func (keysParser) Trigger() []byte { return []byte{'+'} }

// keysPattern matches a key combination at the start of a line.
var keysPattern = regexp.MustCompile(`^\+\+([A-Za-z0-9][\w-]*(?:\+[A-Za-z0-9][\w-]*)*)\+\+`)

// Parse implements parser.InlineParser.
func (keysParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	m := keysPattern.FindSubmatch(line)
	if m == nil {
		return nil
	}
	block.Advance(len(m[0]))
	n := &keys{}
	for _, k := range strings.Split(string(m[1]), "+") {
		n.Keys = append(n.Keys, keyName(k))
	}
	return n
}

// keyName spells a key as keyboards print it: "ctrl" → "Ctrl", "p" → "P".
func keyName(k string) string {
	switch strings.ToLower(k) {
	case "cmd", "command":
		return "Cmd"
	case "ctrl", "control":
		return "Ctrl"
	case "esc", "escape":
		return "Esc"
	case "del", "delete":
		return "Del"
	}
	if len(k) == 1 {
		return strings.ToUpper(k)
	}
	return titleCase(strings.ReplaceAll(k, "-", " "))
}

// iconShortcode matches an icon of MkDocs Material (pymdownx.emoji with
// its icon sets): `:material-check:`, `:fontawesome-solid-lock:`,
// `:octicons-mark-github-16:`, `:simple-python:`.
var iconShortcode = regexp.MustCompile(`^:(?:material|fontawesome|octicons|simple)(?:-[a-z0-9]+)+:`)

// iconParser leaves MkDocs Material's icon shortcodes out of the page,
// with a warning: Guichet has no icon fonts. Code is never read by it
// (goldmark parses code spans first), nor ordinary colons ("Note: this",
// 10:30): only the names of the four icon sets open a shortcode.
type iconParser struct{}

// Trigger implements parser.InlineParser.
func (iconParser) Trigger() []byte { return []byte{':'} }

// Parse implements parser.InlineParser.
func (iconParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	m := iconShortcode.Find(line)
	if m == nil {
		return nil
	}
	if d, _ := pc.Get(docKey).(*doc); d != nil {
		set, _, _ := strings.Cut(string(m[1:]), "-")
		d.syntaxWarning(":"+set+"-… icons", d.lines.at(seg.Start),
			"icon %s is left out of the page (Guichet shows no icon fonts): write the words it stands for, or an emoji (✅, 🔒)", m)
	}
	n := len(m)
	if p := block.PrecendingCharacter(); p == '\n' || unicode.IsSpace(p) {
		// "Locked :fontawesome-solid-lock: here" reads "Locked here".
		for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
			n++
		}
	}
	block.Advance(n)
	return ast.NewString(nil)
}

// strayAdmonition matches a line that opens an MkDocs admonition ("!!!
// note", "???+ tip \"Title\"").
var strayAdmonition = regexp.MustCompile(`^(!!!|\?\?\?\+?)[ \t]+[A-Za-z]`)

// strayAdmonitions warns at each line of a paragraph that opens an MkDocs
// admonition: written right after text (no blank line before it), or
// under a list item without the item's indent plus four, Python-Markdown
// and Guichet keep it as text, and the page shows "!!! note".
func (d *doc) strayAdmonitions(root ast.Node, src []byte) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
		default:
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			line := strings.TrimSpace(string(seg.Value(src)))
			if m := strayAdmonition.FindString(line); m != "" {
				mark, _, _ := strings.Cut(line, " ")
				d.warnf(site.KindUnclosed, d.lines.at(seg.Start),
					"%q is shown as text: an admonition needs a blank line before it (in a list item, indent it four spaces more than the item's text)", mark+" "+strings.Fields(line)[1])
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// blockAttrLine matches a line holding only a Python-Markdown attribute
// list, `{: .lead }`, which MkDocs applies to the paragraph above it.
var blockAttrLine = regexp.MustCompile(`^\s*` + strings.TrimPrefix(attrList.String(), "^") + `\s*$`)

// mkdocsMarkers leaves out what Python-Markdown reads as markers, not
// text: a paragraph that is only `[TOC]` (the page has its own contents)
// and an attribute list on the last line of a paragraph (`{: .lead}`),
// which would otherwise show as written.
func (d *doc) mkdocsMarkers(root *ast.Document, src []byte) {
	var drop []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		p := n
		if k := n.Kind(); k != ast.KindParagraph && k != ast.KindTextBlock {
			return ast.WalkContinue, nil
		}
		lines := p.Lines()
		if lines.Len() == 0 {
			return ast.WalkSkipChildren, nil
		}
		last := lines.At(lines.Len() - 1)
		if lines.Len() == 1 && strings.TrimSpace(string(last.Value(src))) == "[TOC]" {
			drop = append(drop, p)
			return ast.WalkSkipChildren, nil
		}
		if !blockAttrLine.Match(last.Value(src)) {
			return ast.WalkSkipChildren, nil
		}
		if lines.Len() == 1 {
			drop = append(drop, p)
			return ast.WalkSkipChildren, nil
		}
		var cut []ast.Node
		var before *ast.Text
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			switch {
			case ok && t.Segment.Start >= last.Start:
				cut = append(cut, c)
			case len(cut) > 0:
				return ast.WalkSkipChildren, nil // something else on that line: keep it as written
			case ok:
				before = t
			default:
				before = nil
			}
		}
		for _, c := range cut {
			p.RemoveChild(p, c)
		}
		if before != nil {
			before.SetSoftLineBreak(false)
		}
		return ast.WalkSkipChildren, nil
	})
	for _, n := range drop {
		n.Parent().RemoveChild(n.Parent(), n)
	}
}
