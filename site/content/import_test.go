package content

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// otherSyntax finds what another tool's syntax looks like when it leaks
// into a page as text.
var otherSyntax = regexp.MustCompile(`\{\{[<%]|[>%]\}\}|:::|\[!(?i:include|div|video|note|tip|important|warning|caution)\b|\[\^[^\]]+\]|^\s*(!!!|\?\?\?\+?|===) |\{\{ *\.|:(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:|\{(?:props|frontMatter)\.`)

// codeParts are the parts of a page where code is shown as written.
var codeParts = regexp.MustCompile(`(?s)<pre[ >].*?</pre>|<code[ >].*?</code>`)

// leakedSyntax returns the lines of rendered HTML, outside code, that show
// another tool's syntax.
func leakedSyntax(html string) []string {
	var out []string
	for _, line := range strings.Split(codeParts.ReplaceAllString(html, ""), "\n") {
		if otherSyntax.MatchString(line) {
			out = append(out, line)
		}
	}
	return out
}

// TestImportGolden renders a content folder written for each tool, with
// the loader (links, includes, images), into one golden file per tool:
// every article's URL, contents and HTML, then the problems.
func TestImportGolden(t *testing.T) {
	for _, name := range []string{"hugo", "docfx", "docusaurus", "mkdocs"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", "import", name)
			if _, err := os.Stat(dir); err != nil {
				t.Skip(err)
			}
			lib, err := Load(context.Background(), os.DirFS(dir), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, c := range lib.Categories {
				fmt.Fprintf(&b, "=== category %s %s %q\n", c.ID, c.URL, c.Title)
			}
			for _, a := range lib.Articles {
				fmt.Fprintf(&b, "=== %s %s %q\ndescription: %s\n", a.SourcePath, a.URL, a.Title, a.Description)
				for _, h := range a.TOC {
					fmt.Fprintf(&b, "toc: %d #%s %s\n", h.Level, h.ID, h.Text)
				}
				b.WriteString(string(a.HTML))
				for _, l := range leakedSyntax(string(a.HTML)) {
					t.Errorf("%s shows another tool's syntax: %s", a.SourcePath, l)
				}
				if m := otherSyntax.FindString(a.Description); m != "" {
					t.Errorf("%s: description shows %q", a.SourcePath, m)
				}
			}
			b.WriteString("=== problems\n")
			for _, p := range lib.Problems {
				b.WriteString(p.String() + "\n")
			}
			golden := filepath.Join("testdata", "import", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs from %s (go test -update, then review the diff):\n%s", name, golden, b.String())
			}
		})
	}
}

// handlerAttr finds an event handler attribute inside a tag.
var handlerAttr = regexp.MustCompile(`<[^>]*\son\w+=`)

// TestForeignSyntaxSafety: what other tools' syntax renders goes through
// the same URL checks and escaping as Markdown: no script, no handler, no
// dangerous URL, whatever a writer puts in their arguments.
func TestForeignSyntaxSafety(t *testing.T) {
	src := []byte(`:::image type="content" source="javascript:alert(1)" alt-text="<script>alert(2)</script>":::

:::image type="content" source="a.png" lightbox="javascript:alert(3)" alt-text="x":::

:::no-loc text="<img src=x onerror=alert(4)>":::

{{< figure src="javascript:alert(5)" link="javascript:alert(6)" caption="<script>alert(7)</script>" >}}

{{< youtube id="x\" onload=\"alert(8)" >}}

{{< details summary="<script>alert(9)</script>" >}}
Body.
{{< /details >}}

:::note[<img src=x onerror=alert(10)>]
Body.
:::

!!! warning "<script>alert(11)</script>"
    Body.

=== "<b onmouseover=alert(12)>tab</b>"

    Body.

> [!NOTE] <script>alert(13)</script>
> Body.

> [!VIDEO javascript:alert(14)]

[x]({{< ref "javascript:alert(15)" >}})

{{< param "title" >}}
`)
	for _, allow := range []bool{false, true} {
		out, err := NewRenderer(RenderOptions{AllowHTML: allow}).Render(Input{Source: src, Locale: "en", File: "x.md",
			Params: map[string]any{"title": "<script>alert(16)</script>"}})
		if err != nil {
			t.Fatal(err)
		}
		html := strings.ToLower(string(out.HTML))
		for _, m := range urlAttr.FindAllStringSubmatch(html, -1) {
			if dangerousURL(m[2], m[1] == "src") {
				t.Errorf("allowHTML=%v: %s=%q", allow, m[1], m[2])
			}
		}
		if allow {
			continue // the writer's own raw HTML is theirs to allow
		}
		if strings.Contains(html, "<script") || handlerAttr.MatchString(html) || strings.Contains(html, "<img src=x") || strings.Contains(html, "<b ") {
			t.Errorf("markup from arguments rendered:\n%s", out.HTML)
		}
	}
}

// TestOtherToolFields: fields other tools name differently are read as
// Guichet's.
func TestOtherToolFields(t *testing.T) {
	lib := load(t, map[string]string{
		"docs/hugo.md": "---\ntitle: H\nlastmod: 2024-05-01\ndate: 2024-01-01\nweight: 2\npublishDate: 2020-01-01\nsummary: From Hugo.\n---\nBody.\n",
		"docs/ms.md":   "---\ntitle: M\nms.date: 03/14/2024\n---\nBody.\n",
		"docs/ms1.md":  "---\ntitle: M1\nms.date: 8/1/2024\n---\nBody.\n",
		"docs/docu.md": "---\ntitle: D\nsidebar_position: 7\n---\nBody.\n",
		"docs/own.md":  "---\ntitle: O\nupdated: 2025-01-01\nms.date: 01/01/2020\n---\nBody.\n",
		// Docusaurus' last_update, its date read, its author understood
		// (it was an unknown field, its date ignored; a newcomer, rv20d).
		"docs/docu2.md": "---\ntitle: D2\nlast_update:\n  date: 2024-09-14\n  author: Ana\n---\nBody.\n",
		"docs/docu3.md": "---\ntitle: D3\nlast_update: {author: Ana}\n---\nBody.\n",
		"docs/docu4.md": "---\ntitle: D4\nlast_update: 2024-10-02\n---\nBody.\n",
	})
	for _, p := range lib.Problems {
		t.Errorf("problem: %s", p)
	}
	day := func(a string) string {
		for _, x := range lib.Articles {
			if x.SourcePath == a {
				return x.Updated.Format("2006-01-02")
			}
		}
		return ""
	}
	for file, want := range map[string]string{"docs/hugo.md": "2024-05-01", "docs/ms.md": "2024-03-14", "docs/ms1.md": "2024-08-01", "docs/own.md": "2025-01-01", "docs/docu2.md": "2024-09-14", "docs/docu4.md": "2024-10-02"} {
		if got := day(file); got != want {
			t.Errorf("%s updated %s, want %s", file, got, want)
		}
	}
	for _, a := range lib.Articles {
		switch a.SourcePath {
		case "docs/hugo.md":
			if a.Description != "From Hugo." || a.PublishAt.Year() != 2020 || a.Weight != 2 {
				t.Errorf("hugo: %q %v %d", a.Description, a.PublishAt, a.Weight)
			}
		case "docs/docu.md":
			if a.Weight != 7 {
				t.Errorf("docusaurus weight %d", a.Weight)
			}
		}
	}
}

// TestDocFXIndentedBlocks: DocFX rows, columns and zones are usually
// written with their content indented under the marker (as DocFX's own
// documentation shows them); the content is Markdown, never an indented
// code block, and code inside keeps its own indentation.
func TestDocFXIndentedBlocks(t *testing.T) {
	src := []byte(":::row:::\n    :::column span=\"2\":::\n        ### A headline\n        This is where your content goes.\n        [A link](https://example.com)\n    :::column-end:::\n    :::column:::\n        ```console\n          indented code\n        ```\n    :::column-end:::\n:::row-end:::\n\n::: zone pivot=\"windows\"\n    Zone text.\n::: zone-end\n\n    indented code outside any block\n")
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: src, Locale: "en", File: "x.md"})
	if err != nil {
		t.Fatal(err)
	}
	html := string(out.HTML)
	for _, want := range []string{
		`<h3 id="a-headline">A headline</h3>`,
		"<p>This is where your content goes.\n<a href=\"https://example.com\">A link</a></p>",
		"  indented code\n",
		"<p>Zone text.</p>",
		"<code>indented code outside any block\n</code>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %q in\n%s", want, html)
		}
	}
	if strings.Count(html, "<pre") != 2 || strings.Count(html, `<div class="column">`) != 2 {
		t.Errorf("want two columns and two code blocks (the fenced one and the one outside):\n%s", html)
	}
	for _, l := range leakedSyntax(html) {
		t.Errorf("shows DocFX syntax: %s", l)
	}
}

