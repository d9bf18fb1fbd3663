package content

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestEmojiShortcodes: GitHub, MkDocs Material and Docusaurus show
// `:smile:` as 😄; Guichet showed the shortcode as typed. Emoji are now
// shown, in the page, its text (search, snippets), headings and callout
// titles; colons that are not a shortcode, unknown names, code, links,
// escapes and MkDocs icons are as before.
func TestEmojiShortcodes(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		html      []string // substrings of the page
		not       []string // not in the page
		text      string   // substring of the plain text, "" to skip
		warn      string   // one problem containing this, "" for none
	}{
		{name: "common ones", src: "Great :smile: and :+1: then :white_check_mark: and :warning: careful.\n",
			html: []string{"<p>Great 😄 and 👍 then ✅ and ⚠️ careful.</p>"}, text: "Great 😄 and 👍 then ✅ and ⚠️ careful."},
		{name: "alone on a line", src: ":rocket:\n", html: []string{"<p>🚀</p>"}, text: "🚀"},
		{name: "glued to punctuation", src: "Done (:tada:). Yes:+1:!\n", html: []string{"<p>Done (🎉). Yes:+1:!</p>"}},
		{name: "unknown name", src: "Keep :notanemoji: as typed.\n", html: []string{"<p>Keep :notanemoji: as typed.</p>"}},
		{name: "GitHub picture, not an emoji", src: "See :octocat: here.\n", html: []string{"<p>See :octocat: here.</p>"}},
		{name: "times and ratios", src: "Open 10:30:00 to 1:100:2, a:b:c and x:+1:y.\n",
			html: []string{"<p>Open 10:30:00 to 1:100:2, a:b:c and x:+1:y.</p>"}},
		{name: "urls", src: "Go to http://example.com/:smile:/x or <https://a.b/:tada:>.\n",
			not: []string{"😄", "🎉"}},
		{name: "link destination", src: "[:smile: home](https://example.com/:smile:)\n",
			html: []string{`<a href="https://example.com/:smile:">😄 home</a>`}},
		{name: "code span and block", src: "Use `:smile:` here.\n\n```\n:smile: 10:30\n```\n\n    :tada:\n",
			html: []string{"<code>:smile:</code>", ":smile: 10:30\n</code></pre>", ":tada:\n</code></pre>"}, not: []string{"😄", "🎉"}},
		{name: "escaped", src: `Type \:smile: to get it.` + "\n", html: []string{"<p>Type :smile: to get it.</p>"}},
		{name: "heading keeps its anchor", src: "## :rocket: Launch\n", html: []string{`<h2 id="rocket-launch">🚀 Launch</h2>`}},
		{name: "callout title", src: "!!! tip \":bulb: Idea\"\n    Body.\n", html: []string{`class="callout-title">💡 Idea</`}},
		{name: "material icon still left out", src: "Next :material-account: and :smile:.\n",
			html: []string{"<p>Next and 😄.</p>"}, warn: "icon :material-account: is left out"},
		{name: "fontawesome and octicons", src: ":fontawesome-brands-github: Repo :octicons-alert-16:\n",
			html: []string{"<p>Repo"}, warn: "icon :fontawesome-brands-github:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(tc.src), Locale: "en", File: "x.md"})
			if err != nil {
				t.Fatal(err)
			}
			html := string(out.HTML)
			for _, w := range tc.html {
				if !strings.Contains(html, w) {
					t.Errorf("missing %q in\n%s", w, html)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(html, w) {
					t.Errorf("unexpected %q in\n%s", w, html)
				}
			}
			if tc.text != "" && !strings.Contains(out.Text, tc.text) {
				t.Errorf("text %q lacks %q", out.Text, tc.text)
			}
			if strings.Contains(out.Text, "rocket") || strings.Contains(out.Text, ":smile:") && !strings.Contains(tc.src, "`") && !strings.Contains(tc.src, `\`) && !strings.Contains(tc.src, "http") {
				t.Errorf("text holds a shortcode: %q", out.Text)
			}
			switch {
			case tc.warn == "" && len(out.Problems) > 0:
				t.Errorf("unexpected problems %v", out.Problems)
			case tc.warn != "" && (len(out.Problems) == 0 || !strings.Contains(out.Problems[0].String(), tc.warn)):
				t.Errorf("want a problem with %q, got %v", tc.warn, out.Problems)
			}
		})
	}
}

// TestEmojiInPlainTitles: a title taken from the first `# Heading`, the
// summary of a <details> and a tab's label are shown where GitHub, MkDocs
// and Docusaurus show their emoji; they showed the shortcode as typed.
func TestEmojiInPlainTitles(t *testing.T) {
	lib := load(t, map[string]string{
		"account/locked.md": "# Locked out :lock:\n\nText.\n\n<details>\n<summary>Fees :money_with_wings: a:b:c</summary>\n\nNone.\n\n</details>\n\n" +
			"=== \"Linux :penguin:\"\n\n    Run it.\n\n=== \"Windows\"\n\n    Click it.\n",
	})
	a := article(t, lib, "account/locked.md")
	if a.Title != "Locked out 🔒" {
		t.Errorf("title %q", a.Title)
	}
	html := string(a.HTML)
	for _, w := range []string{"<summary>Fees 💸 a:b:c</summary>", "<summary>Linux 🐧</summary>"} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %s in\n%s", w, html)
		}
	}
	for in, want := range map[string]string{":+1: ok": "👍 ok", "10:30:00": "10:30:00", "x:smile:": "x:smile:", ":nope: :tada:": ":nope: 🎉", "::": "::"} {
		if got := emojify(in); got != want {
			t.Errorf("emojify(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAnchorWithoutEmojiName: MkDocs leaves an emoji out of a heading's
// anchor (#configure for "## :gear: Configure"); Guichet keeps its name,
// as GitHub and Docusaurus do, and check says which anchor to write.
func TestAnchorWithoutEmojiName(t *testing.T) {
	lib := load(t, map[string]string{
		"setup/install.md": "# Install\n\n## :gear: Configure\n\nText.\n",
		"setup/other.md":   "# Other\n\n[a](install.md#configure)\n\n[b](install.md#gear-configure)\n",
	})
	if !findProblem(lib, want{site.SeverityError, "setup/other.md", 3, "", "has no heading #configure: write #gear-configure"}) {
		t.Errorf("no hint in %v", lib.Problems)
	}
	for _, p := range lib.Problems {
		if p.Severity == site.SeverityError && p.Line != 3 {
			t.Errorf("unexpected %v", p)
		}
	}
}

// TestAnchorWithOneHyphen: MkDocs and hand-written links make one hyphen
// of the spaces around punctuation in a heading ("## Erreur E03 : trop
// froide", French typography, is #erreur-e03--trop-froide on GitHub and
// here): check names the anchor to write.
func TestAnchorWithOneHyphen(t *testing.T) {
	tests := []struct{ heading, link, want string }{
		{"Erreur E03 : trop froide", "erreur-e03-trop-froide", "has no heading #erreur-e03-trop-froide: write #erreur-e03--trop-froide (a heading's anchor keeps a hyphen for each space around punctuation"},
		{"Sync – iOS & Android", "sync-ios-android", "write #sync--ios--android"},
		{"Plain heading", "plain-headin", "has no heading #plain-headin"},
	}
	for _, tt := range tests {
		lib := load(t, map[string]string{
			"setup/install.md": "# Install\n\n## " + tt.heading + "\n\nText.\n",
			"setup/other.md":   "# Other\n\n[a](install.md#" + tt.link + ")\n",
		})
		if !findProblem(lib, want{site.SeverityError, "setup/other.md", 3, "", tt.want}) {
			t.Errorf("%q → #%s: want %q in %v", tt.heading, tt.link, tt.want, lib.Problems)
		}
		if strings.HasPrefix(tt.heading, "Plain") && findProblem(lib, want{site.SeverityError, "setup/other.md", 3, "", "write #"}) {
			t.Errorf("%q → #%s: a hint for an anchor no heading has: %v", tt.heading, tt.link, lib.Problems)
		}
	}
}
