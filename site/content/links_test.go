package content

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLinksWithoutExtension: relative links written without `.md`, as
// Docusaurus, DocFX and Hugo sites often do (`[x](issue-card)`,
// `[x](../reports/export)`), lead to the article or category they name,
// found by file (with .md or .mdx, a folder) or by the URL the browser
// would open; a link that finds nothing is a broken link that says what
// to write. Nothing outside the content folder is looked at.
func TestLinksWithoutExtension(t *testing.T) {
	lib := load(t, map[string]string{
		"cards/freeze-card.md": "# Freeze a card\n\n" +
			"[a](issue-card)\n\n" + // 3
			"[b](../reports/export)\n\n" + // 5
			"[c](../reports/export#steps)\n\n" + // 7
			"[d](../reports/export#nope)\n\n" + // 9
			"[e](../getting-started/bank-feeds)\n\n" + // 11: by its slug
			"[f](../reports/)\n\n" + // 13: a folder
			"[g](../reports)\n\n" + // 15
			"[h](issue-crad)\n\n" + // 17: a typo
			"[i](../../../etc/passwd)\n\n" + // 19
			"[j](../issue-card/)\n\n" + // 21: Hugo, relative to /cards/freeze-card/
			"[k](../Clip%20Art/Insert%20pictures)\n\n" + // 23
			"[l](LICENSE)\n\n" + // 25: a file without extension
			"`[m](nowhere)`\n\n" + // 27: code
			"[n](./issue-card?x=1#how)\n", // 29
		"cards/issue-card.md":              "# Issue a card\n\n## How\n\nText.\n",
		"cards/LICENSE":                    "MIT\n",
		"reports/export.md":                "# Export reports\n\n## Steps\n\nText.\n",
		"getting-started/connect-bank.mdx": "---\ntitle: Connect your bank\nslug: bank-feeds\n---\nText.\n",
		"Clip Art/Insert pictures.md":      "# Insert pictures\n",
	})
	html := string(article(t, lib, "cards/freeze-card.md").HTML)
	for _, w := range []string{
		`<a href="/cards/issue-card">a</a>`,
		`<a href="/reports/export">b</a>`,
		`<a href="/reports/export#steps">c</a>`,
		`<a href="/getting-started/bank-feeds">e</a>`,
		`<a href="/reports/">f</a>`,
		`<a href="/reports/">g</a>`,
		`<a href="/cards/issue-card">j</a>`,
		`<a href="/clip-art/insert-pictures">k</a>`,
		`<a href="LICENSE">l</a>`,
		`<code>[m](nowhere)</code>`,
		`<a href="/cards/issue-card?x=1#how">n</a>`,
		"<p>i</p>", // refused: its text (the page kept href="../../../etc/passwd"; rv19e)
	} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %s in\n%s", w, html)
		}
	}
	if strings.Contains(html, "passwd") {
		t.Errorf("a link outside the content folder kept its path:\n%s", html)
	}
	for _, w := range []want{
		{site.SeverityError, "cards/freeze-card.md", 9, "", `broken link "../reports/export#nope": reports/export.md has no heading #nope`},
		{site.SeverityError, "cards/freeze-card.md", 17, "", `broken link "issue-crad": no article cards/issue-crad.md and no page /cards/issue-crad`},
		{site.SeverityError, "cards/freeze-card.md", 19, "", `broken link "../../../etc/passwd": it points outside the content folder`},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
	for _, p := range lib.Problems {
		if p.File == "cards/freeze-card.md" && p.Kind == site.KindBrokenLink && p.Line != 9 && p.Line != 17 && p.Line != 19 {
			t.Errorf("unexpected %v", p)
		}
	}
}