// TestShortcodeImageLines: a picture a Hugo shortcode (figure, img) or a
// DocFX complex image shows that is missing is reported at its own line,
// so a writer can find it (the block it sits in has no source lines).
func TestShortcodeImageLines(t *testing.T) {
	lib := load(t, map[string]string{
		"docs/a.md": "---\ntitle: A\n---\nIntro.\n\nMore.\n\n{{< figure src=\"gone.png\" caption=\"C\" >}}\n\nText {{< img src=\"gone2.png\" >}} here.\n\n{{< figure src=\"gone3.png\" link=\"https://example.com\" >}}\n",
		"docs/b.md": "---\ntitle: B\n---\nIntro.\n\n:::image type=\"complex\" source=\"gone4.png\" alt-text=\"x\":::\nLong description.\n:::image-end:::\n",
	})
	for _, w := range []want{
		{site.SeverityError, "docs/a.md", 8, "", `image "gone.png" not found`},
		{site.SeverityError, "docs/a.md", 10, "", `image "gone2.png" not found`},
		{site.SeverityError, "docs/a.md", 12, "", `image "gone3.png" not found`},
		{site.SeverityError, "docs/b.md", 6, "", `image "gone4.png" not found`},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
}

// TestColonBlockAroundCode: a ":::" line inside a fenced code block is code
// (an example of the syntax), not the end of the Docusaurus admonition or
// DocFX block around it; the rest of the article is not swallowed.
func TestColonBlockAroundCode(t *testing.T) {
	src := []byte(":::note Fenced\nBefore.\n\n```\n:::tip\n:::\n```\n\nAfter.\n:::\n\nOutside.\n\n:::row:::\n:::column:::\n```\n:::column-end:::\n```\n:::column-end:::\n:::row-end:::\n\nEnd.\n")
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: src, Locale: "en", File: "x.md"})
	if err != nil {
		t.Fatal(err)
	}
	html := string(out.HTML)
	for _, want := range []string{":::tip\n:::\n</code></pre>\n<p>After.</p>\n</div>\n<p>Outside.</p>", ":::column-end:::\n</code></pre>\n</div>\n</div>\n<p>End.</p>"} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %q in\n%s", want, html)
		}
	}
	for _, l := range leakedSyntax(html) {
		t.Errorf("shows another tool's syntax: %s", l)
	}
}

// TestMkDocsOneLineBlocks: a snippet line (`--8<-- "file.md"`) and an
// abbreviation definition (`*[PIN]: …`) are blocks of one line; what
// follows them is the rest of the article, rendered, its links checked and
// its includes read (it was swallowed: left out of the page, silently).
func TestMkDocsOneLineBlocks(t *testing.T) {
	lib := load(t, map[string]string{
		"cards/order.md":    "# Order a card\n\n--8<-- \"includes/hours.md\"\n\nAfter the snippet, see [PINs](pin.md).\n\n*[PIN]: Personal Identification Number\n\nAfter the abbreviation.\n\n--8<-- \"includes/gone.md\"\n\nLast words.\n",
		"cards/pin.md":      "# Card PIN\n\nNever share it.\n",
		"includes/hours.md": "Support answers from 9:00 to 18:00.\n",
	})
	html := string(article(t, lib, "cards/order.md").HTML)
	for _, w := range []string{
		"<p>Support answers from 9:00 to 18:00.</p>",
		`<p>After the snippet, see <a href="/cards/pin">PINs</a>.</p>`,
		"<p>After the abbreviation.</p>",
		"<p>Last words.</p>",
	} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %q in\n%s", w, html)
		}
	}
	if w := (want{site.SeverityError, "cards/order.md", 11, "", `--8<-- "includes/gone.md" left out of the page: neither cards/includes/gone.md nor includes/gone.md exists`}); !findProblem(lib, w) {
		t.Errorf("no problem %+v in %v", w, lib.Problems)
	}
}

// TestHugoTOMLFrontMatter: Hugo's own front matter format, TOML between
// +++ lines (its default archetype), is read as YAML's is: the fields and
// Hugo's names for them, dates with and without a zone, lists, tables kept
// for {{< param >}}, and a category's _index.md.
func TestHugoTOMLFrontMatter(t *testing.T) {
	lib := load(t, map[string]string{
		"start/_index.md": "+++\ntitle = \"Getting started\"\ndescription = \"First steps.\"\nweight = 1\n+++\n",
		"start/workspace.md": "\ufeff+++\r\ntitle = \"How do I create a workspace?\"\r\ndescription = 'A workspace holds your expenses.'\r\n" +
			"weight = 10\r\ndate = 2025-03-02\r\nlastmod = 2025-06-11T10:20:00+02:00\r\n" +
			"aliases = [\"/start/old/\", \"/start/new-workspace\"]\r\ntags = [\"setup\"]\r\nkeywords = [\r\n  \"organisation\", # as customers say it\r\n  \"company account\",\r\n]\r\n" +
			"[params]\r\nproduct = \"Tallybook\"\r\n+++\r\n\r\n{{< param \"product\" >}} in {{< param \"title\" >}}.\r\n",
		"start/local.md": "+++\ntitle = \"Local\"\npublishDate = 2020-01-02T03:04:05\ndraft = false\n+++\nBody.\n",
	})
	for _, p := range lib.Problems {
		if p.Field != "params" {
			t.Errorf("problem: %s", p)
		}
	}
	a := article(t, lib, "start/workspace.md")
	if a.Title != "How do I create a workspace?" || a.Description != "A workspace holds your expenses." || a.Weight != 10 ||
		!a.Updated.Equal(time.Date(2025, 6, 11, 8, 20, 0, 0, time.UTC)) ||
		strings.Join(a.Aliases, " ") != "/start/old /start/new-workspace" && strings.Join(a.Aliases, " ") != "/start/old/ /start/new-workspace" ||
		strings.Join(a.Keywords, "|") != "organisation|company account" || strings.Join(a.Tags, "|") != "setup" {
		t.Errorf("workspace: %q %q %d %v %q %q %q", a.Title, a.Description, a.Weight, a.Updated, a.Aliases, a.Keywords, a.Tags)
	}
	if want := "<p>Tallybook in How do I create a workspace?.</p>"; !strings.Contains(string(a.HTML), want) {
		t.Errorf("missing %q in %s", want, a.HTML)
	}
	if l := article(t, lib, "start/local.md"); !l.PublishAt.Equal(time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Errorf("local date-time %v", l.PublishAt)
	}
	found := false
	for _, c := range lib.Categories {
		if c.ID == "start" {
			found = c.Title == "Getting started" && c.Description == "First steps."
		}
	}
	if !found {
		t.Errorf("category from TOML _index.md: %+v", lib.Categories)
	}
}

