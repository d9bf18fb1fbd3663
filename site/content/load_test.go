package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site"
)

// modTime is the modification time of every test file.
var modTime = time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)

// mapFS builds a content folder from file contents.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data), ModTime: modTime}
	}
	return fsys
}

func load(t *testing.T, files map[string]string) *site.Library {
	t.Helper()
	lib, err := Load(context.Background(), mapFS(files), Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return lib
}

func article(t *testing.T, lib *site.Library, sourcePath string) *site.Article {
	t.Helper()
	for _, a := range lib.Articles {
		if a.SourcePath == sourcePath {
			return a
		}
	}
	t.Fatalf("no article from %s; problems: %v", sourcePath, lib.Problems)
	return nil
}

func hasArticle(lib *site.Library, sourcePath string) bool {
	for _, a := range lib.Articles {
		if a.SourcePath == sourcePath {
			return true
		}
	}
	return false
}

// want is an expected problem: every set field must match, Message by
// substring.
type want struct {
	sev     site.Severity
	file    string
	line    int
	field   string
	message string
}

func (w want) matches(p site.Problem) bool {
	return p.Severity == w.sev && p.File == w.file && p.Line == w.line &&
		(w.field == "" || p.Field == w.field) && strings.Contains(p.Message, w.message)
}

func findProblem(lib *site.Library, w want) bool {
	for _, p := range lib.Problems {
		if w.matches(p) {
			return true
		}
	}
	return false
}

const refund = `---
title: How do I get a refund?
tags: [billing, money]
---
Refunds take **five days**. You can ask for one from the billing page.

## Fees

Some fees are not refunded.
`

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		want    []want
		skipped string // an article expected to be dropped
		kept    string // an article expected to load
	}{
		{
			name:    "missing title",
			files:   map[string]string{"billing/a.md": "---\ndescription: x\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 1, "title", "missing required field `title`"}},
			skipped: "billing/a.md",
		},
		{
			name:    "no front matter and no heading",
			files:   map[string]string{"billing/a.md": "Just a body\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 1, "title", "missing required field"}},
			skipped: "billing/a.md",
		},
		{
			name:  "TOML front matter (Hugo): read like YAML, fields at their lines",
			files: map[string]string{"billing/a.md": "+++\ntitle = \"A\"\nweight = 3\n\n[menu.main]\nparent = \"start\"\n+++\nBody.\n"},
			want:  []want{{site.SeverityWarning, "billing/a.md", 5, "menu", "unknown field `menu`"}},
			kept:  "billing/a.md",
		},
		{
			name:    "TOML: text not in quotes",
			files:   map[string]string{"billing/a.md": "+++\ntitle = Error: sync failed\n+++\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 2, "", `Fix: TOML writes text in quotes: title = "Error: sync failed"`}},
			skipped: "billing/a.md",
		},
		{
			name:    "TOML: YAML written between +++ lines",
			files:   map[string]string{"billing/a.md": "+++\ntitle = \"A\"\nweight: 3\n+++\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "", `Fix: TOML writes key = value (this line is YAML): weight = 3,`}},
			skipped: "billing/a.md",
		},
		{
			name:    "TOML: a YAML list between +++ lines",
			files:   map[string]string{"billing/a.md": "+++\ntitle = \"A\"\ntags: [billing, 'money back']\n+++\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "", `tags = ["billing", "money back"],`}},
			skipped: "billing/a.md",
		},
		{
			name:    "TOML: wrong type at its line",
			files:   map[string]string{"billing/a.md": "+++\ntitle = \"A\"\n\nweight = \"heavy\"\n+++\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 4, "weight", "must be a whole number, not a string"}},
			skipped: "billing/a.md",
		},
		{
			name:    "TOML: never closed",
			files:   map[string]string{"billing/a.md": "+++\ntitle = \"A\"\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 1, "", "opened with +++ on line 1 is never closed: write a line +++ after the last field"}},
			skipped: "billing/a.md",
		},
		{
			name:    "YAML: never closed, then the body after a blank line",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\ntags: [a]\n\nBody text.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 1, "", "opened with --- on line 1 is never closed: write a line --- where the fields end (line 4, the first blank line, likely)"}},
			skipped: "billing/a.md",
		},
		{
			// "----" opens no front matter: a thematic break was read and
			// only the missing title said (a newcomer, rv20d).
			name:    "YAML: four dashes",
			files:   map[string]string{"billing/a.md": "----\ntitle: A\n----\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 1, "", "front matter opens with a line of exactly three dashes, line 1 has 4: write ---"}},
			skipped: "billing/a.md",
		},
		{
			// Closed with four dashes: "never closed: write a line ---"
			// where a line of dashes stands (a newcomer, rv20h).
			name:    "YAML: closed with four dashes",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\n----\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 1, "", "front matter opened with --- on line 1 must end at a line of exactly three dashes, line 3 has 4: write ---"}},
			skipped: "billing/a.md",
		},
		{
			name:  "no title: the first heading is the title",
			files: map[string]string{"billing/a.md": "---\ntags: [x]\n---\n# Just a body\n\nText.\n"},
			want:  []want{{site.SeverityWarning, "billing/a.md", 1, "title", `the first heading, "Just a body", is the title`}},
			kept:  "billing/a.md",
		},
		{
			name:    "bad YAML",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\nweight: 2\n  tags: 3\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 4, "", "front matter: this line is indented, so YAML reads it as the rest of `weight: 2` above it. Fix: remove the 2 spaces"}},
			skipped: "billing/a.md",
		},
		{
			name:    "a list never closed on the front matter's last line",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\ntags: [a, b,\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "", "front matter: the list opened with [ here is never closed. Fix: add ] at the end: tags: [a, b]"}},
			skipped: "billing/a.md",
		},
		{
			name:    "front matter not closed",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 1, "", "never closed"}},
			skipped: "billing/a.md",
		},
		{
			name:    "wrong type: weight",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\nweight: heavy\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "weight", "must be a whole number, not a string: write a number without quotes, like 10"}},
			skipped: "billing/a.md",
		},
		{
			name:  "a fractional weight is the nearest whole number",
			files: map[string]string{"billing/a.md": "---\ntitle: A\nweight: 2.5\n---\nBody.\n"},
			want:  []want{{site.SeverityWarning, "billing/a.md", 3, "weight", "weight 2.5 is read as 3: pages are ordered by whole numbers"}},
			kept:  "billing/a.md",
		},
		{
			name:    "wrong type: title list",
			files:   map[string]string{"billing/a.md": "---\ntitle: [a, b]\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 2, "title", "must be a string, not a list"}},
			skipped: "billing/a.md",
		},
		{
			name:    "wrong type: draft",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\n\ndraft: maybe\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 4, "draft", "must be true or false"}},
			skipped: "billing/a.md",
		},
		{
			name:    "wrong type: faq",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\nfaq: sometimes\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "faq", "true, false or pinned"}},
			skipped: "billing/a.md",
		},
		{
			name:    "wrong type: tags mapping",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\ntags:\n  a: b\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "tags", "must be a list of strings, not a mapping"}},
			skipped: "billing/a.md",
		},
		{
			name:    "wrong type: nested list item",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\nkeywords:\n  - ok\n  - [no]\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 5, "keywords", "found a list"}},
			skipped: "billing/a.md",
		},
		{
			name:    "bad date",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\npublish_at: next tuesday\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "publish_at", `"next tuesday" is not a date: write year-month-day, like 2026-09-14, 2026-09-14 09:30 or 2026-09-14T09:30:00Z (the article is not published until this is fixed)`}},
			skipped: "billing/a.md",
		},
		{
			name:    "field set twice",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\ntitle: B\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "title", "set twice (first on line 2)"}},
			skipped: "billing/a.md",
		},
		{
			name:    "slug with a query",
			files:   map[string]string{"billing/a.md": "---\ntitle: A\nslug: a?b\n---\nBody.\n"},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "slug", "one URL segment"}},
			skipped: "billing/a.md",
		},
		{
			name:  "slug as a path (Docusaurus)",
			files: map[string]string{"billing/a.md": "---\ntitle: A\nslug: /guides/a-b\n---\nBody.\n"},
			want:  []want{{site.SeverityWarning, "billing/a.md", 3, "slug", `its last segment "a-b" is used`}},
			kept:  "billing/a.md",
		},
		{
			name: "other tools' fields",
			files: map[string]string{"billing/a.md": "---\ntitle: A\nlastmod: 2024-05-01\ndate: 2024-01-01\nms.date: not a date\nsidebar_position: 3\n---\nBody.\n",
				"billing/b.md": "---\ntitle: B\nms.date: sometime\n---\nBody.\n"},
			want: []want{{site.SeverityWarning, "billing/b.md", 3, "updated", "field `ms.date`: \"sometime\" is not a date"}},
			kept: "billing/b.md",
		},
		{
			name: "duplicate id",
			files: map[string]string{
				"billing/a.md": "---\ntitle: A\nid: same\n---\nBody.\n",
				"billing/b.md": "---\ntitle: B\nid: same\n---\nBody.\n",
			},
			want:    []want{{site.SeverityError, "billing/b.md", 3, "id", `duplicate id "same" in locale en: already used by billing/a.md; this article is skipped (give it another id, or remove its ` + "`id`" + ` line`}},
			skipped: "billing/b.md",
			kept:    "billing/a.md",
		},
		{
			// The file that sets the id loses it, though its path comes
			// first: the article that had it by its path keeps serving.
			name: "id of another file's path",
			files: map[string]string{
				"battery/dup.md":          "---\ntitle: Dup\nid: battery/not-charging\n---\nBody.\n",
				"battery/not-charging.md": "---\ntitle: Not charging\n---\nBody.\n",
			},
			want:    []want{{site.SeverityError, "battery/dup.md", 3, "id", `duplicate id "battery/not-charging" in locale en: it is the id of battery/not-charging.md, by its path`}},
			skipped: "battery/dup.md",
			kept:    "battery/not-charging.md",
		},
		{
			// Hugo's translationKey is read as the id: the error names the
			// field the writer wrote, not `id`, which the file has not.
			name: "duplicate translationKey",
			files: map[string]string{
				"fields/draw.md":  "+++\ntitle = \"Draw\"\ntranslationKey = \"fields\"\n+++\nBody.\n",
				"fields/share.md": "---\ntitle: Share\n\ntranslationKey: fields\n---\nBody.\n",
				"fields/trace.md": "---\ntitle: Trace\ntranslationKey: fields/plain\n---\nBody.\n",
				"fields/plain.md": "---\ntitle: Plain\n---\nBody.\n",
			},
			want: []want{
				{site.SeverityError, "fields/share.md", 4, "translationKey", `duplicate id "fields" (from ` + "`translationKey`" + `, which Guichet reads as the article's id) in locale en: already used by fields/draw.md; this article is skipped (give it another ` + "`translationKey`, or remove its `translationKey` line"},
				{site.SeverityError, "fields/trace.md", 3, "translationKey", `duplicate id "fields/plain" (from ` + "`translationKey`" + `, which Guichet reads as the article's id) in locale en: it is the id of fields/plain.md, by its path; this article is skipped (choose another ` + "`translationKey`)"},
			},
			skipped: "fields/share.md",
			kept:    "fields/draw.md",
		},
		{
			name: "duplicate URL through slug",
			files: map[string]string{
				"billing/a.md": "---\ntitle: A\n---\nBody.\n",
				"billing/b.md": "---\ntitle: B\n\nslug: a\n---\nBody.\n",
			},
			want:    []want{{site.SeverityError, "billing/b.md", 4, "slug", "duplicate URL /billing/a: already used by billing/a.md; this article is skipped (give it another `slug`, or rename the file)"}},
			skipped: "billing/b.md",
			kept:    "billing/a.md",
		},
		{
			// The file whose name gives the URL keeps it over an earlier
			// one that sets it as its slug, as for ids: borrar.md's
			// `slug: importar` took /campos/importar from importar.md,
			// which was skipped with an error at its line 1.
			name: "duplicate URL through slug, the URL of a later file by its name",
			files: map[string]string{
				"billing/a.md": "---\ntitle: A\nslug: c\n---\nBody.\n",
				"billing/c.md": "---\ntitle: C\n---\nBody.\n",
			},
			want:    []want{{site.SeverityError, "billing/a.md", 3, "slug", "duplicate URL /billing/c: it is the URL of billing/c.md, by its file name; this article is skipped (give it another `slug`)"}},
			skipped: "billing/a.md",
			kept:    "billing/c.md",
		},
		{
			// Hugo's JSON front matter was reported as a missing title,
			// which says neither why nor how to fix it.
			name: "JSON front matter",
			files: map[string]string{
				"billing/a.md": "{\n  \"title\": \"A\",\n  \"weight\": 2\n}\n\nBody.\n",
				"billing/b.md": "{{< note >}}\nNot front matter.\n{{< /note >}}\n",
			},
			want:    []want{{site.SeverityError, "billing/a.md", 1, "", "front matter in JSON is not supported: convert it to YAML between --- lines"}},
			skipped: "billing/a.md",
		},
		{
			name: "a folder named like the site's own pages",
			files: map[string]string{
				"Admin/a.md":   "---\ntitle: A\n---\nBody.\n",
				"billing/b.md": "---\ntitle: B\n---\nBody.\n",
			},
			want: []want{{site.SeverityError, "Admin", 0, "", "folder Admin has the URL /admin/, which the site uses for its own pages"}},
			kept: "billing/b.md",
		},
		{
			name:  "unknown fields are warnings with a suggestion",
			files: map[string]string{"billing/a.md": "---\ntitle: A\ntitel: typo\nTags: [x]\nkeyword: y\nms.topic: troubleshooting\nauthor: someone\n---\nBody.\n"},
			want: []want{
				{site.SeverityWarning, "billing/a.md", 3, "titel", "unknown field `titel`: did you mean `title`?"},
				{site.SeverityWarning, "billing/a.md", 4, "Tags", "did you mean `tags`?"},
				{site.SeverityWarning, "billing/a.md", 5, "keyword", "did you mean `keywords`?"},
				{site.SeverityWarning, "billing/a.md", 6, "ms.topic", "unknown field `ms.topic`: kept in the article's data; remove it, or list it in check.ignore_fields in guichet.yaml"},
				{site.SeverityWarning, "billing/a.md", 7, "author", "unknown field `author`: kept in the article's data; remove it, or list it in check.ignore_fields in guichet.yaml"},
			},
			kept: "billing/a.md",
		},
		{
			name: "broken links and images are reported, the article kept",
			files: map[string]string{
				"billing/a.md": "---\ntitle: A\n---\nSee [gone](missing.md).\n\nAnd [fees](b.md#nope), [ok](b.md#fees).\n\n![shot](img/none.png)\n\n[out](../../x.md)\n",
				"billing/b.md": "---\ntitle: B\n---\n## Fees\n",
			},
			want: []want{
				{site.SeverityError, "billing/a.md", 4, "", `broken link "missing.md": billing/missing.md does not exist`},
				{site.SeverityError, "billing/a.md", 6, "", `broken link "b.md#nope": billing/b.md has no heading #nope`},
				{site.SeverityError, "billing/a.md", 8, "", `image "img/none.png" not found`},
				{site.SeverityError, "billing/a.md", 10, "", "outside the content folder"},
			},
			kept: "billing/a.md",
		},
		{
			name:  "a title of 5,000 characters is a warning",
			files: map[string]string{"billing/a.md": "---\ntitle: " + strings.Repeat("Long ", 1000) + "\n---\nBody.\n"},
			want:  []want{{site.SeverityWarning, "billing/a.md", 2, "title", "the title is 4999 characters long"}},
			kept:  "billing/a.md",
		},
		{
			name: "images outside the folder or of no picture type are reported whatever their name",
			files: map[string]string{
				"billing/a.md": "---\ntitle: A\n---\n![p](../../../../etc/passwd)\n\n![y](/../../guichet.yaml)\n\n![doc](files/manual.pdf)\n",
			},
			want: []want{
				{site.SeverityError, "billing/a.md", 4, "", `image "../../../../etc/passwd" points outside the content folder`},
				{site.SeverityError, "billing/a.md", 6, "", `image "/../../guichet.yaml" points outside the content folder`},
				{site.SeverityWarning, "billing/a.md", 8, "", `image "files/manual.pdf" is not a picture Guichet serves`},
			},
			kept: "billing/a.md",
		},
		{
			name: "link to an article that failed to load",
			files: map[string]string{
				"billing/a.md": "---\ntitle: A\n---\nSee [b](b.md).\n",
				"billing/b.md": "---\nweight: 1\n---\n",
			},
			want: []want{{site.SeverityError, "billing/a.md", 4, "", "billing/b.md is not a published article"}},
			kept: "billing/a.md",
		},
		{
			name:  "markdown at the root is ignored",
			files: map[string]string{"faq.md": refund, "README.md": "# Docs\n", "_index.md": "---\ntitle: Home\n---\n", "billing/a.md": refund},
			want:  []want{{site.SeverityWarning, "faq.md", 0, "", "ignored: articles must live in a category folder; move it into one (general/faq.md, say) to publish it"}},
			kept:  "billing/a.md",
		},
		{
			name:  "bad guichet.yaml",
			files: map[string]string{"guichet.yaml": "title: Acme\ntheme: x\n  locales: [en]\n", "billing/a.md": refund},
			want:  []want{{site.SeverityError, "guichet.yaml", 3, "", "this line is indented"}},
			kept:  "billing/a.md",
		},
		{
			name:  "guichet.yaml unknown key and bad type",
			files: map[string]string{"guichet.yaml": "title: Acme\ntitel: x\nallow_html: sure\n", "billing/a.md": refund},
			want: []want{
				{site.SeverityWarning, "guichet.yaml", 2, "titel", "did you mean `title`?"},
				{site.SeverityError, "guichet.yaml", 3, "allow_html", "allow_html"},
			},
			kept: "billing/a.md",
		},
		{
			name:  "_index.md with a bad weight keeps the folder",
			files: map[string]string{"billing/_index.md": "---\ntitle: Billing\nweight: first\ntags: [x]\n---\n", "billing/a.md": refund},
			want: []want{
				{site.SeverityError, "billing/_index.md", 3, "weight", "whole number"},
				{site.SeverityWarning, "billing/_index.md", 4, "tags", "not used on a category page"},
			},
			kept: "billing/a.md",
		},
		{
			name: "an old URL redirected twice",
			files: map[string]string{"redirects.yaml": "- from: /old\n  to: /billing/a\n- from: /other\n  to: /billing/a\n- from: /old\n  to: \"\"\n",
				"billing/a.md": refund},
			want: []want{{site.SeverityWarning, "redirects.yaml", 5, "", "/old is already redirected on line 1: this rule is ignored"}},
			kept: "billing/a.md",
		},
		{
			name:  "redirects.yaml of the wrong shape",
			files: map[string]string{"redirects.yaml": "just a string\n", "billing/a.md": refund},
			want:  []want{{site.SeverityError, "redirects.yaml", 1, "", "must be a list"}},
			kept:  "billing/a.md",
		},
		{
			name:  "synonyms.yaml with a bad locale",
			files: map[string]string{"synonyms.yaml": "english: [[a, b]]\n", "billing/a.md": refund},
			want:  []want{{site.SeverityError, "synonyms.yaml", 1, "english", "not a locale code"}},
			kept:  "billing/a.md",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := load(t, tt.files)
			for _, w := range tt.want {
				if !findProblem(lib, w) {
					t.Errorf("missing problem %+v\ngot:", w)
					for _, p := range lib.Problems {
						t.Errorf("  %s [field %s]", p, p.Field)
					}
				}
			}
			if tt.skipped != "" && hasArticle(lib, tt.skipped) {
				t.Errorf("%s loaded, want it skipped", tt.skipped)
			}
			if tt.kept != "" && !hasArticle(lib, tt.kept) {
				t.Errorf("%s not loaded", tt.kept)
			}
		})
	}
}

