package content

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestHTMLLeftOut: with allow_html off, a collapsible section written in
// HTML (<details><summary>, as GitHub and Docusaurus pages write it) keeps
// its title and its Markdown; other raw HTML is left out with a warning at
// its line saying how to write it in Markdown (it was dropped silently,
// pictures and summaries included). With allow_html on, neither happens.
func TestHTMLLeftOut(t *testing.T) {
	src := "Press <kbd>Ctrl</kbd> and <kbd>C</kbd>.\n\n" + // 1
		"<img src=\"pic.png\" alt=\"A picture\">\n\n" + // 3
		"<details>\n<summary>Limits <b>per</b> country &amp; region</summary>\n\nSome countries cap **cards**.\n\n</details>\n\n" + // 5-10
		"<details open=\"\"><summary>Other</summary>\nInline *body*.\n\n<details>\n\nNested.\n\n</details>\n</details>\n\n" + // 12-20
		"<!-- a comment for writers -->\n\n" + // 22
		"Text <!-- inline comment --> and a<br>line <font color=red>red</font>.\n\n" + // 24
		"| Step | Notes |\n|---|---|\n| 1 | One<br/>Two<BR />three |\n" // 26-28
	tests := []struct {
		name      string
		allowHTML bool
		html      []string
		absent    []string
		problems  []string
	}{
		{
			name: "allow_html off",
			html: []string{
				"<details><summary>Limits per country &amp; region</summary>\n<p>Some countries cap <strong>cards</strong>.</p>\n</details>",
				"<p>Text  and a<br>\nline red.</p>",
				"<td>One<br>\nTwo<br>\nthree</td>",
				"<details open=\"\"><summary>Other</summary>\n<p>Inline <em>body</em>.</p>\n<details><summary>Details</summary>\n<p>Nested.</p>\n</details>\n</details>",
			},
			absent: []string{"<img", "<kbd>", "comment", "<font"},
			problems: []string{
				"x.md:1:7: warning: raw HTML <kbd> tags are left out of the page, the text between them kept (allow_html is off): write keys as ++ctrl+c++, or set allow_html: true in guichet.yaml",
				"x.md:3:1: warning: raw HTML <img> is left out of the page (allow_html is off): write the picture as ![alt text](file.png), or set allow_html: true in guichet.yaml",
				"x.md:24:44: warning: raw HTML <font> tags are left out of the page, the text between them kept (allow_html is off): write its text without the tags, or set allow_html: true in guichet.yaml",
			},
		},
		{
			name:      "allow_html on",
			allowHTML: true,
			html:      []string{"<kbd>Ctrl</kbd>", `<img src="pic.png" alt="A picture">`, "<summary>Limits <b>per</b> country &amp; region</summary>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := NewRenderer(RenderOptions{AllowHTML: tt.allowHTML}).Render(Input{Source: []byte(src), Locale: "en", File: "x.md", FirstLine: 1})
			if err != nil {
				t.Fatal(err)
			}
			got := string(out.HTML)
			for _, w := range tt.html {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, w := range tt.absent {
				if strings.Contains(got, w) {
					t.Errorf("%q shown in\n%s", w, got)
				}
			}
			var probs []string
			for _, p := range out.Problems {
				if p.Kind == site.KindSyntax {
					probs = append(probs, p.String())
				}
			}
			if strings.Join(probs, "\n") != strings.Join(tt.problems, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(probs, "\n"), strings.Join(tt.problems, "\n"))
			}
		})
	}
}