// TestMkDocsAdmonitionTitles: an MkDocs admonition without a title is
// titled by its type, capitalised, as MkDocs does ("Example", "Bug"), in
// the style of the kind it maps to; pages in the languages the default
// theme ships strings for read the name in theirs.
func TestMkDocsAdmonitionTitles(t *testing.T) {
	for _, tc := range []struct{ locale, typ, class, title string }{
		{"en", "note", "callout-note", "Note"},
		{"en", "example", "callout-note", "Example"},
		{"en", "abstract", "callout-note", "Abstract"},
		{"en", "info", "callout-note", "Info"},
		{"en", "question", "callout-note", "Question"},
		{"en", "quote", "callout-note", "Quote"},
		{"en", "success", "callout-tip", "Success"},
		{"en", "tip", "callout-tip", "Tip"},
		{"en", "warning", "callout-warning", "Warning"},
		{"en", "caution", "callout-warning", "Caution"},
		{"en", "bug", "callout-caution", "Bug"},
		{"en", "failure", "callout-caution", "Failure"},
		{"en", "danger", "callout-caution", "Danger"},
		{"en", "Example", "callout-note", "Example"},
		{"fr", "note", "callout-note", "Remarque"},
		{"fr", "example", "callout-note", "Exemple"},
		{"fr", "bug", "callout-caution", "Bogue"},
		{"fr", "danger", "callout-caution", "Danger"},
		{"fr", "tldr", "callout-note", "Résumé"},
		{"es", "example", "callout-note", "Ejemplo"},
		{"es", "danger", "callout-caution", "Peligro"},
		// Caution is titled as the caution callout ("> [!CAUTION]") is.
		{"es", "caution", "callout-warning", "Precaución"},
		{"pt", "attention", "callout-warning", "Cuidado"},
		{"nl", "caution", "callout-warning", "Let op"},
		{"de", "check", "callout-tip", "Erfolg"},
		{"it", "question", "callout-note", "Domanda"},
		{"pt-BR", "quote", "callout-note", "Citação"},
		{"nl", "failure", "callout-caution", "Mislukt"},
		{"ar", "example", "callout-note", "مثال"},
		{"ja", "example", "callout-note", "Example"},
		{"en", "custom-thing", "callout-note", "Custom-thing"},
	} {
		for _, mark := range []string{"!!!", "???"} {
			src := mark + " " + tc.typ + "\n    Body.\n"
			out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(src), Locale: tc.locale, File: "x.md"})
			if err != nil {
				t.Fatal(err)
			}
			html := string(out.HTML)
			if !strings.Contains(html, `class="callout `+tc.class+`"`) || !strings.Contains(html, `class="callout-title">`+tc.title+"</") {
				t.Errorf("%s %s (%s): want %s titled %q, got\n%s", mark, tc.typ, tc.locale, tc.class, tc.title, html)
			}
		}
	}
	// An explicit title wins.
	out, _ := NewRenderer(RenderOptions{}).Render(Input{Source: []byte("!!! example \"Try it\"\n    Body.\n"), Locale: "en", File: "x.md"})
	if !strings.Contains(string(out.HTML), `class="callout-title">Try it</`) {
		t.Errorf("explicit title lost:\n%s", out.HTML)
	}
}

// TestJSXAndIconsLeftOut: a Docusaurus JSX expression in text and an
// MkDocs Material icon shortcode were shown as written, raw, with no
// warning. Icons are left out; expressions too (comments show nothing,
// string literals their text), each with a warning at its line saying
// what to write. Code, ordinary colons and braces stay as written.
func TestJSXAndIconsLeftOut(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		html            []string // substrings of the page
		warn            string   // the warning on line 3, "" for none
	}{
		{"expression in mdx", "x.mdx", "Intro.\n\nSpend up to {props.limit} per day.\n",
			[]string{"<p>Spend up to  per day.</p>"}, "JSX expression {props.limit} is left out of the page"},
		{"expression in md", "x.md", "Intro.\n\nSpend up to {props.limit} per day.\n",
			[]string{"<p>Spend up to  per day.</p>"}, "write its value in the text"},
		{"front matter", "x.mdx", "Intro.\n\nUp to {frontMatter.limit} a day.\n",
			[]string{"<p>Up to  a day.</p>"}, `{{< param "limit" >}}`},
		// A field the front matter lacks: the suggestion named it
		// anyway, and param then showed nothing.
		{"front matter field missing", "x.mdx", "Intro.\n\nUp to {frontMatter.limits} a day.\n",
			[]string{"<p>Up to  a day.</p>"}, "the front matter has no field `limits`: did you mean `limit`? (its fields: limit, plan, title)"},
		{"front matter field missing, no near one", "x.md", "Intro.\n\nOn {frontMatter.region}.\n",
			[]string{"<p>On .</p>"}, "the front matter has no field `region` (its fields: limit, plan, title)"},
		{"param missing", "x.md", "Intro.\n\nThe {{< param \"plans\" >}} plan.\n",
			[]string{"<p>The  plan.</p>"}, "the front matter has no field `plans`, so nothing is shown (site parameters are not read): did you mean `plan`? (its fields: limit, plan, title)"},
		{"any expression in mdx", "x.mdx", "Intro.\n\nHello {user.name ?? 'you'}!\n",
			[]string{"<p>Hello !</p>"}, "JSX expression {user.name ?? 'you'}"},
		{"placeholder in md", "x.md", "Intro.\n\nReplace {tenant-id} and {domain.com} with yours.\n",
			[]string{"<p>Replace {tenant-id} and {domain.com} with yours.</p>"}, ""},
		{"comment", "x.mdx", "Intro.\n\n{/* hidden */}Hello.\n",
			[]string{"<p>Hello.</p>"}, ""},
		{"string literal", "x.mdx", "Intro.\n\nUse{' '}spaces.\n",
			[]string{"<p>Use spaces.</p>"}, ""},
		{"code", "x.mdx", "Intro.\n\n`{props.limit}` and `:material-check:`\n\n```\n{props.limit} :material-check:\n```\n",
			[]string{"<code>{props.limit}</code> and <code>:material-check:</code>", "{props.limit} :material-check:\n</code></pre>"}, ""},
		{"attribute list and shortcode", "x.md", "Intro.\n\n[Get it](https://example.com){ .md-button } {{< param \"title\" >}}\n",
			[]string{`<a href="https://example.com">Get it</a>`}, ""},
		{"icon at the start", "x.md", "Intro.\n\n:material-check: Works everywhere.\n",
			[]string{"<p>Works everywhere.</p>"}, "icon :material-check: is left out of the page"},
		{"icon inside", "x.md", "Intro.\n\nLocked :fontawesome-solid-lock: here.\n",
			[]string{"<p>Locked here.</p>"}, "write the words it stands for, or an emoji"},
		{"octicon", "x.md", "Intro.\n\nSee :octicons-mark-github-16: GitHub.\n",
			[]string{"<p>See GitHub.</p>"}, "icon :octicons-mark-github-16:"},
		{"simple icon in a list", "x.md", "Intro.\n\n- :simple-python: Python\n",
			[]string{"<li>Python</li>"}, "icon :simple-python:"},
		{"colons and times", "x.md", "Intro.\n\nNote: open at 10:30, ratio 1:2:3, see material-check: and :custom-thing:.\n",
			[]string{"<p>Note: open at 10:30, ratio 1:2:3, see material-check: and :custom-thing:.</p>"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(tc.src), Locale: "en", File: tc.file, FirstLine: 1,
				Params: map[string]any{"title": "T", "description": "", "limit": 5, "plan": "pro"}})
			if err != nil {
				t.Fatal(err)
			}
			html := string(out.HTML)
			for _, w := range tc.html {
				if !strings.Contains(html, w) {
					t.Errorf("missing %q in\n%s", w, html)
				}
			}
			var warns []string
			for _, p := range out.Problems {
				warns = append(warns, p.String())
			}
			switch {
			case tc.warn == "" && len(warns) > 0:
				t.Errorf("unexpected problems %v", warns)
			case tc.warn != "" && (len(warns) != 1 || out.Problems[0].Line != 3 || out.Problems[0].Kind != site.KindSyntax || !strings.Contains(warns[0], tc.warn)):
				t.Errorf("want one syntax warning on line 3 with %q, got %v", tc.warn, warns)
			}
		})
	}
}

// TestColonAdmonitionTitles: a Docusaurus or VitePress block without a
// title is titled by its type, as those tools do (":::info" reads "Info",
// ":::danger" "Danger"; they read "Note" and "Caution"), in the style of
// the kind it maps to.
func TestColonAdmonitionTitles(t *testing.T) {
	for _, tc := range []struct{ locale, src, class, title string }{
		{"en", ":::info\nBody.\n:::\n", "callout-note", "Info"},
		{"en", ":::danger\nBody.\n:::\n", "callout-caution", "Danger"},
		{"en", ":::caution\nBody.\n:::\n", "callout-warning", "Caution"},
		{"en", ":::note\nBody.\n:::\n", "callout-note", "Note"},
		{"en", "::: tip\nBody.\n:::\n", "callout-tip", "Tip"},
		{"en", ":::info Read this\nBody.\n:::\n", "callout-note", "Read this"},
		{"en", ":::danger[Careful]\nBody.\n:::\n", "callout-caution", "Careful"},
		{"fr", ":::info\nCorps.\n:::\n", "callout-note", "Info"},
		{"fr", ":::danger\nCorps.\n:::\n", "callout-caution", "Danger"},
		{"fr", ":::note\nCorps.\n:::\n", "callout-note", "Remarque"},
	} {
		out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(tc.src), Locale: tc.locale, File: "x.md"})
		if err != nil {
			t.Fatal(err)
		}
		html := string(out.HTML)
		if !strings.Contains(html, `class="callout `+tc.class+`"`) || !strings.Contains(html, `class="callout-title">`+tc.title+"</") {
			t.Errorf("%q (%s): want %s titled %q, got\n%s", tc.src, tc.locale, tc.class, tc.title, html)
		}
	}
}