// TestLinksToHomePage: the file a Docusaurus site serves at the root of
// its docs (`slug: /`, often intro.md) and the home pages of other tools at
// the top of the content folder (index.md, _index.md, README.md) are
// Guichet's home page: not articles, and links to them lead to the home
// page of the reader's locale instead of being broken. The slug: / file
// says so in check; other files at the top stay unpublished.
func TestLinksToHomePage(t *testing.T) {
	links := "[intro](../intro.md)\n\n[no ext](../intro)\n\n[readme](../README.md)\n\n[index](../index.md)\n\n[faq](../faq.md)\n"
	lib := load(t, map[string]string{
		"guichet.yaml":                       "locales: [en, fr]\n",
		"intro.md":                           "---\nsidebar_position: 1\nslug: /\n---\n# Welcome\nTallybook docs.\n",
		"README.md":                          "# The repository\n",
		"index.md":                           "# Home\n",
		"faq.md":                             "# FAQ\n",
		"getting-started/connect-bank.md":    "# Connect your bank\n\n" + links,
		"getting-started/connect-bank.fr.md": "# Connecter sa banque\n\n" + links,
	})
	for file, home := range map[string]string{"getting-started/connect-bank.md": "/", "getting-started/connect-bank.fr.md": "/fr/"} {
		html := string(article(t, lib, file).HTML)
		for _, w := range []string{
			`<a href="` + home + `">intro</a>`,
			`<a href="` + home + `">no ext</a>`,
			`<a href="` + home + `">readme</a>`,
			`<a href="` + home + `">index</a>`,
		} {
			if !strings.Contains(html, w) {
				t.Errorf("%s: missing %s in\n%s", file, w, html)
			}
		}
		if !findProblem(lib, want{site.SeverityError, file, 11, "", `broken link "../faq.md": faq.md is not a published article`}) {
			t.Errorf("%s: no broken link to faq.md in %v", file, lib.Problems)
		}
		for _, p := range lib.Problems {
			if p.File == file && p.Kind == site.KindBrokenLink && p.Line != 11 {
				t.Errorf("unexpected %v", p)
			}
		}
	}
	if hasArticle(lib, "intro.md") {
		t.Error("intro.md is an article")
	}
	if w := (want{site.SeverityWarning, "intro.md", 3, "slug", "the home page of the docs (`slug: /`): Guichet makes its own home page"}); !findProblem(lib, w) {
		t.Errorf("no problem %+v in %v", w, lib.Problems)
	}
}

// TestOnlySlashSlugIsHome: only a slug of slashes (`slug: /`) makes a file
// at the top of the folder the docs' home page; an empty or missing value
// is no slug, and the file is ignored as any other there.
func TestOnlySlashSlugIsHome(t *testing.T) {
	lib := load(t, map[string]string{
		"root.md":        "---\nslug: /\n---\n# Home\n",
		"empty-slug.md":  "---\nslug: \"\"\n---\n# Not home\n",
		"null-slug.md":   "---\nslug:\n---\n# Not home\n",
		"cards/links.md": "# Links\n\n[r](../root.md)\n\n[e](../empty-slug.md)\n\n[n](../null-slug.md)\n",
	})
	html := string(article(t, lib, "cards/links.md").HTML)
	if !strings.Contains(html, `<a href="/">r</a>`) {
		t.Errorf("the link to root.md does not lead home:\n%s", html)
	}
	for _, f := range []string{"empty-slug.md", "null-slug.md"} {
		if !findProblem(lib, want{site.SeverityWarning, f, 0, "", "ignored: articles must live in a category folder"}) {
			t.Errorf("%s: not ignored as a file at the top of the folder: %v", f, lib.Problems)
		}
		if strings.Contains(html, `href="/">`+f[:1]+`<`) {
			t.Errorf("the link to %s leads home:\n%s", f, html)
		}
	}
}

// TestLinkToTopOfFolder: a relative link to the top of the content folder
// (`../`, `..`, `./` from the top category) leads to the home page of the
// reader's locale, as a link to another tool's home page does; it is not
// "outside the content folder", nor left as written.
func TestLinkToTopOfFolder(t *testing.T) {
	links := "[a](../)\n\n[b](..)\n\n[c](../#start)\n\n[d](../../)\n"
	lib := load(t, map[string]string{
		"guichet.yaml":  "locales: [en, fr]\n",
		"cards/a.md":    "# A\n\n" + links,
		"cards/a.fr.md": "# A\n\n" + links,
	})
	for file, home := range map[string]string{"cards/a.md": "/", "cards/a.fr.md": "/fr/"} {
		html := string(article(t, lib, file).HTML)
		for _, w := range []string{`<a href="` + home + `">a</a>`, `<a href="` + home + `">b</a>`, `<a href="` + home + `#start">c</a>`} {
			if !strings.Contains(html, w) {
				t.Errorf("%s: missing %s in\n%s", file, w, html)
			}
		}
		if !findProblem(lib, want{site.SeverityError, file, 9, "", `broken link "../../": it points outside the content folder`}) {
			t.Errorf("%s: no broken link at line 9 in %v", file, lib.Problems)
		}
		for _, p := range lib.Problems {
			if p.File == file && p.Kind == site.KindBrokenLink && p.Line != 9 {
				t.Errorf("unexpected %v", p)
			}
		}
	}
}

