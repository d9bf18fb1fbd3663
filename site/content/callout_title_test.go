package content

import (
	"strings"
	"testing"
)

// TestCalloutTitleMarkdown: a callout's title written by its author is
// inline Markdown, as in GitHub, Obsidian, Docusaurus and MkDocs: emphasis
// and code are shown as such, never as asterisks and backticks, and no part
// of the title line leaks into the callout's body. MkDocs' explicitly empty
// title ("") shows no title, as MkDocs does.
func TestCalloutTitleMarkdown(t *testing.T) {
	for _, tc := range []struct{ name, file, src, want, body string }{
		{"github alert", "x.md", "> [!WARNING] Hot **surface**\n> Do not touch.\n",
			`<p class="callout-title">Hot <strong>surface</strong></p>`, "<p>Do not touch.</p>"},
		{"github alert, code first", "x.md", "> [!NOTE] `npm ci` first\n> Then build.\n",
			`<p class="callout-title"><code>npm ci</code> first</p>`, "<p>Then build.</p>"},
		{"github alert, foldable", "x.md", "> [!TIP]- A *quick* one\n> Body.\n",
			`<summary class="callout-title">A <em>quick</em> one</summary>`, "<p>Body.</p>"},
		{"github alert, title only", "x.md", "> [!NOTE] Just **this**\n",
			`<p class="callout-title">Just <strong>this</strong></p>`, ""},
		{"github alert, definition list", "x.md", "> [!WARNING] Hot **surface**\n> : Do not touch.\n",
			`<p class="callout-title">Hot <strong>surface</strong></p>`, "<p>Do not touch.</p>"},
		{"docusaurus brackets", "x.mdx", ":::tip[Use **bold** and `code`]\nA.\n:::\n",
			`<p class="callout-title">Use <strong>bold</strong> and <code>code</code></p>`, "<p>A.</p>"},
		{"docusaurus after the name", "x.md", ":::note Plain title with *emphasis*\nB.\n:::\n",
			`<p class="callout-title">Plain title with <em>emphasis</em></p>`, "<p>B.</p>"},
		{"mkdocs", "x.md", "!!! note \"Title with **bold**\"\n    T.\n",
			`<p class="callout-title">Title with <strong>bold</strong></p>`, "<p>T.</p>"},
		{"mkdocs foldable", "x.md", "??? tip \"A `flag`\"\n    T.\n",
			`<summary class="callout-title">A <code>flag</code></summary>`, "<p>T.</p>"},
		{"mkdocs plain title unchanged", "x.md", "!!! note \"Before you start\"\n    T.\n",
			`<p class="callout-title">Before you start</p>`, "<p>T.</p>"},
		{"mkdocs empty title, foldable", "x.md", "??? danger \"\"\n    Folded.\n",
			`<summary class="callout-title">Danger</summary>`, "<p>Folded.</p>"},
		{"mkdocs empty title", "x.md", "!!! danger \"\"\n    No title here.\n",
			`<div class="callout callout-caution" role="note">` + "\n<p>No title here.</p>", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(tc.src), Locale: "en", File: tc.file})
			if err != nil {
				t.Fatal(err)
			}
			html := string(out.HTML)
			if !strings.Contains(html, tc.want) {
				t.Errorf("want %s in\n%s", tc.want, html)
			}
			if strings.ContainsAny(html, "*`") {
				t.Errorf("Markdown syntax shown as written:\n%s", html)
			}
			if strings.Count(html, "callout-title") > 1 {
				t.Errorf("two titles:\n%s", html)
			}
			// The body holds what follows the title line, and nothing of the title.
			_, rest, _ := strings.Cut(html, tc.want)
			rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "</div>"))
			rest = strings.TrimSpace(strings.TrimSuffix(rest, "</details>"))
			if tc.body != "" && rest != tc.body {
				t.Errorf("body: want %q, got %q in\n%s", tc.body, rest, html)
			}
		})
	}
}

// TestCalloutTitleInEveryThemeLanguage: an untitled callout is titled in
// the page's language for every language the default theme ships (a
// Spanish page read "Tip" and "Warning" in English, French alone had its
// own).
func TestCalloutTitleInEveryThemeLanguage(t *testing.T) {
	for locale, want := range map[string]string{
		"en": "Tip", "fr": "Astuce", "de": "Tipp", "es": "Consejo", "es-419": "Consejo",
		"it": "Suggerimento", "pt-BR": "Dica", "nl": "Tip", "ar": "نصيحة", "ja": "Tip",
	} {
		out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte("> [!TIP]\n> Open it once.\n"), Locale: locale, File: "x.md"})
		if err != nil {
			t.Fatal(err)
		}
		if w := `<p class="callout-title">` + want + `</p>`; !strings.Contains(string(out.HTML), w) {
			t.Errorf("%s: want %s in\n%s", locale, w, out.HTML)
		}
	}
	out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte("> [!WARNING]\n> Hot.\n"), Locale: "de", File: "x.md"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out.HTML), ">Warnung<") {
		t.Errorf("de warning: %s", out.HTML)
	}
}