// TestHugoNoticeTitles: a Hugo callout shortcode without a title is
// titled by its type, as Hugo's themes do ({{% notice info %}} read "Note",
// the title of the kind it maps to): "Info", "Tip", "Danger", in the
// page's language; a colour (Docsy's color="primary") is no type, and a
// title written wins.
func TestHugoNoticeTitles(t *testing.T) {
	for _, tc := range []struct{ locale, src, class, title string }{
		{"en", "{{% notice info %}}\nBody.\n{{% /notice %}}\n", "callout-note", "Info"},
		{"en", "{{% notice tip %}}\nBody.\n{{% /notice %}}\n", "callout-tip", "Tip"},
		{"en", "{{% notice note %}}\nBody.\n{{% /notice %}}\n", "callout-note", "Note"},
		{"en", "{{% notice warning %}}\nBody.\n{{% /notice %}}\n", "callout-warning", "Warning"},
		{"en", "{{< notice style=\"danger\" >}}\nBody.\n{{< /notice >}}\n", "callout-caution", "Danger"},
		{"en", "{{< info >}}\nBody.\n{{< /info >}}\n", "callout-note", "Info"},
		{"en", "{{< hint >}}\nBody.\n{{< /hint >}}\n", "callout-tip", "Tip"},
		{"en", "{{< alert color=\"primary\" >}}\nBody.\n{{< /alert >}}\n", "callout-note", "Note"},
		{"en", "{{% notice info \"Read this\" %}}\nBody.\n{{% /notice %}}\n", "callout-note", "Read this"},
		{"en", "{{% notice info %}}One line.{{% /notice %}}\n", "callout-note", "Info"},
		{"fr", "{{% notice tip %}}\nCorps.\n{{% /notice %}}\n", "callout-tip", "Astuce"},
		{"fr", "{{% notice info %}}\nCorps.\n{{% /notice %}}\n", "callout-note", "Info"},
		{"de", "{{% notice danger %}}\nText.\n{{% /notice %}}\n", "callout-caution", "Gefahr"},
		{"de", "{{% notice note %}}\nText.\n{{% /notice %}}\n", "callout-note", "Hinweis"},
	} {
		out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(tc.src), Locale: tc.locale, File: "x.md"})
		if err != nil {
			t.Fatal(err)
		}
		html := string(out.HTML)
		if !strings.Contains(html, `class="callout `+tc.class+`"`) || !strings.Contains(html, `class="callout-title">`+tc.title+"</") {
			t.Errorf("%q (%s): want %s titled %q, got\n%s", tc.src, tc.locale, tc.class, tc.title, html)
		}
	}
}

// TestUnclosedColonBlocks: a ::: block whose closing line never comes
// holds the rest of the file (a Docusaurus admonition swallowed the
// heading after it, silently; Docusaurus refuses to build it), and a
// DocFX :::image without its closing ::: is shown as written: check says
// where and what to write. Closed blocks, one-line images with text after
// them and ::: lines in code say nothing.
func TestUnclosedColonBlocks(t *testing.T) {
	lib := load(t, map[string]string{
		"a/open.md": "---\ntitle: Open\n---\n:::warning\nThis never closes.\n\n## Later\n\nText.\n",
		"a/zone.md": "---\ntitle: Zone\n---\nIntro.\n\n::: zone pivot=\"android\"\nNever closed.\n",
		"a/img.md":  "---\ntitle: Img\n---\n:::image type=\"content\" source=\"x.png\" alt-text=\"x\"\n\nAfter.\n",
		"a/fine.md": "---\ntitle: Fine\n---\n:::tip[T]\nA.\n:::\n\n::::note\n:::info\nB.\n:::\n::::\n\n1. :::image type=\"icon\" source=\"x.png\"::: Unplug.\n\n" +
			"::: zone pivot=\"a\"\nC.\n::: zone-end\n\n:::note\n```md\n:::\n```\n:::\n",
		"a/x.png": "\x89PNG\r\n\x1a\n",
	})
	for _, w := range []want{
		{site.SeverityWarning, "a/open.md", 4, "", "this ::: block is never closed: everything after it, to the end of the file or of the block around it, is inside it; close it with a line :::"},
		{site.SeverityWarning, "a/zone.md", 6, "", "close it with a line ::: zone-end"},
		{site.SeverityWarning, "a/img.md", 4, "", ":::image has no closing ::: on its line: it is shown as written"},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no %+v in %v", w, lib.Problems)
		}
	}
	for _, p := range lib.Problems {
		if p.File == "a/fine.md" {
			t.Errorf("closed blocks: %v", p)
		}
	}
}

// TestMkDocsContentNotIndented: MkDocs takes as a block's content the lines
// indented by four spaces under it; content indented by two (a common
// slip) leaves the admonition or tab empty and the text after it, as
// MkDocs shows it: check says so at that line. A title-only admonition
// followed by a paragraph, and content indented by four, say nothing.
func TestMkDocsContentNotIndented(t *testing.T) {
	lib := load(t, map[string]string{
		"a/two.md":  "---\ntitle: Two\n---\n!!! note\n  Indented by two.\n\n=== \"Tab A\"\n   Three.\n",
		"a/fine.md": "---\ntitle: Fine\n---\n!!! note \"Title only\"\n\nA paragraph.\n\n!!! tip\n    Four.\n\n- item\n\n    !!! warning\n        Nested four.\n",
	})
	for _, w := range []want{
		{site.SeverityWarning, "a/two.md", 5, "", "this line is indented by 2 spaces, so it is not inside the !!! note above it, which stays empty (MkDocs reads the lines indented by 4): indent it by 4 spaces"},
		{site.SeverityWarning, "a/two.md", 8, "", "indented by 3 spaces, so it is not inside the === \"Tab A\" above it"},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no %+v in %v", w, lib.Problems)
		}
	}
	for _, p := range lib.Problems {
		if p.File == "a/fine.md" {
			t.Errorf("indented blocks: %v", p)
		}
	}
}