// TestRootAbsoluteLinksWithoutExtension: links from the root without
// `.md`, as Docusaurus (`/docs/getting-started`) and MkDocs sites write
// them, were left as written and never checked, while relative ones were.
// They now lead to the article they name (its translation on a translated
// page), the category, or the page the site serves there; a page of the
// site itself (/search, /contact, /faq, feeds, /_content/ files, its
// endpoints), an alias and a redirect are fine; anything else is a broken
// link at its line naming the Markdown file to link to.
func TestRootAbsoluteLinksWithoutExtension(t *testing.T) {
	links := "# Links\n\n" +
		"[a](/getting-started/install)\n\n" + // 3
		"[b](/getting-started/install#verify)\n\n" + // 5
		"[c](/docs/getting-started/install)\n\n" + // 7: Docusaurus' /docs
		"[d](/getting-started/)\n\n" + // 9: a category
		"[e](/getting-started/bank-feeds)\n\n" + // 11: by its slug
		"[f](/search?q=card)\n\n" + // 13
		"[g](/contact)\n\n" + // 15
		"[h](/faq)\n\n" + // 17
		"[i](/api/v1/faq)\n\n" + // 19
		"[j](/_content/getting-started/images/plan.png)\n\n" + // 21
		"[k](/old-install)\n\n" + // 23: an alias
		"[l](/legacy/setup)\n\n" + // 25: a redirect
		"[m](/getting-started/instal)\n\n" + // 27: a typo
		"[n](/getting-started/install#nope)\n\n" + // 29
		"[o](/retired)\n\n" + // 31: gone
		"[p](/fr/getting-started/install)\n\n" + // 33
		"[q](/feed.atom)\n\n" + // 35
		"[r](/)\n" // 37
	lib := load(t, map[string]string{
		"guichet.yaml":                    "locales: [en, fr]\n",
		"redirects.yaml":                  "- from: /legacy/setup\n  to: /getting-started/install\n- from: /retired\n  to: \"\"\n",
		"getting-started/install.md":      "---\ntitle: Install\naliases: [/old-install]\n---\nText.\n\n## Verify\n\nText.\n",
		"getting-started/install.fr.md":   "---\ntitle: Installer\n---\nTexte.\n\n## Vérifier {#verify}\n\nTexte.\n",
		"getting-started/connect-bank.md": "---\ntitle: Connect your bank\nslug: bank-feeds\n---\nText.\n",
		"getting-started/images/plan.png": "png",
		"cards/freeze/how-to.md":          links,
		"cards/freeze/how-to.fr.md":       links,
		"getting-started/_index.md":       "---\ntitle: Getting started\n---\n",
		"getting-started/_index.fr.md":    "---\ntitle: Premiers pas\n---\n",
	})
	for file, fr := range map[string]string{"cards/freeze/how-to.md": "", "cards/freeze/how-to.fr.md": "/fr"} {
		html := string(article(t, lib, file).HTML)
		for _, w := range []string{
			`<a href="` + fr + `/getting-started/install">a</a>`,
			`<a href="` + fr + `/getting-started/install#verify">b</a>`,
			`<a href="` + fr + `/getting-started/install">c</a>`,
			`<a href="` + fr + `/getting-started/">d</a>`,
			`<a href="/getting-started/bank-feeds">e</a>`,
			`<a href="/search?q=card">f</a>`,
			`<a href="/contact">g</a>`,
			`<a href="/faq">h</a>`,
			`<a href="/api/v1/faq">i</a>`,
			`<a href="/_content/getting-started/images/plan.png">j</a>`,
			`<a href="/getting-started/install">k</a>`,
			`<a href="/getting-started/install">l</a>`,
			`<a href="/fr/getting-started/install">p</a>`,
			`<a href="/feed.atom">q</a>`,
			`<a href="/">r</a>`,
		} {
			if !strings.Contains(html, w) {
				t.Errorf("%s: missing %s in\n%s", file, w, html)
			}
		}
		for _, w := range []want{
			{site.SeverityError, file, 27, "", `broken link "/getting-started/instal": no article or page of this site there: link the article's Markdown file, like [text](../../getting-started/instal.md)`},
			{site.SeverityError, file, 29, "", `has no heading #nope`},
			{site.SeverityError, file, 31, "", `broken link "/retired": the page was removed (redirects.yaml)`},
		} {
			if !findProblem(lib, w) {
				t.Errorf("no problem %+v in %v", w, lib.Problems)
			}
		}
		for _, p := range lib.Problems {
			if p.File == file && p.Severity == site.SeverityError && p.Line != 27 && p.Line != 29 && p.Line != 31 {
				t.Errorf("unexpected %v", p)
			}
		}
	}
}