// TestTypoOfAnIgnoredField: a misspelling of a field listed in
// check.ignore_fields (`appiesto` beside `appliesto`, in the Microsoft
// corpus) is flagged as such. Once the writer had pasted the list check
// suggested, the typo lost its "did you mean" and check suggested
// ignoring it too, silencing it for good.
func TestTypoOfAnIgnoredField(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":     "check:\n  ignore_fields: [appliesto, ROBOTS, \"ms.*\"]\n",
		"office/a.md":      "---\ntitle: A\nappliesto: [Word]\nms.topic: article\n---\nBody.\n",
		"office/typo.md":   "---\ntitle: Typo\nappiesto: [Sway]\nrobot: noindex\nms.topc: article\n---\nBody.\n",
		"office/_index.md": "---\ntitle: Office\napliesto: [Word]\n---\n",
	})
	for _, w := range []want{
		{site.SeverityWarning, "office/typo.md", 3, "appiesto", "unknown field `appiesto`: did you mean `appliesto`? (kept in the article's data meanwhile)"},
		{site.SeverityWarning, "office/typo.md", 4, "robot", "unknown field `robot`: did you mean `ROBOTS`?"},
		{site.SeverityWarning, "office/_index.md", 3, "apliesto", "unknown field `apliesto`: did you mean `appliesto`?"},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
	for _, p := range lib.Problems {
		if p.File == "office/a.md" || p.Field == "ms.topc" {
			t.Errorf("unexpected %v", p)
		}
	}
}