// TestDocusaurusCategoryFile: a _category_.json gives its folder a title
// and an order; a fractional position (Docusaurus allows 2.5) keeps the
// label, read as the nearest whole number with a warning, as does a
// position that is no number (none, with a warning); a file that does not
// parse names its line; a description longer than 160 characters is
// warned about at its line, as an _index file's or an article's (it went
// unchecked).
func TestDocusaurusCategoryFile(t *testing.T) {
	for _, tt := range []struct {
		name, file, data string
		title            string
		weight, line     int
		warning          string // in the message; "" for none
	}{
		{"whole", "_category_.json", `{"label": "Field work", "position": 2}`, "Field work", 2, 0, ""},
		{"fractional", "_category_.json", `{"label": "Field work", "position": 2.5}`, "Field work", 3, 0, "position 2.5 is read as 3"},
		{"yaml fractional", "_category_.yml", "label: Field work\nposition: 1.25\n", "Field work", 1, 0, "position 1.25 is read as 1"},
		// JSON written by hand: the slip named, at its line, with the fix.
		{"trailing comma", "_category_.json", "{\n  \"label\": \"Field work\",\n  \"position\": 2,\n}\n", "Fields", 0, 3, "a comma after the last entry, before '}': JSON allows none, remove it"},
		{"key without quotes", "_category_.json", "{\n  label: \"Field work\"\n}\n", "Fields", 0, 2, "a key without double quotes"},
		{"single quotes", "_category_.json", "{\n  \"label\": 'Field work'\n}\n", "Fields", 0, 2, "text in single quotes"},
		{"comma missing", "_category_.json", "{\n  \"label\": \"Field work\"\n  \"position\": 2\n}\n", "Fields", 0, 2, "a comma is missing after this entry"},
		{"never closed", "_category_.json", "{\n  \"label\": \"Field work\"\n", "Fields", 0, 2, "the file ends before a { or [ is closed"},
		{"not a number", "_category_.json", "{\n  \"label\": \"Field work\",\n  \"position\": \"two\"\n}\n", "Field work", 0, 0, `position "two" is not a number: the folder keeps its label`},
		{"a number as a string", "_category_.json", `{"label": "Field work", "position": "2"}`, "Field work", 2, 0, ""},
		{"long description", "_category_.json", "{\n  \"label\": \"Field work\",\n  \"link\": {\n    \"type\": \"generated-index\",\n    \"description\": \"" + strings.TrimSpace(strings.Repeat("Plan the field work. ", 9)) + "\"\n  }\n}\n",
			"Field work", 0, 5, "field `link.description` is 188 characters long: search engines show about 160 under a result"},
		{"yaml long description", "_category_.yml", "label: Field work\nlink:\n  type: generated-index\n  description: " + strings.TrimSpace(strings.Repeat("Plan the field work. ", 9)) + "\n",
			"Field work", 0, 4, "field `link.description` is 188 characters long"},
		{"description of 160", "_category_.json", `{"label": "Field work", "link": {"description": "` + strings.Repeat("x", 160) + `"}}`, "Field work", 0, 0, ""},
		{"wrong type", "_category_.json", "{\n  \"label\": [\"Field work\"]\n}\n", "Fields", 0, 2, "cannot read the folder's label and position: `label` must be text, not array"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lib := load(t, map[string]string{
				"fields/" + tt.file: tt.data,
				"fields/map.md":     "---\ntitle: Draw a field\n---\nDraw it.\n",
			})
			var c *site.Category
			for _, x := range lib.Categories {
				if x.ID == "fields" {
					c = x
				}
			}
			if c == nil || c.Title != tt.title || c.Weight != tt.weight {
				t.Fatalf("category %+v, want %q weighing %d", c, tt.title, tt.weight)
			}
			var got []string
			for _, p := range lib.Problems {
				got = append(got, p.String())
				if tt.warning == "" || !strings.Contains(p.Message, tt.warning) || p.File != "fields/"+tt.file || p.Line != tt.line {
					t.Errorf("problem %s, want %q at line %d", p, tt.warning, tt.line)
				}
			}
			if (tt.warning != "") != (len(got) > 0) {
				t.Errorf("problems %q, want %q", got, tt.warning)
			}
		})
	}
}

// TestCategoryWeightKept: an _index file without a weight keeps the place
// its folder has: the _category_.json position beside it, and in a
// translation the default locale's weight (it was 0, so /fr/ ordered its
// categories otherwise than /).
func TestCategoryWeightKept(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":           "locales: [en, fr]\n",
		"fields/_category_.json": `{"label": "Field work", "position": 2}`,
		"fields/_index.md":       "---\ntitle: Fields\n---\n",
		"fields/map.md":          "---\ntitle: Draw a field\n---\nDraw it.\n",
		"herd/_index.md":         "---\ntitle: Herd\nweight: 1\n---\n",
		"herd/_index.fr.md":      "---\ntitle: Troupeau\n---\n",
		"herd/tags.md":           "---\ntitle: Order ear tags\n---\nOrder them.\n",
		"herd/tags.fr.md":        "---\ntitle: Commander des boucles\n---\nCommandez-les.\n",
	})
	got := map[string]int{}
	for _, c := range lib.Categories {
		got[c.ID+"|"+c.Locale] = c.Weight
	}
	want := map[string]int{"fields|en": 2, "fields|fr": 2, "herd|en": 1, "herd|fr": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weights %v, want %v", got, want)
	}
}

// TestHugoRefToMDX: {{< ref "name" >}} finds the article of name.mdx as
// it finds name.md (a Hugo site that took Docusaurus's files).
func TestHugoRefToMDX(t *testing.T) {
	lib := load(t, map[string]string{
		"guides/start.md":  "---\ntitle: Start\n---\nRead [the setup]({{< ref \"setup\" >}}) and [more]({{< relref \"setup.mdx#step-two\" >}}).\n",
		"guides/setup.mdx": "---\ntitle: Setup\n---\n## Step two\n\nDo it.\n",
	})
	for _, p := range lib.Problems {
		t.Errorf("problem: %s", p)
	}
	html := string(article(t, lib, "guides/start.md").HTML)
	if !strings.Contains(html, `href="/guides/setup"`) || !strings.Contains(html, `href="/guides/setup#step-two"`) {
		t.Errorf("refs to an .mdx file: %s", html)
	}
}

// TestHugoRefThenAnchor: a place of the page written after the ref, as
// Hugo sites link a section (`[text]({{< ref "setup" >}}#step-two)`, or
// inside `<…>`), leads there and is checked; the page showed the
// Markdown as written around a link ("[setup](Setup#step-two)"), with no
// problem in check. A broken anchor is reported once, where the ref is (it
// was also reported at the line's start, naming the site URL).
func TestHugoRefThenAnchor(t *testing.T) {
	lib := load(t, map[string]string{
		"guides/start.md": "---\ntitle: Start\n---\n" +
			"Read [the setup]({{< ref \"setup\" >}}#step-two) and [more]({{< relref \"setup.md\" >}}#step-two).\n\n" + // 4
			"Or [this](<{{< ref \"setup\" >}}#step-two>) and [that]({{< ref \"setup\" >}}#nope).\n\n" + // 6
			"[Old]({{< ref \"setup#gone\" >}}), {{< ref \"setup#gone\" >}}.\n", // 8
		"guides/setup.md": "---\ntitle: Setup\n---\n## Step two\n\nDo it.\n",
	})
	html := string(article(t, lib, "guides/start.md").HTML)
	for _, w := range []string{
		`<a href="/guides/setup#step-two">the setup</a>`,
		`<a href="/guides/setup#step-two">this</a>`,
		`<a href="/guides/setup#step-two">more</a>`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %s in\n%s", w, html)
		}
	}
	if strings.Contains(html, "](") || strings.Contains(html, "#step-two)") {
		t.Errorf("Markdown shown as written:\n%s", html)
	}
	var broken []string
	for _, p := range lib.Problems {
		if p.Kind == site.KindBrokenLink {
			broken = append(broken, p.String())
		}
	}
	if want := []string{
		`guides/start.md:6:54: error: broken link "setup#nope": guides/setup.md has no heading #nope`,
		`guides/start.md:8:7: error: broken link "setup#gone": guides/setup.md has no heading #gone`,
		`guides/start.md:8:34: error: broken link "setup#gone": guides/setup.md has no heading #gone`,
	}; !reflect.DeepEqual(broken, want) {
		t.Errorf("broken links\n%s\nwant\n%s", strings.Join(broken, "\n"), strings.Join(want, "\n"))
	}
}

// TestHugoRefToUnpublishedArticle: a ref to a file that exists but did not
// load says so, as a relative link does, rather than "no article at" the
// file the writer sees in the folder (the error it had computed was
// dropped).
func TestHugoRefToUnpublishedArticle(t *testing.T) {
	lib := load(t, map[string]string{
		"guides/start.md": "---\ntitle: Start\n---\nRead [the setup]({{< ref \"setup\" >}}).\n",
		"guides/setup.md": "---\ntitle: Setup: step one\n---\nDo it.\n",
		"guides/other.md": "---\ntitle: Other\n---\nSee {{< ref \"missing\" >}}.\n",
	})
	var ref, missing string
	for _, p := range lib.Problems {
		switch p.File {
		case "guides/start.md":
			ref = p.Message
		case "guides/other.md":
			missing = p.Message
		}
	}
	if want := `broken link {{< ref "setup" >}}: guides/setup.md is not a published article (see its own errors)`; ref != want {
		t.Errorf("ref to a file that did not load: %q, want %q", ref, want)
	}
	if !strings.Contains(missing, "no article at missing.md") {
		t.Errorf("ref to no file: %q", missing)
	}
}

