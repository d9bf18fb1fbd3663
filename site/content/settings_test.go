package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestConfigValues: each key of guichet.yaml is read alone, so one bad
// value keeps its default, is reported at its line, and the others stand.
func TestConfigValues(t *testing.T) {
	for _, c := range []struct {
		name, yaml string
		check      func(site.Config) string // "" when the config is right
		problems   []string
		broken     bool
	}{
		{"every key", "title: Acme Help\ndescription: Answers\nbase_url: https://help.acme.test/\ndefault_locale: fr\nlocales: [fr, en, pt-BR]\n" +
			"theme: dark\ncontact_url: mailto:help@acme.test\nbrand_color: \"#0b5cad\"\nallow_html: true\ncheck:\n  ignore_fields: [author]\n",
			func(c site.Config) string {
				if c.Title != "Acme Help" || c.Description != "Answers" || c.BaseURL != "https://help.acme.test" || !c.BaseURLSet ||
					c.DefaultLocale != "fr" || strings.Join(c.Locales, ",") != "fr,en,pt-BR" || c.Theme != "dark" ||
					c.ContactURL != "mailto:help@acme.test" || c.BrandColor != "#0b5cad" || !c.AllowHTML ||
					strings.Join(c.Check.IgnoreFields, ",") != "author" {
					return fmt.Sprintf("%+v", c)
				}
				return ""
			}, nil, false},
		{"blank title and base URL take defaults", "title: \"  \"\nbase_url: \"\"\n",
			func(c site.Config) string {
				if c.Title != defaultTitle || c.BaseURL != defaultBaseURL || c.BaseURLSet {
					return fmt.Sprintf("title %q base %q set %v", c.Title, c.BaseURL, c.BaseURLSet)
				}
				return ""
			}, nil, false},
		// Without base_url, the URL the server listens on is used (see
		// publish.Reload): the default must not count as written.
		{"no base_url", "title: Acme\n",
			func(c site.Config) string {
				if c.BaseURL != defaultBaseURL || c.BaseURLSet {
					return fmt.Sprintf("base %q set %v", c.BaseURL, c.BaseURLSet)
				}
				return ""
			}, nil, false},
		{"wrong type keeps the others", "title: [not, text]\ndescription: Still read\nallow_html: maybe\n",
			func(c site.Config) string {
				if c.Title != defaultTitle || c.Description != "Still read" || c.AllowHTML {
					return fmt.Sprintf("%+v", c)
				}
				return ""
			}, []string{"guichet.yaml:1: error: title:", "guichet.yaml:3: error: allow_html:"}, true},
		{"bad URLs", "title: X\nbase_url: help.acme.test\ncontact_url: javascript:alert(1)\n",
			func(c site.Config) string {
				if c.BaseURL != defaultBaseURL || c.BaseURLSet || c.ContactURL != "" {
					return fmt.Sprintf("base %q contact %q", c.BaseURL, c.ContactURL)
				}
				return ""
			}, []string{"guichet.yaml:2: error: base_url", "guichet.yaml:3: error: contact_url"}, true},
		{"bad locales", "default_locale: English\nlocales: [en, \"fr FR\", de]\n",
			func(c site.Config) string {
				if c.DefaultLocale != defaultLocale || strings.Join(c.Locales, ",") != "en,de" {
					return fmt.Sprintf("default %q locales %v", c.DefaultLocale, c.Locales)
				}
				return ""
			}, []string{`guichet.yaml:1: error: default_locale "English" is not a locale code`, `guichet.yaml:2: error: locale "fr FR" is not a locale code`}, true},
		{"unknown keys are warnings", "title: X\ncolour: red\nwidget:\n  origins: [x]\n",
			func(c site.Config) string { return "" },
			[]string{"guichet.yaml:2: warning:", "colour", "guichet.yaml:4: warning:", "widget.origins"}, false},
		{"unreadable widget fails closed", "widget: [https://app.example.com]\n",
			func(c site.Config) string {
				if !c.Widget.Invalid || c.Widget.Allows("https://app.example.com") {
					return fmt.Sprintf("widget %+v", c.Widget)
				}
				return ""
			}, []string{"guichet.yaml:1: error: widget:"}, true},
		{"YAML that does not parse", "title: X\n  bad: indent\n",
			func(c site.Config) string {
				if !c.Broken || !c.Widget.Invalid || c.Title != defaultTitle {
					return fmt.Sprintf("%+v", c)
				}
				return ""
			}, []string{"guichet.yaml:"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, probs := parseConfig([]byte(c.yaml))
			if msg := c.check(cfg); msg != "" {
				t.Errorf("config: %s", msg)
			}
			if cfg.Broken != c.broken {
				t.Errorf("Broken = %v, want %v", cfg.Broken, c.broken)
			}
			all := ""
			for _, p := range probs {
				all += p.String() + "\n"
			}
			for _, w := range c.problems {
				if !strings.Contains(all, w) {
					t.Errorf("problems lack %q:\n%s", w, all)
				}
			}
			if len(c.problems) == 0 && len(probs) > 0 {
				t.Errorf("unexpected problems:\n%s", all)
			}
		})
	}
}