// TestLongDescription: a description longer than search engines show
// under a result (about 160 characters) is a warning naming the file, the
// field as written and its length, counted as shown (Markdown left out,
// characters not bytes); the article serves. It was not checked.
func TestLongDescription(t *testing.T) {
	long := strings.Repeat("Refunds take five days. ", 7) // 167 characters, as shown (the last space trimmed)
	lib := load(t, map[string]string{
		"billing/_index.md":   "---\ntitle: Billing\ndescription: " + long + "\n---\n",
		"billing/refund.md":   "---\ntitle: Refund\n\ndescription: " + long + "\n---\nBody.\n",
		"billing/hugo.md":     "+++\ntitle = \"Hugo\"\nsummary = \"" + long + "\"\n+++\nBody.\n",
		"billing/fits.md":     "---\ntitle: Fits\ndescription: " + strings.Repeat("é", 160) + "\n---\nBody.\n",
		"billing/markdown.md": "---\ntitle: Markdown\ndescription: \"" + strings.Repeat("**a** ", 30) + "[b](https://example.com/a/very/long/address/that/is/not/shown)\"\n---\nBody.\n",
	})
	for _, w := range []want{
		{site.SeverityWarning, "billing/refund.md", 4, "description", "field `description` is 167 characters long: search engines show about 160 under a result and cut the rest"},
		{site.SeverityWarning, "billing/_index.md", 3, "description", "field `description` is 167 characters long"},
		{site.SeverityWarning, "billing/hugo.md", 3, "summary", "field `summary` is 167 characters long"},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no %+v in %v", w, lib.Problems)
		}
	}
	for _, p := range lib.Problems {
		if p.File == "billing/fits.md" || p.File == "billing/markdown.md" {
			t.Errorf("reported: %v", p)
		}
	}
	if !hasArticle(lib, "billing/refund.md") {
		t.Error("the article is not served")
	}
}