// TestRootSlugInACategory: a Docusaurus doc with `slug: /` inside a
// category is published where its folder puts it, with a warning at its
// slug line saying so (it was silent).
func TestRootSlugInACategory(t *testing.T) {
	lib := load(t, map[string]string{
		"getting-started/intro.md": "---\ntitle: Welcome\nslug: /\n---\nStart here.\n",
	})
	a := article(t, lib, "getting-started/intro.md")
	if len(lib.Problems) != 1 || lib.Problems[0].Line != 3 || lib.Problems[0].Field != "slug" || !strings.Contains(lib.Problems[0].Message, a.URL) {
		t.Errorf("problems %v, want one warning at line 3 naming %s", lib.Problems, a.URL)
	}
}

// TestMkDocsAdmonitionAsText: "!!! note" right after text, or under a list
// item without its indent, stays text (as in MkDocs); check says so at
// its line (it was silent). Admonitions that open a block and "!!!" in
// prose are not flagged.
func TestMkDocsAdmonitionAsText(t *testing.T) {
	lib := load(t, map[string]string{
		"a/steps.md": "---\ntitle: Steps\n---\n1. Open the app.\n    !!! note\n        Keep it updated.\n2. Tap Sync.\n\nSome text\n???+ warning \"Careful\"\n    Not a block.\n",
		"a/fine.md":  "---\ntitle: Fine\n---\nWow!!! That works.\n\n!!! tip\n    A block.\n\n`!!! note` is how MkDocs writes it.\n",
	})
	for _, w := range []want{
		{site.SeverityWarning, "a/steps.md", 5, "", `"!!! note" is shown as text: an admonition needs a blank line before it`},
		{site.SeverityWarning, "a/steps.md", 10, "", `"???+ warning" is shown as text`},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no %+v in %v", w, lib.Problems)
		}
	}
	for _, p := range lib.Problems {
		if p.File == "a/fine.md" {
			t.Errorf("flagged: %v", p)
		}
	}
}

// TestFractionalWeights: a fractional weight, as Docusaurus allows, is
// read as the nearest whole number with a warning, in an article's front
// matter (weight, sidebar_position) as in a _category_ file: one rule.
func TestFractionalWeights(t *testing.T) {
	lib := load(t, map[string]string{
		"guides/a.md":            "---\ntitle: A\nsidebar_position: 1.5\n---\nA.\n",
		"guides/b.md":            "---\ntitle: B\nweight: 2.4\n---\nB.\n",
		"guides/_category_.json": `{"label": "Guides", "position": 3.5}`,
	})
	if a, b := article(t, lib, "guides/a.md"), article(t, lib, "guides/b.md"); a.Weight != 2 || b.Weight != 2 {
		t.Errorf("weights %d and %d, want 2 and 2", a.Weight, b.Weight)
	}
	for _, c := range lib.Categories {
		if c.ID == "guides" && c.Weight != 4 {
			t.Errorf("category weight %d, want 4", c.Weight)
		}
	}
	n := 0
	for _, p := range lib.Problems {
		if p.Severity != site.SeverityWarning || !strings.Contains(p.Message, "is read as") {
			t.Errorf("problem %s", p)
		}
		n++
	}
	if n != 3 {
		t.Errorf("%d warnings, want 3: %v", n, lib.Problems)
	}
}

// TestMkDocsTOCAndBlockAttributes: MkDocs' `[TOC]` marker and an attribute
// list on the last line of a paragraph (`{: .lead}`) were shown as
// written, with no word from check; they are left out, the text kept.
func TestMkDocsTOCAndBlockAttributes(t *testing.T) {
	lib := load(t, map[string]string{
		"guides/tags.md": "# Tags\n\n[TOC]\n\nRead more in [templates](tags.md).\n{: .lead}\n\nAlone.\n\n{: #alone }\n\n" +
			"Kept {: .x} inline, and `[TOC]` in code.\n\n- item\n  { .md-button }\n",
	})
	html := string(article(t, lib, "guides/tags.md").HTML)
	for _, bad := range []string{"[TOC]</p>", "{: .lead}", "{: #alone }", "{ .md-button }"} {
		if strings.Contains(html, bad) {
			t.Errorf("%q shown in\n%s", bad, html)
		}
	}
	for _, w := range []string{`Read more in <a href="/guides/tags">templates</a>.</p>`, "<p>Alone.</p>", "Kept {: .x} inline", "<code>[TOC]</code>", "item"} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %q in\n%s", w, html)
		}
	}
}

// TestMkDocsSectionIndexIsReported: a section's index.md beside other
// pages (MkDocs' navigation.indexes) is an article of the folder, not its
// page; check says so and how to make it the category's page. A page
// bundle (index.md alone with its pictures) and an _index.md beside it
// raise nothing.
func TestMkDocsSectionIndexIsReported(t *testing.T) {
	lib := load(t, map[string]string{
		"guides/index.md":       "# Guides\n\nAll guides.\n",
		"guides/tags.md":        "# Tags\n",
		"setup/bundle/index.md": "# Bundle\n",
		"setup/other.md":        "# Other\n",
		"billing/index.md":      "# Billing home\n",
		"billing/_index.md":     "---\ntitle: Billing\n---\n",
		"billing/refund.md":     "# Refund\n",
	})
	w := want{site.SeverityWarning, "guides/index.md", 0, "", "rename it _index.md"}
	if !findProblem(lib, w) {
		t.Errorf("no problem %+v in %v", w, lib.Problems)
	}
	for _, p := range lib.Problems {
		if (p.File == "setup/bundle/index.md" || p.File == "billing/index.md") && strings.Contains(p.Message, "_index.md") {
			t.Errorf("unexpected %v", p)
		}
	}
}

// TestMkDocsHeadingAttributes: a heading's attribute list written as
// MkDocs' attr_list writes it, with a colon (`## Install {: #setup }`),
// was shown in the heading and its id lost (a newcomer, rv20h); it is the
// heading's id and class, as `{#setup}` is. In text, and in code, it
// stays as written.
func TestMkDocsHeadingAttributes(t *testing.T) {
	lib := load(t, map[string]string{
		"guides/setup.md": "---\ntitle: Setup\n---\n## Install the app {: #setup .lead }\n\nText {: #not-a-heading}.\n\n```\n## code {: #x}\n```\n\n### Then {:#then}\n",
	})
	html := string(article(t, lib, "guides/setup.md").HTML)
	for _, w := range []string{`id="setup"`, `Install the app</h2>`, `id="then"`, "Text {: #not-a-heading}.", "## code {: #x}"} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %q in\n%s", w, html)
		}
	}
	if strings.Contains(html, "{: #setup") {
		t.Errorf("attribute list shown in\n%s", html)
	}
}

// TestHugoRelativeAliases: Hugo reads an alias without a leading slash
// relative to its page ("old-draw" in campos/draw.md answers at
// /campos/old-draw, "../legacy" at /legacy), with the page's language;
// it answered at the site's root (/old-draw), and the old address gave
// 404 (rv21e). One with a slash is the site's, as it was.
func TestHugoRelativeAliases(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":      "default_locale: en\nlocales: [en, es]\n",
		"campos/draw.md":    "+++\ntitle = \"Draw a field\"\naliases = [\"old-draw\", \"../legacy\", \"/root-old\", \"sub/older?x=1\"]\n+++\nDraw it.\n",
		"campos/draw.es.md": "+++\ntitle = \"Dibujar un campo\"\naliases = [\"dibujo-viejo\", \"../../../raiz\"]\n+++\nDibújalo.\n",
		"campos/_index.md":  "---\ntitle: Campos\n---\n",
	})
	for _, c := range []struct{ file, want string }{
		{"campos/draw.md", "/campos/old-draw /legacy /root-old /campos/sub/older?x=1"},
		{"campos/draw.es.md", "/es/campos/dibujo-viejo /es/raiz"},
	} {
		if got := strings.Join(article(t, lib, c.file).Aliases, " "); got != c.want {
			t.Errorf("%s: aliases %q, want %q", c.file, got, c.want)
		}
	}
}