// TestHTMLBlockTextKept: with allow_html off, the text an HTML block holds
// is kept, read as Markdown, and its tags left out with a warning: a
// component and its text written without blank lines, or a one-line
// <div>, lost their text (a newcomer, rv19e). Code, media, forms and
// tables keep theirs out, and so do comments.
func TestHTMLBlockTextKept(t *testing.T) {
	src := "<Card title=\"Hi\">\nInside **card**.\n</Card>\n\n" + // 1-3
		"<div class=\"custom-note\">Some sites block autofill.</div>\n\n" + // 5
		"<div align=\"center\">\n  <img src=\"logo.png\">\n</div>\n\n" + // 7-9
		"<script>\nalert(1)\n</script>\n\n" + // 11-13
		"<table>\n<tr><td>Plan</td><td>Price</td></tr>\n</table>\n\n" + // 15-17
		"<!--\nhidden note\n-->\n\n" + // 19-21
		"<section>\nSee [the install guide](https://example.com/install) and <b>restart</b>.\n</section>\n\n" + // 23-25
		// Text beside such an element in a block is kept, the element
		// left out: the whole block's text was (a newcomer, rv19m).
		"<div>\nLine one <script>alert(2)</script> after script.\n</div>\n\n" + // 27-29
		"<div>Before <table><tr><td>Cell</td></tr></table> after table.</div>\n\n" + // 31
		"<div>\nIntro <video src=\"v.mp4\">\nfallback\n</div>\n" // 33-36
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(src), Locale: "en", File: "x.md", FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := string(out.HTML)
	for _, w := range []string{
		"<p>Inside <strong>card</strong>.</p>",
		"<p>Some sites block autofill.</p>",
		`<a href="https://example.com/install"`, "and restart.</p>",
		"<p>Line one  after script.</p>", "<p>Before  after table.</p>", "<p>Intro</p>",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	for _, w := range []string{"<Card", "<div", "<img", "alert", "Plan", "hidden note", "<section", "<b>", "Cell", "fallback"} {
		if strings.Contains(got, w) {
			t.Errorf("%q in\n%s", w, got)
		}
	}
	var problems []string
	for _, p := range out.Problems {
		problems = append(problems, p.String())
	}
	if want := "x.md:1:1: warning: raw HTML <Card> tags are left out of the page, the text between them kept"; !strings.Contains(strings.Join(problems, "\n"), want) {
		t.Errorf("problems %q, want one starting %q", problems, want)
	}
}

// TestInlineHTMLNoText: with allow_html off, an element whose text is no
// prose written inside a paragraph (a one-line <audio>, <video>,
// <select>, an inline <script> or <style>) showed its text once its tags
// were left out: script source and CSS on the page and in search.
func TestInlineHTMLNoText(t *testing.T) {
	src := "<audio src=\"a.mp3\" controls>AUDIOTEXT</audio>\n\n" +
		"<video src=\"c.mp4\" controls>Video <b>VIDEOTEXT</b></video> after.\n\n" +
		"Inline <span>red</span> and <script>track(\"x\")</script> and <style>.STYLE{}</style> end.\n\n" +
		"<select><option>OPTIONTEXT</option></select> Choose <button>Save</button>.\n\n" +
		"Open <script>never closed here.\n"
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(src), Locale: "de", File: "x.md", FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := string(out.HTML)
	for _, w := range []string{"AUDIOTEXT", "VIDEOTEXT", "track", "STYLE", "OPTIONTEXT"} {
		if strings.Contains(got, w) || strings.Contains(out.Text, w) {
			t.Errorf("%q shown in\n%s", w, got)
		}
	}
	if strings.Contains(got, "<p></p>") {
		t.Errorf("empty paragraph in\n%s", got)
	}
	for _, w := range []string{"after.", "Inline red and  and  end.", "Choose Save.", "never closed here."} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
}

// TestHTMLBlockWordsApart: the text of an HTML block kept without its tags
// ran list items and paragraphs together ("oneTwo").
func TestHTMLBlockWordsApart(t *testing.T) {
	src := "<ul><li>Point one</li><li>Point two</li></ul>\n\n<div><p>First.</p><p>Second <b>bold</b>ly.</p></div>\n"
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(src), Locale: "de", File: "x.md", FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := string(out.HTML)
	for _, w := range []string{"<p>Point one Point two</p>", "<p>First. Second boldly.</p>"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
}

// TestHTMLWarningNamesWhatIsLost: a picture in a centred paragraph is
// warned about as a picture (the warning said "write its text" of the
// <p>), and each tag of a line is named, not only its first (a newcomer,
// rv19m).
func TestHTMLWarningNamesWhatIsLost(t *testing.T) {
	src := "<p align=\"center\">\n  <img src=\"a.png\" alt=\"A router\">\n</p>\n\n" + // 1-3
		"Inline <span>x</span> and <kbd>Ctrl</kbd> end.\n\n" + // 5
		"<div class=\"note\">Some text.</div>\n\n" + // 7
		"<table><tr><td>Plan</td></tr></table>\n\n" + // 9
		"<script>alert(1)</script>\n\n" + // 11
		"Play <video src=\"a.mp4\">a fallback</video> here.\n\n" + // 13
		"E = mc<sup>2</sup>\n" // 15
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(src), Locale: "en", File: "x.md", FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range out.Problems {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"x.md:1:1: warning: raw HTML <img> is left out of the page (allow_html is off): write the picture as ![alt text](file.png)",
		// The tags only are left out, their text kept (it said the
		// element was left out of the page); the text of a table, a
		// script, a video goes with its tags.
		"x.md:5:8: warning: raw HTML <span> tags are left out of the page, the text between them kept",
		"x.md:5:27: warning: raw HTML <kbd> tags are left out of the page, the text between them kept (allow_html is off): write keys as ++ctrl+c++",
		"x.md:7:1: warning: raw HTML <div> tags are left out of the page, the text between them kept (allow_html is off): write its text without the tags",
		"x.md:9:1: warning: raw HTML <table> is left out of the page with its text (allow_html is off): write a Markdown table",
		"x.md:11:1: warning: raw HTML <script> is left out of the page with its text",
		"x.md:13:6: warning: raw HTML <video> is left out of the page with its text",
		// Markdown has no superscript ("write it in Markdown" said).
		"x.md:15:7: warning: raw HTML <sup> tags are left out of the page, the text between them kept (allow_html is off): write the characters themselves (x², H₂O, 1ˢᵗ)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
	// What the warnings say is what the page does.
	page := string(out.HTML)
	for _, w := range []string{"Some text.", "x", "Ctrl", "Play"} {
		if !strings.Contains(page, w) {
			t.Errorf("%q left out of\n%s", w, page)
		}
	}
	for _, w := range []string{"Plan", "alert", "a fallback"} {
		if strings.Contains(page, w) {
			t.Errorf("%q kept in\n%s", w, page)
		}
	}
}

// TestHTMLBlockWarningNamesTheElementWhoseTextGoes: a block whose text is
// kept but for a style or a table's names that element as the one left
// out with its text; it named the block's first tag, "<em> is left out of
// the page with its text", where the page kept "emph" (a newcomer, rv20h).
func TestHTMLBlockWarningNamesTheElementWhoseTextGoes(t *testing.T) {
	src := "<p>Para <em>emph</em> text</p><style>.a{color:red}</style>\n"
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(src), Locale: "en", File: "x.md", FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range out.Problems {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	if want := "x.md:1:1: warning: raw HTML <style> is left out of the page with its text"; !strings.Contains(all, want) || strings.Contains(all, "<em> is left out of the page with its text") {
		t.Errorf("want %q, got\n%s", want, all)
	}
	if page := string(out.HTML); !strings.Contains(page, "emph") || strings.Contains(page, "color") {
		t.Errorf("page:\n%s", page)
	}
}

// TestInlineHTMLLists: with allow_html off, a list written in HTML inside
// a line, as Microsoft Docs write the lists of a table cell (a Markdown
// table cannot hold a Markdown list), shows each item on a line of its own
// after its bullet or number; the items ran together ("PowerPointThe
// cursor") under a warning to write a Markdown list, which a cell cannot
// hold. The tags are understood, not reported. With allow_html on, the
// list is the sanitised HTML list.
func TestInlineHTMLLists(t *testing.T) {
	src := "| Issue | Workaround |\n|---|---|\n" +
		"| Missing features | Not ported yet:<br/><br/><ul><li>The focus mode</li><li>The **laser** pointer</li></ul> |\n" + // 3
		"| Black screen | <ol><li>Select **More**.</li> <li>Restart.</li></ol>Then sign in. |\n" + // 4
		"| Nested | <ul><li>Outer<ul><li>Inner</li></ul></li><li>Last</li></ul> |\n\n" + // 5
		"Do this: <ul><li>One</li><li>Two</li></ul>\n" // 7
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(src), Locale: "en", File: "x.md", FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := string(out.HTML)
	for _, w := range []string{
		"<td>Not ported yet:<br>\n<br>\n• The focus mode<br>\n• The <strong>laser</strong> pointer</td>",
		"<td>1. Select <strong>More</strong>. <br>\n2. Restart.<br>\nThen sign in.</td>",
		"<td>• Outer<br>\n• Inner<br>\n• Last</td>",
		"<p>Do this: <br>\n• One<br>\n• Two</p>",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	for _, p := range out.Problems {
		if p.Kind == site.KindSyntax {
			t.Errorf("unexpected %v", p)
		}
	}
	if !strings.Contains(out.Text, "The focus mode • The laser pointer") {
		t.Errorf("the items run together in the searched text:\n%s", out.Text)
	}

	out, err = NewRenderer(RenderOptions{AllowHTML: true}).Render(Input{Source: []byte(src), Locale: "en", File: "x.md", FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out.HTML); !strings.Contains(got, "<ul><li>The focus mode</li><li>The <strong>laser</strong> pointer</li></ul>") {
		t.Errorf("allow_html on: the HTML list is not kept in\n%s", got)
	}
}

// TestHTMLAnchorsKept: with allow_html off, an HTML anchor that marks a
// place to link to (`<a id="summary"></a>` on a line of its own or in a
// sentence, `<a name="…">`), as Microsoft Docs write them, is kept as an
// empty anchor with that id (out of the theme's namespace), so "[Back to
// top](#summary)" and links from other articles lead there, and check
// neither warns about it nor calls those links broken. It was left out,
// with a warning to write the link in Markdown; links to it led nowhere.
func TestHTMLAnchorsKept(t *testing.T) {
	lib := load(t, map[string]string{
		"mail/faq.md": "# Site mailbox FAQ\n\n" +
			"<a id=\"summary\"></a>\n\n" + // 3
			"## Questions\n\n" +
			"Text <a name='step-2'></a>here and <a id=\"g-main\"></a>there.\n\n" + // 7
			"<a href=\"https://example.com\">a link</a>\n\n" + // 9
			"[Back to top](#summary)\n",
		"mail/other.md": "# Other\n\nSee [the summary](faq.md#summary), [step 2](faq.md#step-2) and [nothing](faq.md#nope).\n",
	})
	html := string(article(t, lib, "mail/faq.md").HTML)
	for _, w := range []string{`<a id="summary"></a>`, `Text <a id="step-2"></a>here`, `<a id="h-g-main"></a>there`, `<a href="#summary">Back to top</a>`} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %s in\n%s", w, html)
		}
	}
	if strings.Contains(html, "example.com") {
		t.Errorf("a link in raw HTML kept:\n%s", html)
	}
	var got []string
	for _, p := range lib.Problems {
		if p.Kind == site.KindSyntax || p.Kind == site.KindBrokenLink {
			got = append(got, p.String())
		}
	}
	want := []string{
		"mail/faq.md:9:1: warning: raw HTML <a> tags are left out of the page, the text between them kept (allow_html is off): write the link as [text](url), or set allow_html: true in guichet.yaml",
		`mail/other.md:3:74: error: broken link "faq.md#nope": mail/faq.md has no heading #nope`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestHTMLBreakOnItsOwnLine: a <br> on a line of its own between blocks,
// as writers add space, is shown, as GitHub shows it (it was left out with
// a warning to "write it in Markdown", which has no such thing); so is one
// with text right under it, before the text (it was left out, the text
// run on, with a warning to move it), a tag further in that text being
// what is reported; a picture after it is the element named.
func TestHTMLBreakOnItsOwnLine(t *testing.T) {
	src := "Para.\n\n<br>\n\nAfter.\n\n<BR />\n<br/>\n\n- item\n\n  <br>\n\n- two\n\n" + // 1-14
		"Before.\n\n<br>\nText right under it.\n\n" + // 16-19
		"<br>\n<img src=\"a.png\" alt=\"A router\">\n\n" + // 21-22
		"<br />\nPress\n<kbd>Ctrl</kbd> now.\n" // 24-26
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(src), Locale: "en", File: "x.md", FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	html := string(out.HTML)
	for _, w := range []string{"<p>Para.</p>\n<br>\n<p>After.</p>", "<br>\n<br>\n<ul>", "<p>item</p>\n<br>\n</li>",
		"<p>Before.</p>\n<br>\n<p>Text right under it.</p>", "<br>\n<p>Press\nCtrl now.</p>"} {
		if !strings.Contains(html, w) {
			t.Errorf("no %q in\n%s", w, html)
		}
	}
	var got []string
	for _, p := range out.Problems {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"x.md:26: warning: raw HTML <kbd> tags are left out of the page, the text between them kept",
		"x.md:22: warning: raw HTML <img> is left out of the page (allow_html is off): write the picture as ![alt text](file.png)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
	if len(got) != 2 {
		t.Errorf("%d problems, want 2:\n%s", len(got), all)
	}
}

// TestHTMLWrapperIDsKept: an HTML wrapper written with an id to link to
// (<div id="sectiona"> opening a collapsible section, as Microsoft Docs
// pages write their "Details" targets, a <div id> or <span id> alone) keeps
// its id as an empty anchor when raw HTML is left out, so "[Details](#x)"
// leads there and check finds no broken link; only the id is kept,
// escaped, never the element's other attributes, and an element that
// shows something (<img id>) is still reported as left out. The ids went
// with the tags and every link to them was broken.
func TestHTMLWrapperIDsKept(t *testing.T) {
	lib := load(t, map[string]string{
		"help/steps.md": "# Steps\n\n" +
			"Run it. [Details](#step-a), [more](#more), [here](#here).\n\n" + // 3
			"<div id=\"step-a\">\n<br>\n<details>\n<summary>Step A</summary>\n\nRemove the licences.\n\n</details>\n</div>\n\n" + // 5-13
			"<div id=\"more\" onclick=\"alert(1)\" style=\"color:red\"></div>\n\n" + // 15
			"Text <span id=\"here\" class=\"x\">right here</span>.\n\n" + // 17
			"<div id='odd\" onmouseover=\"alert(2)'></div>\n\n" + // 19
			"<img id=\"pic\" src=\"a.png\" alt=\"A router\">\n", // 21
	})
	html := string(article(t, lib, "help/steps.md").HTML)
	for _, w := range []string{
		`<a id="step-a"></a>`, `<summary>Step A</summary>`, `Remove the licences.`,
		`<a id="more"></a>`, `Text <a id="here"></a>right here.`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %s in\n%s", w, html)
		}
	}
	if strings.Count(html, `id="step-a"`) != 1 {
		t.Errorf("one anchor step-a wanted:\n%s", html)
	}
	for _, bad := range []string{"onclick", "onmouseover=\"", "color:red", `class="x"`, "<div", "<span"} {
		if strings.Contains(html, bad) {
			t.Errorf("%s kept:\n%s", bad, html)
		}
	}
	var got []string
	for _, p := range lib.Problems {
		if p.Kind == site.KindBrokenLink || strings.Contains(p.Message, "<div>") || strings.Contains(p.Message, "<span>") || strings.Contains(p.Message, "<img>") {
			got = append(got, p.String())
		}
	}
	want := []string{`help/steps.md:19:1: warning: the id "odd\" onmouseover=\"alert(2)" of <div> is left out of the page and links to it lead nowhere: an id is letters, digits, -, _, : and . without spaces or quotes; write id="odd-onmouseoveralert2" and link to #odd-onmouseoveralert2`,
		"help/steps.md:21:1: warning: raw HTML <img> is left out of the page (allow_html is off): write the picture as ![alt text](file.png), or set allow_html: true in guichet.yaml"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestHTMLIDNotKeptIsReported: an HTML id the page cannot keep (a space
// or a quote in it: `<div id="a b">`) is reported at its tag, with the id
// to write, whether raw HTML is left out (the wrapper's anchor) or
// rendered (the sanitizer drops the id); it was dropped without a word,
// and check reported only the broken link to it.
func TestHTMLIDNotKeptIsReported(t *testing.T) {
	for _, allow := range []string{"false", "true"} {
		lib := load(t, map[string]string{
			"guichet.yaml": "title: Help\nallow_html: " + allow + "\n",
			"help/steps.md": "---\ntitle: Steps\n---\n[Step A](#step%20a), [B](#b).\n\n" + // 4
				"<div id=\"step a\">\nRemove the licences.\n</div>\n\n" + // 6-8
				"Text <span id='b\"c'>here</span> and <a id=\"ok\"></a>.\n\n" + // 10
				"<div>\n  <p id=\"x y\">Deep.</p>\n</div>\n", // 12-14
		})
		var got []string
		for _, p := range lib.Problems {
			if strings.Contains(p.Message, "the id") {
				got = append(got, p.String())
			}
		}
		want := []string{
			`help/steps.md:6:1: warning: the id "step a" of <div> is left out of the page and links to it lead nowhere: an id is letters, digits, -, _, : and . without spaces or quotes; write id="step-a" and link to #step-a`,
			`help/steps.md:10:6: warning: the id "b\"c" of <span> is left out of the page and links to it lead nowhere: an id is letters, digits, -, _, : and . without spaces or quotes; write id="bc" and link to #bc`,
			`help/steps.md:13:3: warning: the id "x y" of <p> is left out of the page and links to it lead nowhere: an id is letters, digits, -, _, : and . without spaces or quotes; write id="x-y" and link to #x-y`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("allow_html %s: problems:\n%s\nwant:\n%s", allow, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
