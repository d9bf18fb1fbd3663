package content

import (
	"slices"
	"strings"
	"testing"
)

// TestSectionVerbatim checks that the plain text of a section says which
// of its lines are table cells or code, so that search snippets are taken
// from prose.
func TestSectionVerbatim(t *testing.T) {
	lib := load(t, map[string]string{
		"help/plans.md": "---\ntitle: Plans\n---\nPick a plan.\n\n## Compare\n\nEvery plan has support.\n\n" +
			"| Plan | SSO |\n|---|---|\n| Pro | ✓ |\n\n- One item\n- Two items\n\n```sh\ncurl -X POST https://api.test\n```\n\nThe end.\n",
	})
	a := article(t, lib, "help/plans.md")
	if len(a.Sections) != 2 {
		t.Fatalf("sections %+v", a.Sections)
	}
	if a.Sections[0].Verbatim != nil {
		t.Errorf("intro: verbatim %v, want none", a.Sections[0].Verbatim)
	}
	s := a.Sections[1]
	lines := strings.Split(s.Text, "\n")
	var verbatim []string
	for _, i := range s.Verbatim {
		verbatim = append(verbatim, lines[i])
	}
	want := []string{"Plan", "SSO", "Pro", "✓", "curl -X POST https://api.test"}
	if !slices.Equal(verbatim, want) {
		t.Errorf("verbatim lines %q, want %q (text %q)", verbatim, want, s.Text)
	}
	for i, l := range lines {
		if _, v := slices.BinarySearch(s.Verbatim, i); !v && !slices.Contains([]string{"Every plan has support.", "One item", "Two items", "The end."}, l) {
			t.Errorf("line %d %q counted as prose", i, l)
		}
	}
}

// TestTitlesAreText: what the writer wrote as a callout's title, a
// collapsible section's summary, a tab's label or a figure's caption is
// text of the article, so search finds it ("F12", "iPhone", "Does the vet
// pay"); the words Guichet gives an untitled one ("Tip", "Details", "Tab")
// are not.
func TestTitlesAreText(t *testing.T) {
	lib := load(t, map[string]string{
		"help/a.md": "---\ntitle: A\n---\nIntro.\n\n" +
			"> [!WARNING] Antibiotics first\n> Body one.\n\n" +
			":::tip[Faster setup]\nBody two.\n:::\n\n" +
			"!!! note \"GPS accuracy\"\n    Body three.\n\n" +
			"???+ info \"Error F12: invalid geometry\"\n    Body four.\n\n" +
			"{{< alert color=\"warning\" title=\"Ear tags\" >}}\nBody five.\n{{< /alert >}}\n\n" +
			"<details>\n<summary>Does the vet pay?</summary>\n\nBody six.\n\n</details>\n\n" +
			"=== \"Android\"\n\n    Body seven.\n\n" +
			"{{< figure src=\"x.svg\" alt=\"x\" caption=\"The calf record form\" >}}\n\n" +
			"> [!TIP]\n> Untitled.\n\n<details>\nNo summary.\n</details>\n",
		"help/x.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`,
	})
	a := article(t, lib, "help/a.md")
	for _, want := range []string{"Antibiotics first", "Faster setup", "GPS accuracy", "Error F12: invalid geometry",
		"Ear tags", "Does the vet pay?", "Android", "The calf record form", "Body seven.", "Untitled."} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("%q not in the text:\n%s", want, a.Text)
		}
	}
	for _, l := range strings.Split(a.Text, "\n") {
		if l == "Tip" || l == "Details" || l == "Note" {
			t.Errorf("the default title %q is in the text:\n%s", l, a.Text)
		}
	}
}

// TestEscapeAfterBackslashLineBreak: a line ending with a backslash and two
// spaces (a hard line break after a Windows folder, `Office16\  `) left
// goldmark reading the next line's escape (`\<disk drive>`) as an escaped
// backslash, so "<disk drive>" was left out as raw HTML and "\\" showed;
// both lines read as on GitHub now, and other escapes as before.
func TestEscapeAfterBackslashLineBreak(t *testing.T) {
	src := "1. Find Outlook.exe in:\n\n      \\<disk drive>\\Program Files\\Office16\\  \n      \\<disk drive>\\Program Files(x86)\\Office16\\\n\n" +
		"Plain \\<b> and \\*stars\\*.  \n\\*not bold\\* and `\\<code>`.\n"
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(src), Locale: "en", File: "x.md", FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := string(out.HTML)
	for _, w := range []string{
		"<p>&lt;disk drive&gt;\\Program Files\\Office16\\<br>\n&lt;disk drive&gt;\\Program Files(x86)\\Office16\\</p>",
		"<p>Plain &lt;b&gt; and *stars*.<br>\n*not bold* and <code>\\&lt;code&gt;</code>.</p>",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	for _, p := range out.Problems {
		t.Errorf("unexpected %v", p)
	}
}