// TestCodeBlockTitles: a code block's title, as Docusaurus ("```js
// title="src/app.js"") and MkDocs ("``` py title="setup.py"", "``` {
// .python title="x.py" }") write it, is shown above the code; it was
// dropped without a word (rv21e). The language of an MkDocs attribute
// list is its class.
func TestCodeBlockTitles(t *testing.T) {
	lib := load(t, map[string]string{
		"a/code.md": "---\ntitle: Code\n---\n" +
			"```js title=\"src/app.js\" showLineNumbers\nlet a = 1;\n```\n\n" +
			"``` py title='setup.py' linenums=\"1\"\nimport os\n```\n\n" +
			"``` { .python title=\"x <b>.py\" }\nprint(1)\n```\n\n" +
			"```sh\necho plain\n```\n",
	})
	h := string(article(t, lib, "a/code.md").HTML)
	for _, want := range []string{
		`<figure class="code"><figcaption>src/app.js</figcaption>`,
		`<figure class="code"><figcaption>setup.py</figcaption>`,
		`<figure class="code"><figcaption>x &lt;b&gt;.py</figcaption>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %s in\n%s", want, h)
		}
	}
	if strings.Count(h, "<figure") != 3 || strings.Contains(h, "title=") {
		t.Errorf("three titled blocks, no info string left:\n%s", h)
	}
	if !strings.Contains(h, `print`) || strings.Count(h, "chroma") < 4 {
		t.Errorf("every block highlighted, the attribute list's by its class:\n%s", h)
	}
}

// TestSidebarPositionZero: Docusaurus lists a doc with `sidebar_position:
// 0` first; Guichet reads weight 0 as none and lists it after every
// positioned page, and check said nothing (the overview of a category
// ended up last), nor for a _category_.json "position": 0. It now warns
// at the line, naming the field as written;
// the 1.5 warning named `weight` where the file says sidebar_position
// (rv21k).
func TestSidebarPositionZero(t *testing.T) {
	lib := load(t, map[string]string{
		"backup/overview.md":     "---\ntitle: Overview\nsidebar_position: 0\n---\nA.\n",
		"backup/first.md":        "---\ntitle: First\nsidebar_position: 1.5\n---\nB.\n",
		"backup/plain.md":        "---\ntitle: Plain\nweight: 0\n---\nC.\n",
		"backup/_category_.json": `{"label": "Backups", "position": 0}`,
	})
	for _, w := range []want{
		{site.SeverityWarning, "backup/overview.md", 3, "", "sidebar_position 0 is read as no position"},
		{site.SeverityWarning, "backup/first.md", 3, "", "sidebar_position 1.5 is read as 2"},
		{site.SeverityWarning, "backup/_category_.json", 0, "position", "position 0 is read as no position"},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
	if a := article(t, lib, "backup/overview.md"); a.Weight != 0 {
		t.Errorf("weight %d, want 0", a.Weight)
	}
	if len(lib.Problems) != 3 {
		t.Errorf("%d problems, want 3 (weight: 0 is Hugo's none): %v", len(lib.Problems), lib.Problems)
	}
}

// TestTablePipeInCode: a pipe inside inline code in a table cell, as
// MkDocs Material writers write operators and options (`a|b`), split the
// cell in two and showed stray backticks; it stays in its cell, as MkDocs
// shows it, escaped (`\|`) or not, and the other cells keep their place.
func TestTablePipeInCode(t *testing.T) {
	lib := load(t, map[string]string{
		"guides/ops.md": "---\ntitle: Operators\n---\nThe operators:\n| Operator | Meaning | Example |\n|:--|---|--:|\n" +
			"| `a|b` | either | `x || y` |\n| `c\\|d` | escaped | ``e|`f`` |\n| x \\| y | text | `` |\n| `g` | one | two | three |\n\n" +
			"| Plain | Table |\n|---|---|\n| `h` | i |\n",
	})
	a := article(t, lib, "guides/ops.md")
	html := string(a.HTML)
	for _, w := range []string{
		"<p>The operators:</p>",
		"<td class=\"align-left\"><code>a|b</code></td>\n<td>either</td>\n<td class=\"align-right\"><code>x || y</code></td>",
		"<td class=\"align-left\"><code>c|d</code></td>\n<td>escaped</td>\n<td class=\"align-right\"><code>e|`f</code></td>",
		"<td class=\"align-left\">x | y</td>\n<td>text</td>\n<td class=\"align-right\">``</td>",
		"<td class=\"align-left\"><code>g</code></td>\n<td>one</td>\n<td class=\"align-right\">two</td>\n</tr>",
		"<td><code>h</code></td>\n<td>i</td>",
	} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %q in\n%s", w, html)
		}
	}
	if strings.Contains(html, "\\|") || strings.Contains(html, "<td>b`") {
		t.Errorf("pipe split or escape shown:\n%s", html)
	}
	if !strings.Contains(a.Text, "a|b") || strings.Contains(a.Text, `c\|d`) {
		t.Errorf("search text %q", a.Text)
	}
}

// TestMkDocsTitleFromHeading: an MkDocs page has no front matter and takes
// its title from its first heading, as MkDocs (and GitHub) do: it loads
// titled so without a warning, where every page of an MkDocs site had
// one. A file with front matter but no `title` keeps the warning (the
// field may have been forgotten); one with neither is an error.
func TestMkDocsTitleFromHeading(t *testing.T) {
	lib := load(t, map[string]string{
		"guides/install.md": "# Install the CLI\n\nRun it.\n",
		"guides/tags.md":    "Some intro.\n\n# Tags\n\nText.\n",
		"guides/typo.md":    "---\ndescription: Forgot the title.\n---\n# Typo\n\nText.\n",
		"guides/none.md":    "Just text.\n",
	})
	if a := article(t, lib, "guides/install.md"); a.Title != "Install the CLI" {
		t.Errorf("title %q", a.Title)
	}
	if a := article(t, lib, "guides/tags.md"); a.Title != "Tags" {
		t.Errorf("title %q", a.Title)
	}
	if !findProblem(lib, want{site.SeverityWarning, "guides/typo.md", 1, "title", "no `title`: the first heading, \"Typo\", is the title"}) {
		t.Errorf("no warning for front matter without title: %v", lib.Problems)
	}
	if !findProblem(lib, want{site.SeverityError, "guides/none.md", 1, "title", "missing required field `title`"}) {
		t.Errorf("no error for a page without title: %v", lib.Problems)
	}
	for _, p := range lib.Problems {
		if p.File == "guides/install.md" || p.File == "guides/tags.md" {
			t.Errorf("reported: %v", p)
		}
	}
}

// TestDocusaurusTitleFromHeading: a Docusaurus page whose front matter
// leaves `title` out (sidebar_position, sidebar_label, or any .mdx page)
// takes its first heading as title without a warning, as Docusaurus does
// and as an MkDocs page without front matter does; front matter with
// Guichet's fields alone keeps the warning, where `title` may have been
// forgotten. Every such Docusaurus page was warned about.
func TestDocusaurusTitleFromHeading(t *testing.T) {
	lib := load(t, map[string]string{
		"docs/position.md": "---\nsidebar_position: 2\n---\n# Sync your devices\n\nText.\n",
		"docs/label.md":    "---\nsidebar_label: Export\ndescription: Get your data out.\n---\n# Export your data\n\nText.\n",
		"docs/page.mdx":    "---\ndescription: Plans compared.\n---\n# Compare plans\n\nText.\n",
		"docs/typo.md":     "---\ndescription: Forgot the title.\n---\n# Typo\n\nText.\n",
	})
	for file, title := range map[string]string{"docs/position.md": "Sync your devices", "docs/label.md": "Export your data", "docs/page.mdx": "Compare plans"} {
		if a := article(t, lib, file); a.Title != title {
			t.Errorf("%s: title %q, want %q", file, a.Title, title)
		}
		for _, p := range lib.Problems {
			if p.File == file && p.Field == "title" {
				t.Errorf("reported: %v", p)
			}
		}
	}
	if !findProblem(lib, want{site.SeverityWarning, "docs/typo.md", 1, "title", "no `title`: the first heading, \"Typo\", is the title"}) {
		t.Errorf("no warning for front matter without title: %v", lib.Problems)
	}
}

// TestTitleFromHeadingIsPlainText: a title taken from a page's first
// heading (Docusaurus, MkDocs, a README) is the text a reader sees of it,
// as a description's is: "# Use the `ferro` CLI with **care**" titled the
// page, its <title>, the search results and the APIs with the backticks
// and asterisks as typed.
func TestTitleFromHeadingIsPlainText(t *testing.T) {
	lib := load(t, map[string]string{
		"docs/cli.mdx":  "---\nsidebar_position: 3\n---\n# Use the `ferro` CLI with **care** & [links](https://x.example)\n\nText.\n",
		"docs/emoji.md": "---\nsidebar_label: Go\n---\n# :rocket: Get _started_\n\nText.\n",
	})
	for file, title := range map[string]string{"docs/cli.mdx": "Use the ferro CLI with care & links", "docs/emoji.md": "🚀 Get started"} {
		if a := article(t, lib, file); a.Title != title {
			t.Errorf("%s: title %q, want %q", file, a.Title, title)
		}
	}
}

// TestTitleFromHeadingLeavesHTMLOut: a title taken from a heading written
// with raw HTML (`# Buy <em>now</em>`) is the text a reader sees, the
// tags left out as markup, with or without allow_html; the tags showed as
// text in the page's title, its <title>, search results and the APIs.
func TestTitleFromHeadingLeavesHTMLOut(t *testing.T) {
	files := map[string]string{
		"docs/buy.md":   "# Buy <em>now</em> &amp; <span class=\"x\">save</span>\n\nText.\n",
		"docs/plan.mdx": "---\nsidebar_position: 1\n---\n# Pick a <abbr title=\"plan\">plan</abbr>\n\nText.\n",
		"docs/less.md":  "# Values < 5 and 2 > 1\n\nText.\n",
		"docs/code.md":  "# The `<div>` tag\n\nText.\n",
	}
	for _, allow := range []string{"false", "true"} {
		fs := maps.Clone(files)
		fs["guichet.yaml"] = "title: Help\nallow_html: " + allow + "\n"
		lib := load(t, fs)
		for file, title := range map[string]string{"docs/buy.md": "Buy now & save", "docs/plan.mdx": "Pick a plan",
			"docs/less.md": "Values < 5 and 2 > 1", "docs/code.md": "The <div> tag"} {
			a := article(t, lib, file)
			if a.Title != title {
				t.Errorf("allow_html %s: %s: title %q, want %q", allow, file, a.Title, title)
			}
			if strings.Contains(string(a.HTML), "<h1") {
				t.Errorf("allow_html %s: %s: the title heading is shown twice:\n%s", allow, file, a.HTML)
			}
		}
	}
}

// TestDocFXTabs: DocFX's tabbed sections (`# [Windows](#tab/windows)`
// headings, the group closed by `---`) were shown as headings linking to
// #tab/windows, which is no place of the page, and the `---` as a rule;
// they are tabs labelled by the link's text, each holding what follows its
// heading up to the next heading of its level or above, or the `---`.
func TestDocFXTabs(t *testing.T) {
	lib := load(t, map[string]string{
		"office/license.md": "---\ntitle: License\n---\nIntro.\n\n## Check the license\n\n# [Windows](#tab/windows)\n\nOpen **Settings**.\n\n### Step two\n\nMore.\n\n" +
			"# [macOS](#tab/mac)\n\nOpen the app.\n\n---\n\nAfter the tabs.\n\n## Next\n\n#### [64-bit](#tab/64)\n\nA text.\n\n#### [32-bit](#tab/32)\n\nB text.\n\n## Last\n\nEnd.\n",
	})
	a := article(t, lib, "office/license.md")
	html := string(a.HTML)
	for _, w := range []string{
		"<h2 id=\"check-the-license\">Check the license</h2>\n<div class=\"tabs\">\n<details class=\"tab\" open=\"\"><summary>Windows</summary>\n<p>Open <strong>Settings</strong>.</p>\n<h3 id=\"step-two\">Step two</h3>\n<p>More.</p>\n</details>\n<details class=\"tab\"><summary>macOS</summary>\n<p>Open the app.</p>\n</details>\n</div>\n<p>After the tabs.</p>",
		"<h2 id=\"next\">Next</h2>\n<div class=\"tabs\">\n<details class=\"tab\" open=\"\"><summary>64-bit</summary>\n<p>A text.</p>\n</details>\n<details class=\"tab\"><summary>32-bit</summary>\n<p>B text.</p>\n</details>\n</div>\n<h2 id=\"last\">Last</h2>",
	} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %q in\n%s", w, html)
		}
	}
	if strings.Contains(html, "#tab/") || strings.Contains(html, "<hr") {
		t.Errorf("tab syntax shown:\n%s", html)
	}
	for _, h := range a.TOC {
		if h.Text == "Windows" || h.Text == "64-bit" {
			t.Errorf("tab %q in the table of contents", h.Text)
		}
	}
	if len(lib.Problems) != 0 {
		t.Errorf("problems: %v", lib.Problems)
	}
}