func TestParseSynonyms(t *testing.T) {
	in := "en:\n  - [Refund, money back, \" reimbursement \"]\n  - \"invoice, bill\"\n  - [alone]\n  - [\"\", x]\nfr: [[remboursement, rembourser]]\nEnglish:\n  - [a, b]\nde: nope\n"
	got, probs := parseSynonyms([]byte(in))
	if fmt.Sprint(got["en"]) != "[[refund money back reimbursement] [invoice bill]]" {
		t.Errorf("en = %q", got["en"])
	}
	if fmt.Sprint(got["fr"]) != "[[remboursement rembourser]]" {
		t.Errorf("fr = %q", got["fr"])
	}
	if _, ok := got["English"]; ok {
		t.Error("a key that is no locale code was kept")
	}
	wantProblems(t, "synonyms", probs, []string{
		"synonyms.yaml:4: warning: a synonym group needs at least two terms",
		"synonyms.yaml:5: warning: a synonym group needs at least two terms",
		`synonyms.yaml:7: error: "English" is not a locale code`,
		"synonyms.yaml:9: error: synonyms for de must be a list of groups",
	})
	if got, probs := parseSynonyms([]byte("en: [[a, b]\n")); len(got) != 0 || len(probs) != 1 || probs[0].Severity != site.SeverityError {
		t.Errorf("broken YAML: %v %v", got, probs)
	}
}

func TestParseRedirects(t *testing.T) {
	for _, c := range []struct {
		name, yaml string
		want       []string // "from → to @line"
		problems   []string
	}{
		{"mapping", "/old: /new\nold-two: billing/card\n/gone-one: gone\n/gone-two: GONE\n/gone-three:\n/out: https://example.com/x\n",
			[]string{"/old → /new @1", "/old-two → /billing/card @2", "/gone-one →  @3", "/gone-two →  @4", "/gone-three →  @5", "/out → https://example.com/x @6"}, nil},
		{"list", "- from: /a\n  to: /b\n- from: /c\n  to: gone\n",
			[]string{"/a → /b @1", "/c →  @3"}, nil},
		{"empty", "", nil, nil},
		{"null", "~\n", nil, nil},
		{"bad entries", "- from: /a\n  to: /b\n- just text\n- from: \"\"\n  to: /x\n- from: /q?x=1\n  to: /y\n- from: /z\n  to: \"ftp://files.example.com\"\n",
			[]string{"/a → /b @1"},
			[]string{"redirects.yaml:3: error: each redirect must be a mapping", "redirects.yaml:4: error: redirect without a from path",
				`redirects.yaml:6: error: redirect from "/q?x=1"`, "redirects.yaml:8: error: redirect from /z"}},
		{"nested target", "/a:\n  to: /b\n", nil, []string{"redirects.yaml:1: error: redirect target must be a path, a URL or gone"}},
		{"wrong shape", "42\n", nil, []string{"redirects.yaml:1: error: redirects.yaml must be a list"}},
		{"broken YAML", "/a: [\n", nil, []string{"redirects.yaml"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rs, lines, probs := parseRedirects([]byte(c.yaml))
			if len(rs) != len(lines) {
				t.Fatalf("%d redirects, %d lines", len(rs), len(lines))
			}
			var got []string
			for i, r := range rs {
				got = append(got, fmt.Sprintf("%s → %s @%d", r.From, r.To, lines[i]))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("redirects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if len(probs) != len(c.problems) {
				t.Errorf("problems %v, want %q", probs, c.problems)
				return
			}
			for i, w := range c.problems {
				if !strings.Contains(probs[i].String(), w) {
					t.Errorf("problem %d = %q, want %q", i, probs[i], w)
				}
			}
		})
	}
}

// TestSynonymsOfARegionalLocale: synonyms written under fr_FR or de-DE on
// a site whose locales are fr and de were never read by search (it reads
// the synonyms of its own locales); they now go to the locale those
// readers get, with a warning to write them there, and those of a locale
// no site locale serves are named as unused.
func TestSynonymsOfARegionalLocale(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":  "locales: [en, de, fr]\n",
		"synonyms.yaml": "fr:\n  - [remboursement, rembourser]\nfr_FR:\n  - [forfait, abonnement]\nde-DE:\n  - [Stromspeicher, Akku]\nit:\n  - [batteria, pila]\n",
		"a.md":          "---\ntitle: A\n---\nText.\n",
	})
	if got := fmt.Sprint(lib.Synonyms["fr"]); got != "[[remboursement rembourser] [forfait abonnement]]" {
		t.Errorf("fr synonyms = %s", got)
	}
	if got := fmt.Sprint(lib.Synonyms["de"]); got != "[[stromspeicher akku]]" {
		t.Errorf("de synonyms = %s", got)
	}
	if len(lib.Synonyms) != 2 {
		t.Errorf("synonyms of locales the site does not have kept: %v", lib.Synonyms)
	}
	var probs []site.Problem
	for _, p := range lib.Problems {
		if p.File == "synonyms.yaml" {
			probs = append(probs, p)
		}
	}
	wantProblems(t, "synonyms", probs, []string{
		"synonyms.yaml:3: warning: synonyms for fr-FR are used for fr, the locale of this site its readers get (guichet.yaml has no locale fr-FR): write them under fr",
		"synonyms.yaml:5: warning: synonyms for de-DE are used for de, the locale of this site its readers get (guichet.yaml has no locale de-DE): write them under de",
		"synonyms.yaml:7: warning: synonyms for it are not used: it is not a locale of this site (en, de, fr); add it to locales in guichet.yaml, or write them under one of these",
	})
}
