package content

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestFrontMatterValues: what each front-matter value becomes on the
// article, in the forms writers (and other tools) write them, without a
// problem.
func TestFrontMatterValues(t *testing.T) {
	utc := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for _, c := range []struct {
		name  string
		file  string
		check func(a *site.Article) string // "" when right
	}{
		{"Windows line endings", "---\r\ntitle: Refunds\r\ntags: [billing, money]\r\n---\r\nBody.\r\n",
			func(a *site.Article) string {
				if a.Title != "Refunds" || strings.Join(a.Tags, ",") != "billing,money" {
					return fmt.Sprintf("title %q tags %q", a.Title, a.Tags)
				}
				return ""
			}},
		{"byte-order mark", "\ufeff---\ntitle: Refunds\n---\nBody.\n",
			func(a *site.Article) string {
				if a.Title != "Refunds" {
					return fmt.Sprintf("title %q", a.Title)
				}
				return ""
			}},
		{"publish_at as a date", "---\ntitle: T\npublish_at: 2026-03-05\n---\nB.\n",
			func(a *site.Article) string {
				if !a.PublishAt.Equal(utc("2026-03-05T00:00:00Z")) {
					return fmt.Sprint(a.PublishAt)
				}
				return ""
			}},
		{"publish_at with a zone", "---\ntitle: T\npublish_at: 2026-03-05T14:22:00+02:00\n---\nB.\n",
			func(a *site.Article) string {
				if !a.PublishAt.Equal(utc("2026-03-05T12:22:00Z")) {
					return fmt.Sprint(a.PublishAt)
				}
				return ""
			}},
		{"publish_at quoted, without seconds", "---\ntitle: T\npublish_at: \"2026-03-05 14:22\"\n---\nB.\n",
			func(a *site.Article) string {
				if !a.PublishAt.Equal(utc("2026-03-05T14:22:00Z")) {
					return fmt.Sprint(a.PublishAt)
				}
				return ""
			}},
		{"Hugo names", "---\ntitle: T\npublishDate: 2026-04-01\nlastmod: 2026-02-01\nsummary: Short.\nnav_order: 4\n---\nB.\n",
			func(a *site.Article) string {
				if !a.PublishAt.Equal(utc("2026-04-01T00:00:00Z")) || !a.Updated.Equal(utc("2026-02-01T00:00:00Z")) ||
					a.Description != "Short." || a.Weight != 4 {
					return fmt.Sprintf("publish %v updated %v description %q weight %d", a.PublishAt, a.Updated, a.Description, a.Weight)
				}
				return ""
			}},
		{"Microsoft Docs date, month first", "---\ntitle: T\nms.date: 03/05/2026\n---\nB.\n",
			func(a *site.Article) string {
				if !a.Updated.Equal(utc("2026-03-05T00:00:00Z")) {
					return fmt.Sprint(a.Updated)
				}
				return ""
			}},
		{"Guichet's name wins over another tool's", "---\ntitle: T\ndescription: Ours.\nsummary: Theirs.\nweight: 1\nsidebar_position: 9\n---\nB.\n",
			func(a *site.Article) string {
				if a.Description != "Ours." || a.Weight != 1 {
					return fmt.Sprintf("description %q weight %d", a.Description, a.Weight)
				}
				return ""
			}},
		{"one tag as a string", "---\ntitle: T\ntags: billing\nkeywords: money back\n---\nB.\n",
			func(a *site.Article) string {
				if strings.Join(a.Tags, "|") != "billing" || strings.Join(a.Keywords, "|") != "money back" {
					return fmt.Sprintf("tags %q keywords %q", a.Tags, a.Keywords)
				}
				return ""
			}},
		{"aliases become site paths", "---\ntitle: T\naliases: [old/refund, /older/refund/, \"  \", \"https://old.example.com/help/a\"]\n---\nB.\n",
			func(a *site.Article) string {
				// "old/refund" is relative to the article's folder, as
				// Hugo reads it (billing/a.md: /billing/old/refund).
				if strings.Join(a.Aliases, "|") != "/billing/old/refund|/older/refund/|/help/a" {
					return fmt.Sprintf("aliases %q", a.Aliases)
				}
				return ""
			}},
		{"pinned in the FAQ, negative weight, explicit draft false", "---\ntitle: T\nfaq: pinned\nweight: -3\ndraft: false\n---\nB.\n",
			func(a *site.Article) string {
				if a.FAQ != site.FAQPinned || a.Weight != -3 || a.Draft {
					return fmt.Sprintf("faq %q weight %d draft %v", a.FAQ, a.Weight, a.Draft)
				}
				return ""
			}},
		// An empty description is taken from the body, as a missing one.
		{"empty values are unset", "---\ntitle: T\ndescription:\ntags:\nupdated:\ndraft:\n---\nFirst sentence.\n",
			func(a *site.Article) string {
				if a.Description != "First sentence." || len(a.Tags) != 0 || a.Draft {
					return fmt.Sprintf("description %q tags %q draft %v", a.Description, a.Tags, a.Draft)
				}
				return ""
			}},
		{"contexts, ticket tags and search tests", "---\ntitle: T\ncontexts: [settings.billing, /orders/*]\nticket_tags: [refund]\nsearch_tests: [\"money back\"]\n---\nB.\n",
			func(a *site.Article) string {
				if strings.Join(a.Contexts, "|") != "settings.billing|/orders/*" || strings.Join(a.TicketTags, "|") != "refund" ||
					strings.Join(a.SearchTests, "|") != "money back" {
					return fmt.Sprintf("contexts %q ticket tags %q search tests %q", a.Contexts, a.TicketTags, a.SearchTests)
				}
				return ""
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			lib := load(t, map[string]string{"billing/a.md": c.file})
			for _, p := range lib.Problems {
				if p.File == "billing/a.md" {
					t.Errorf("problem: %s", p)
				}
			}
			if msg := c.check(article(t, lib, "billing/a.md")); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestFrontMatterErrorsNameTheLine: a bad value is reported at its own
// line of the file, counted from the first line of the file (the ---),
// whatever comes before it in the front matter.
func TestFrontMatterErrorsNameTheLine(t *testing.T) {
	for _, c := range []struct {
		name, file string
		line       int
		field      string
	}{
		{"weight on line 4", "---\ntitle: T\ndescription: D\nweight: heavy\n---\nB.\n", 4, "weight"},
		{"after a block scalar", "---\ntitle: T\ndescription: |\n  one\n  two\n  three\ndraft: maybe\n---\nB.\n", 7, "draft"},
		{"after a comment and a blank line", "---\n# a comment\n\ntitle: T\npublish_at: next week\n---\nB.\n", 5, "publish_at"},
		{"with Windows line endings", "---\r\ntitle: T\r\nfaq: sometimes\r\n---\r\nB.\r\n", 3, "faq"},
		{"after a byte-order mark", "\ufeff---\ntitle: T\nweight: [1]\n---\nB.\n", 3, "weight"},
	} {
		t.Run(c.name, func(t *testing.T) {
			lib := load(t, map[string]string{"billing/a.md": c.file})
			found := false
			for _, p := range lib.Problems {
				if p.File == "billing/a.md" && p.Field == c.field {
					found = true
					if p.Line != c.line || p.Severity != site.SeverityError {
						t.Errorf("%s at line %d (%s), want an error at line %d", c.field, p.Line, p, c.line)
					}
				}
			}
			if !found {
				t.Errorf("no problem about %s: %v", c.field, lib.Problems)
			}
		})
	}
}