// TestDocusaurusNavigationFieldsAccepted: the Docusaurus fields that only
// label or style a page in a sidebar (sidebar_label, sidebar_class_name,
// sidebar_custom_props, displayed_sidebar, pagination_label) are
// understood and not used, without a warning: Guichet has no short label.
// Every Docusaurus page with a sidebar_label was warned about as having
// an unknown field.
func TestDocusaurusNavigationFieldsAccepted(t *testing.T) {
	lib := load(t, map[string]string{
		"docs/export.md": "---\ntitle: Export your data\nsidebar_label: Export\nsidebar_class_name: green\n" +
			"sidebar_custom_props:\n  badge: new\ndisplayed_sidebar: docs\npagination_label: Exporting\n---\nText.\n",
	})
	for _, p := range lib.Problems {
		if p.File == "docs/export.md" {
			t.Errorf("reported: %s", p.String())
		}
	}
	if a := article(t, lib, "docs/export.md"); a.Title != "Export your data" || a.Extra["sidebar_label"] != "Export" {
		t.Errorf("title %q, extra %v", a.Title, a.Extra)
	}
}

// TestTitleFromHeadingReadsAsABrowserShowsIt: a title taken from a heading
// written with raw HTML is what a browser shows of it: a script's or a
// style's content is no text ("# <script>track()</script> Setup" was
// titled "track() Setup"), and a tag between words leaves one space
// ("# Title <br> broken" was "Title  broken" in <title>, search results
// and the APIs).
func TestTitleFromHeadingReadsAsABrowserShowsIt(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":     "title: Help\n",
		"docs/script.md":   "# <script>track()</script> Setup\n\nText.\n",
		"docs/style.md":    "# <STYLE>.x{color:red}</STYLE>Pick a plan\n\nText.\n",
		"docs/br.md":       "# Title <br> broken\n\nText.\n",
		"docs/span.md":     "# Buy  <span> now </span>  today\n\nText.\n",
		"docs/codespan.md": "# The `<script>` tag\n\nText.\n",
	})
	for file, title := range map[string]string{"docs/script.md": "Setup", "docs/style.md": "Pick a plan",
		"docs/br.md": "Title broken", "docs/span.md": "Buy now today", "docs/codespan.md": "The <script> tag"} {
		if a := article(t, lib, file); a.Title != title {
			t.Errorf("%s: title %q, want %q", file, a.Title, title)
		}
	}
}

// TestTitleFromHeadingOfNoText: an article without `title` whose first
// heading shows no text ("# <img src=logo.png>", "# <em></em>") is an
// error naming that heading: it said "no # heading to take it from", as
// if the file had none, and the writer looked for a missing heading. The
// error is at the heading's line, not at the file's first.
func TestTitleFromHeadingOfNoText(t *testing.T) {
	lib, err := Load(context.Background(), mapFS(map[string]string{
		"guichet.yaml":  "title: Help\n",
		"docs/logo.md":  "---\nsidebar_label: Logo\n---\n\n```\n# not this\n```\n# <img src=\"logo.png\">\n\nText.\n",
		"docs/plain.md": "---\nsidebar_label: Plain\n---\nText only.\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"docs/logo.md":  "docs/logo.md:8: error: missing required field `title`, and the first heading, `# <img src=\"logo.png\">`, has no text a reader sees to take it from: add `title:` to the front matter, or words to the heading (the article is not published until this is fixed)",
		"docs/plain.md": "docs/plain.md:1: error: missing required field `title` (and no # heading to take it from) (the article is not published until this is fixed)",
	}
	for _, p := range lib.Problems {
		if w, ok := want[p.File]; ok && p.Field == "title" {
			if p.String() != w {
				t.Errorf("got  %s\nwant %s", p.String(), w)
			}
			delete(want, p.File)
		}
	}
	for f := range want {
		t.Errorf("%s: no title error", f)
	}
}