// TestLinksRoot: with links.root set, a root-absolute link that matches no
// page of this help center (Microsoft Docs' /powershell/…, /exchange/…)
// leads to that site, as written after it, and is no problem; links that
// match a page here still resolve here, the site's endpoints stay as
// written and a page redirects.yaml removed is still broken. Without the
// setting such links are broken links naming links.root as the setting
// that would fix them.
func TestLinksRoot(t *testing.T) {
	links := "# Links\n\n" +
		"[a](/powershell/module/exchange/get-mailbox)\n\n" + // 3
		"[b](/Exchange/architecture/client-access/autodiscover?view=exchserver-2019#works)\n\n" + // 5
		"[c](/getting-started/install#verify)\n\n" + // 7: a page here
		"[d](/docs/getting-started/install)\n\n" + // 9: a page here, Docusaurus' way
		"[e](/search?q=card)\n\n" + // 11
		"[f](/api/v1/faq)\n\n" + // 13
		"[g](/retired)\n\n" + // 15: gone
		"[h](/old-install)\n\n" + // 17: an alias
		"[i](/answers/products/)\n\n" + // 19
		"[j](/previous-versions/windows/it-pro/windows-xp/bb457125(v=technet.10))\n\n" + // 21: a dot, not a file name extension
		"[k](/office/vba/api/Outlook.MailItem.Send(method))\n\n" + // 23
		"[l](/purview/prepare-tls-1.2-in-office-365?view=o365#tls)\n\n" + // 25
		"[m](/answers/topics/exchange.html)\n" // 27: another site's page
	files := map[string]string{
		"redirects.yaml":                "- from: /retired\n  to: \"\"\n",
		"getting-started/install.md":    "---\ntitle: Install\naliases: [/old-install]\n---\nText.\n\n## Verify\n\nText.\n",
		"getting-started/install.fr.md": "---\ntitle: Installer\n---\nTexte.\n\n## Vérifier {#verify}\n\nTexte.\n",
		"cards/freeze/how-to.md":        links,
		"cards/freeze/how-to.fr.md":     links,
	}
	for _, root := range []string{"https://learn.microsoft.com/en-us", "https://learn.microsoft.com/en-us/"} {
		files["guichet.yaml"] = "locales: [en, fr]\nlinks:\n  root: " + root + "\n"
		lib := load(t, files)
		for file, fr := range map[string]string{"cards/freeze/how-to.md": "", "cards/freeze/how-to.fr.md": "/fr"} {
			html := string(article(t, lib, file).HTML)
			for _, w := range []string{
				`<a href="https://learn.microsoft.com/en-us/powershell/module/exchange/get-mailbox">a</a>`,
				`<a href="https://learn.microsoft.com/en-us/Exchange/architecture/client-access/autodiscover?view=exchserver-2019#works">b</a>`,
				`<a href="` + fr + `/getting-started/install#verify">c</a>`,
				`<a href="` + fr + `/getting-started/install">d</a>`,
				`<a href="/search?q=card">e</a>`,
				`<a href="/api/v1/faq">f</a>`,
				`<a href="/getting-started/install">h</a>`,
				`<a href="https://learn.microsoft.com/en-us/answers/products/">i</a>`,
				`<a href="https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-xp/bb457125(v=technet.10)">j</a>`,
				`<a href="https://learn.microsoft.com/en-us/office/vba/api/Outlook.MailItem.Send(method)">k</a>`,
				`<a href="https://learn.microsoft.com/en-us/purview/prepare-tls-1.2-in-office-365?view=o365#tls">l</a>`,
				`<a href="https://learn.microsoft.com/en-us/answers/topics/exchange.html">m</a>`,
			} {
				if !strings.Contains(html, w) {
					t.Errorf("%s: missing %s in\n%s", file, w, html)
				}
			}
			for _, p := range lib.Problems {
				if p.File == file && p.Severity == site.SeverityError && p.Line != 15 {
					t.Errorf("unexpected %v", p)
				}
			}
			if w := (want{site.SeverityError, file, 15, "", `broken link "/retired": the page was removed`}); !findProblem(lib, w) {
				t.Errorf("no problem %+v in %v", w, lib.Problems)
			}
		}
	}

	files["guichet.yaml"] = "locales: [en, fr]\n"
	lib := load(t, files)
	html := string(article(t, lib, "cards/freeze/how-to.md").HTML)
	if !strings.Contains(html, `<a href="/powershell/module/exchange/get-mailbox">a</a>`) {
		t.Errorf("without links.root the link is not left as written:\n%s", html)
	}
	for _, line := range []int{3, 5, 19, 21, 23, 25, 27} {
		if w := (want{site.SeverityError, "cards/freeze/how-to.md", line, "links.root", `broken link "/`}); !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
	if w := (want{site.SeverityError, "cards/freeze/how-to.md", 15, "", `the page was removed`}); !findProblem(lib, w) {
		t.Errorf("no problem %+v in %v", w, lib.Problems)
	}
	for _, p := range lib.Problems {
		if p.Line == 15 && p.Field != "" {
			t.Errorf("a removed page is not fixed by links.root: %v", p)
		}
	}
}

// TestDocusaurusDocsHomeAndSlugLinks: a link to the docs' home (/docs/,
// the doc with `slug: /`) leads to the home page, and links to a doc's
// slug URL (/docs/install for `slug: /install`, /docs/how-to/connect for
// `slug: /how-to/connect`, a relative slug from its folder) lead to the
// doc, wherever its file is, as Docusaurus serves them; another first
// segment (/blog/) is still broken.
func TestDocusaurusDocsHomeAndSlugLinks(t *testing.T) {
	links := "# Links\n\n" +
		"[a](/docs/)\n\n" + // 3
		"[b](/docs)\n\n" + // 5
		"[c](/docs/install)\n\n" + // 7
		"[d](/install#verify)\n\n" + // 9
		"[e](../install)\n\n" + // 11: the slug's URL, from /docs/guides/x
		"[f](/docs/how-to/connect)\n\n" + // 13
		"[g](/docs/reference/tools/cli)\n\n" + // 15: a relative slug
		"[h](/docs/install#nope)\n\n" + // 17
		"[i](/blog/)\n\n" + // 19
		"[j](/docs/setup)\n" // 21: the file's name is no URL once it has a slug
	lib := load(t, map[string]string{
		"intro.md":               "---\nslug: /\ntitle: Welcome\n---\nHi.\n",
		"guides/x.md":            links,
		"guides/setup.md":        "---\ntitle: Install\nslug: /install\n---\nText.\n\n## Verify\n\nText.\n",
		"guides/connect-bank.md": "---\ntitle: Connect\nslug: /how-to/connect\n---\nText.\n",
		"reference/cli-page.md":  "---\ntitle: CLI\nslug: tools/cli\n---\nText.\n",
	})
	html := string(article(t, lib, "guides/x.md").HTML)
	for _, w := range []string{
		`<a href="/">a</a>`,
		`<a href="/">b</a>`,
		`<a href="/guides/install">c</a>`,
		`<a href="/guides/install#verify">d</a>`,
		`<a href="/guides/install">e</a>`,
		`<a href="/guides/connect">f</a>`,
		`<a href="/reference/cli">g</a>`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %s in\n%s", w, html)
		}
	}
	for _, w := range []want{
		{site.SeverityError, "guides/x.md", 17, "", `has no heading #nope`},
		{site.SeverityError, "guides/x.md", 19, "", `broken link "/blog/"`},
		{site.SeverityError, "guides/x.md", 21, "", `broken link "/docs/setup"`},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
	for _, p := range lib.Problems {
		if p.File == "guides/x.md" && p.Severity == site.SeverityError && p.Line != 17 && p.Line != 19 && p.Line != 21 {
			t.Errorf("unexpected %v", p)
		}
	}
}

// TestSlugLinksRenderedAgain: a page linking to a doc by its slug path is
// rendered again when that slug changes, even when the doc's URL (the
// slug's last segment) does not.
func TestSlugLinksRenderedAgain(t *testing.T) {
	fsys := mapFS(map[string]string{
		"guides/x.md":     "# X\n\n[a](/docs/a/install)\n",
		"guides/setup.md": "---\ntitle: Install\nslug: /a/install\n---\nText.\n",
	})
	cache := t.TempDir()
	for i, c := range []struct {
		slug   string
		broken bool
	}{{"/a/install", false}, {"/b/install", true}, {"/a/install", false}} {
		fsys["guides/setup.md"].Data = []byte("---\ntitle: Install\nslug: " + c.slug + "\n---\nText.\n")
		lib, err := Load(context.Background(), fsys, Options{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		broken := false
		for _, p := range lib.Problems {
			broken = broken || (p.File == "guides/x.md" && p.Kind == site.KindBrokenLink)
		}
		if broken != c.broken {
			t.Errorf("load %d (slug %s): broken %v, want %v", i, c.slug, broken, c.broken)
		}
	}
}

// TestAnchorOfTheTitleHeading: the # heading that repeats the title
// (MkDocs and Microsoft Docs pages open with one, and GitHub gives it an
// anchor) is not shown, since the page shows the title as its own heading,
// but its anchor stays where it was, so links to it lead there, as on
// GitHub: from another article (`draw.md#draw-field-boundaries`) and from
// the page's own "Back to top" links, which check now checks as it checks
// links to other pages (they were not checked, and a link to a place the
// page lacks went nowhere; DocFX's tab headings, `#tab/…`, are no links).
// A later heading with the same text keeps its anchor, then the title's.
func TestAnchorOfTheTitleHeading(t *testing.T) {
	lib := load(t, map[string]string{
		"fields/draw.md": "# Draw field boundaries\n\nText.\n\n## Steps\n\n" +
			"[Back to top](#draw-field-boundaries), [steps](#steps), [typo](#draw-feild-boundaries).\n\n" + // 7
			"# [Windows](#tab/windows)\n\n[Top](#top)\n",
		"fields/repeat.md": "# Repeat\n\nText.\n\n## Repeat\n",
		"fields/import.md": "---\ntitle: Import\n---\nSee [drawing](draw.md#draw-field-boundaries).\n",
		"fields/edit.md":   "# Edit a field {#edit}\n\n[Top](#edit)\n",
	})
	draw := string(article(t, lib, "fields/draw.md").HTML)
	for _, w := range []string{`<a id="draw-field-boundaries"></a>`, `<a href="#draw-field-boundaries">Back to top</a>`} {
		if !strings.Contains(draw, w) {
			t.Errorf("missing %s in\n%s", w, draw)
		}
	}
	if strings.Contains(draw, "<h1") || strings.Contains(draw, "<h2 id=\"draw-field-boundaries\"") {
		t.Errorf("the title heading is shown:\n%s", draw)
	}
	if html := string(article(t, lib, "fields/repeat.md").HTML); !strings.HasPrefix(html, "<p>Text.</p>") || !strings.Contains(html, `<h2 id="repeat">`) {
		t.Errorf("a heading repeating the title lost its anchor:\n%s", html)
	}
	if html := string(article(t, lib, "fields/edit.md").HTML); !strings.Contains(html, `<a id="edit"></a>`) {
		t.Errorf("the title heading's {#edit} is not its anchor:\n%s", html)
	}
	if html := string(article(t, lib, "fields/import.md").HTML); !strings.Contains(html, `<a href="/fields/draw#draw-field-boundaries">drawing</a>`) {
		t.Errorf("link to the title heading:\n%s", html)
	}
	var broken []string
	for _, p := range lib.Problems {
		if p.Kind == site.KindBrokenLink {
			broken = append(broken, p.String())
		}
	}
	if want := []string{`fields/draw.md:7:64: error: broken link "#draw-feild-boundaries": fields/draw.md has no heading #draw-feild-boundaries`}; !reflect.DeepEqual(broken, want) {
		t.Errorf("broken links\n%s\nwant\n%s", strings.Join(broken, "\n"), strings.Join(want, "\n"))
	}
}

// TestLinkToFolderReadme: a folder's README.md is not published (it
// documents the folder on GitHub; Docusaurus makes it the category's
// page), so a link to it leads to the folder's category page, in the
// reader's language, as a link to its _index.md does, instead of a broken
// link saying "see its own errors" of a file that has none.
func TestLinkToFolderReadme(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":         "locales: [en, de]\n",
		"billing/README.md":    "# Billing overview\n",
		"billing/plans.md":     "# Plans\n\nSee [the overview](README.md) and [again](./README.md).\n",
		"billing/plans.de.md":  "# Tarife\n\nSiehe [Übersicht](README.md).\n",
		"billing/_index.de.md": "---\ntitle: Abrechnung\n---\n",
		"meter/pair.md":        "# Pair\n\n[billing](../billing/README.md)\n",
	})
	for file, w := range map[string][]string{
		"billing/plans.md":    {`<a href="/billing/">the overview</a>`, `<a href="/billing/">again</a>`},
		"billing/plans.de.md": {`<a href="/de/billing/">Übersicht</a>`},
		"meter/pair.md":       {`<a href="/billing/">billing</a>`},
	} {
		html := string(article(t, lib, file).HTML)
		for _, s := range w {
			if !strings.Contains(html, s) {
				t.Errorf("%s: missing %s in\n%s", file, s, html)
			}
		}
	}
	for _, p := range lib.Problems {
		if p.Kind == site.KindBrokenLink {
			t.Errorf("unexpected %v", p)
		}
	}
	if hasArticle(lib, "billing/README.md") {
		t.Error("billing/README.md is an article")
	}
}

// TestLinkToFileLeftOut: a link to a Markdown file that exists but is no
// article says why — a piece for including, a folder Guichet skips —
// rather than "see its own errors" of a file that has none, or "does not
// exist".
func TestLinkToFileLeftOut(t *testing.T) {
	lib := load(t, map[string]string{
		"a/snippets/key.md": "Create an API key.\n",
		"a/_drafts/next.md": "---\ntitle: Next\n---\nx\n",
		"a/main.md":         "---\ntitle: Main\n---\n[s](snippets/key.md)\n\n[d](_drafts/next.md)\n",
	})
	for _, w := range []want{
		{sev: site.SeverityError, file: "a/main.md", line: 4, message: "a/snippets/key.md is a piece of text for including (its folder is named includes or snippets), not an article"},
		{sev: site.SeverityError, file: "a/main.md", line: 6, message: "a/_drafts/next.md is not read: folders and files whose name starts with . and folders whose name starts with _ are left out"},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
}

// TestRefusedSchemeLinksAreReported: a link whose scheme the sanitiser
// refuses (ftp:, sms:, an app's own scheme, file:, javascript:) is shown
// as its text; check says so at its line instead of losing it silently.
func TestRefusedSchemeLinksAreReported(t *testing.T) {
	lib := load(t, map[string]string{
		"sync/links.md": "# Links\n\n" +
			"[a](ftp://files.example.com/x)\n\n" + // 3
			"[b](quillnote://open/note/1)\n\n" + // 5
			"[c](javascript:alert(1))\n\n" + // 7
			"[d](file:///etc/passwd)\n\n" + // 9
			"[e](https://example.com) [f](mailto:a@example.com) [g](tel:+33123) [h](#top)\n", // 11: kept
	})
	html := string(article(t, lib, "sync/links.md").HTML)
	if !strings.Contains(html, "<p>a</p>") || !strings.Contains(html, "<p>b</p>") {
		t.Errorf("refused links kept:\n%s", html)
	}
	for _, line := range []int{3, 5, 7, 9} {
		found := false
		for _, p := range lib.Problems {
			if p.File == "sync/links.md" && p.Line == line && p.Severity == site.SeverityWarning && strings.Contains(p.Message, "is shown as its text") {
				found = true
			}
		}
		if !found {
			t.Errorf("no warning at line %d in %v", line, lib.Problems)
		}
	}
	for _, p := range lib.Problems {
		if p.File == "sync/links.md" && p.Line == 11 {
			t.Errorf("unexpected %v", p)
		}
	}
}

// TestBrokenLinkSuggestionKeepsItsFolder: the Markdown file a broken link
// without extension is told to name is written from the article, as the
// link was: "../guides/nope/" from troubleshooting/ suggests
// ../guides/nope.md, not nope.md (troubleshooting/nope.md).
func TestBrokenLinkSuggestionKeepsItsFolder(t *testing.T) {
	lib := load(t, map[string]string{
		"troubleshooting/login.md": "# Login\n\n[a](../guides/nope/)\n\n[b](../guides/tags-list)\n\n[c](nope)\n",
		"guides/tags.md":           "# Tags\n",
	})
	for _, w := range []want{
		{site.SeverityError, "troubleshooting/login.md", 3, "", `like [text](../guides/nope.md)`},
		{site.SeverityError, "troubleshooting/login.md", 5, "", `like [text](../guides/tags-list.md)`},
		{site.SeverityError, "troubleshooting/login.md", 7, "", `like [text](nope.md)`},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
}

// TestBackslashPaths: a link, a picture or a DocFX :::image whose path is
// written with Windows' backslashes (`media\setup\step-1.png`,
// `..\security\mfa.md`), which browsers and DocFX read as slashes, leads to
// its file as an include written so already did; it was a broken link
// whose message blamed "files whose name starts with .", and a missing
// picture, for files that were there.
func TestBackslashPaths(t *testing.T) {
	lib := load(t, map[string]string{
		"teams/clear-cache.md": "# Clear the cache\n\n" +
			"![Step one](media\\setup\\step-1.png)\n\n" + // 3
			"Press :::image type=\"icon\" source=\"media\\setup\\key.png\"::: then R.\n\n" + // 5
			"See [MFA](..\\security\\mfa.md#turn-it-on).\n\n" + // 7
			"See [nothing](..\\security\\nope.md).\n", // 9
		"teams/media/setup/step-1.png": "\x89PNG\r\n\x1a\n",
		"teams/media/setup/key.png":    "\x89PNG\r\n\x1a\n",
		"security/mfa.md":              "# Turn on MFA\n\n## Turn it on\n\nText.\n",
	})
	html := string(article(t, lib, "teams/clear-cache.md").HTML)
	for _, w := range []string{
		`src="/_content/teams/media/setup/step-1.png"`,
		`src="/_content/teams/media/setup/key.png"`,
		`<a href="/security/mfa#turn-it-on">MFA</a>`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("missing %s in\n%s", w, html)
		}
	}
	if !findProblem(lib, want{site.SeverityError, "teams/clear-cache.md", 9, "", `broken link "..\\security\\nope.md": security/nope.md does not exist`}) {
		t.Errorf("no broken link naming security/nope.md at line 9 in %v", lib.Problems)
	}
	for _, p := range lib.Problems {
		if p.File == "teams/clear-cache.md" && p.Severity == site.SeverityError && p.Line != 9 {
			t.Errorf("unexpected %v", p)
		}
	}
}

// TestLinkCaseMiss: a link or a picture whose path differs from its file's
// only in letter case (`../Installation/plan.md` for installation/,
// `media/Shot.PNG` for media/shot.png), which finds its file on a Mac or
// Windows and on learn.microsoft.com but not on GitHub or here, is broken
// with the file to write; it said only "does not exist" (the Microsoft
// corpus' cannot-publish-form.md).
func TestLinkCaseMiss(t *testing.T) {
	lib := load(t, map[string]string{
		"deployment/publish.md": "# Publish a form\n\n" +
			"See [the plan](../Installation/plan.md#prevent-viruses).\n\n" + // 3
			"![Error](media/Shot.PNG)\n\n" + // 5
			"[The log](media/Trace.TXT)\n", // 7
		"installation/plan.md":       "# Plan a deployment\n\n## Prevent viruses\n",
		"deployment/media/shot.png":  "\x89PNG\r\n\x1a\n",
		"deployment/media/trace.txt": "log\n",
	})
	for _, w := range []want{
		{site.SeverityError, "deployment/publish.md", 3, "", `broken link "../Installation/plan.md#prevent-viruses": Installation/plan.md does not exist: did you mean installation/plan.md? (names are read with their letter case, as on GitHub)`},
		{site.SeverityError, "deployment/publish.md", 5, "", `image "media/Shot.PNG" not found (looked for deployment/media/Shot.PNG): did you mean deployment/media/shot.png? (names are read with their letter case, as on GitHub)`},
		{site.SeverityError, "deployment/publish.md", 7, "", `broken link "media/Trace.TXT": no file deployment/media/Trace.TXT: did you mean deployment/media/trace.txt?`},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
}