// TestCalloutTitleFromSiteStrings: a site that rewords the titles of
// untitled callouts in its i18n/<locale>.yaml
// sees its own words, in every syntax that makes a callout (GitHub and
// Microsoft Docs alerts, Docusaurus admonitions, Hugo notices, MkDocs),
// and a locale it does not reword keeps the theme's; the titles used to
// be the renderer's own, whatever the site said.
func TestCalloutTitleFromSiteStrings(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":       "title: Help\nlocales: [en, fr, de]\n",
		"i18n/en.yaml":       "callout_note: Good to know\ncallout_warning: Careful\n",
		"i18n/fr.yaml":       "callout_note: Bon à savoir\n",
		"i18n/de.yaml":       "callout_tip: Ratschlag\n",
		"help/_index.md":     "---\ntitle: Help\n---\n",
		"help/alert.md":      "---\ntitle: Alert\n---\n> [!NOTE]\n> Read me.\n",
		"help/docusaurus.md": "---\ntitle: Docusaurus\n---\n:::warning\nHot.\n:::\n",
		"help/hugo.md":       "---\ntitle: Hugo\n---\n{{% notice note %}}\nHugo.\n{{% /notice %}}\n",
		"help/mkdocs.md":     "---\ntitle: MkDocs\n---\n!!! warning\n    Deep.\n",
		"help/untouched.md":  "---\ntitle: Untouched\n---\n> [!TIP]\n> Kept.\n",
		"help/alert.fr.md":   "---\ntitle: Alerte\n---\n> [!NOTE]\n> Lisez.\n\n> [!TIP]\n> Astuce.\n",
		"help/alert.de.md":   "---\ntitle: Hinweis\n---\n> [!TIP]\n> Lies.\n\n> [!NOTE]\n> Mehr.\n",
	})
	for file, wants := range map[string][]string{
		"help/alert.md":      {"Good to know"},
		"help/docusaurus.md": {"Careful"},
		"help/hugo.md":       {"Good to know"},
		"help/mkdocs.md":     {"Careful"},
		"help/untouched.md":  {"Tip"},
		"help/alert.fr.md":   {"Bon à savoir", "Astuce"},
		"help/alert.de.md":   {"Ratschlag", "Hinweis"},
	} {
		html := string(article(t, lib, file).HTML)
		for _, want := range wants {
			if w := `class="callout-title">` + want + `</`; !strings.Contains(html, w) {
				t.Errorf("%s: want %s in\n%s", file, w, html)
			}
		}
	}
}

// TestCalloutTitleBlankSiteString: a site string left blank for a
// callout title (`callout_note: ""`, `callout_warning: "  "` in
// i18n/<locale>.yaml) showed a blank title, and a foldable callout an
// empty <summary>, a toggle with no label; the theme's title stands in.
func TestCalloutTitleBlankSiteString(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":    "title: Help\nlocales: [en, de]\n",
		"i18n/de.yaml":    "callout_note: \"\"\ncallout_warning: \"  \"\n",
		"help/_index.md":  "---\ntitle: Help\n---\n",
		"help/fold.md":    "---\ntitle: Fold\n---\nx\n",
		"help/fold.de.md": "---\ntitle: Falt\n---\n> [!NOTE]-\n> Versteckt.\n\n> [!WARNING]\n> Offen.\n",
	})
	html := string(article(t, lib, "help/fold.de.md").HTML)
	for _, w := range []string{`<summary class="callout-title">Hinweis</summary>`, `<p class="callout-title">Warnung</p>`} {
		if !strings.Contains(html, w) {
			t.Errorf("want %s in\n%s", w, html)
		}
	}
}

// TestStringsErrorAtItsLine: a mistake in a content folder's
// i18n/<locale>.yaml is reported at its line, the file named once
// ("i18n/de.yaml:2: error: callout_tip must be …"); it was reported at
// the file ("i18n/de.yaml: error: i18n/de.yaml:2: …"), which CI annotations
// and editors could not place.
func TestStringsErrorAtItsLine(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":   "title: Help\nlocales: [en, de]\n",
		"i18n/de.yaml":   "callout_note: Gut\ncallout_tip: [a, b]\n",
		"help/_index.md": "---\ntitle: Help\n---\n",
	})
	w := "i18n/de.yaml:2: error: callout_tip must be a string or a mapping of plural forms"
	var got []string
	for _, p := range lib.Problems {
		if p.File == "i18n/de.yaml" {
			got = append(got, p.String())
		}
	}
	if len(got) != 1 || got[0] != w {
		t.Errorf("problems %q, want %q", got, w)
	}
}
