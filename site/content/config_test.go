package content

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestConfigFAQ: the faq and tickets sections get their defaults, keep
// valid values, and report bad ones (line and key) while falling back.
func TestConfigFAQ(t *testing.T) {
	for _, c := range []struct {
		name, yaml string
		faq        site.FAQConfig
		conf       float64
		problems   []string // substrings, one per problem, in order
	}{
		{"defaults", "title: X\n", site.FAQConfig{Size: 10, Include: "all", WindowDays: 90, HalfLifeDays: 30}, 0.6, nil},
		{"set", "faq:\n  size: 5\n  include: marked\n  window_days: 30\n  half_life_days: 7\ntickets:\n  min_confidence: 0.8\n",
			site.FAQConfig{Size: 5, Include: "marked", WindowDays: 30, HalfLifeDays: 7}, 0.8, nil},
		{"out of range", "title: X\nfaq:\n  size: 500\n  include: some\n  window_days: -1\n  half_life_days: 400\ntickets:\n  min_confidence: 2\n",
			site.FAQConfig{Size: 10, Include: "all", WindowDays: 90, HalfLifeDays: 30}, 0.6,
			[]string{"guichet.yaml:2: error: faq.size 500 must be from 1 to 100", "faq.window_days -1 must be from 1 to 365",
				"faq.half_life_days 400", `faq.include "some" must be all or marked`, "guichet.yaml:7: error: tickets.min_confidence 2 must be from 0 to 1"}},
		{"wrong type", "title: X\nfaq:\n  include: marked\n  size: ten\n", site.FAQConfig{Size: 10, Include: "all", WindowDays: 90, HalfLifeDays: 30}, 0.6,
			[]string{"guichet.yaml:4: error: faq.size: expected a whole number, found text (ten)"}},
		{"unknown key", "faq:\n  sise: 3\n", site.FAQConfig{Size: 10, Include: "all", WindowDays: 90, HalfLifeDays: 30}, 0.6,
			[]string{`faq.sise`}},
	} {
		cfg, probs := parseConfig([]byte(c.yaml))
		if cfg.FAQ != c.faq || cfg.Tickets.MinConfidence != c.conf {
			t.Errorf("%s: %+v %v", c.name, cfg.FAQ, cfg.Tickets.MinConfidence)
		}
		wantProblems(t, c.name, probs, c.problems)
	}
}

// TestConfigWidget: allowed origins are normalised, bad ones and a bad
// brand colour reported with their line and dropped.
func TestConfigWidget(t *testing.T) {
	for _, c := range []struct {
		name, yaml string
		origins    []string
		color      string
		problems   []string
		invalid    bool
	}{
		{"own origin only by default", "title: X\n", nil, "", nil, false},
		{"normalised", "brand_color: \"#0F6B5C\"\nwidget:\n  allowed_origins: [\"HTTPS://App.Example.com/\", \"http://localhost:3000\", \"*\", \"https://app3.example.com:443\", \"http://APP4.example.com:80\", \"https://app.example.com\"]\n",
			[]string{"https://app.example.com", "http://localhost:3000", "*", "https://app3.example.com", "http://app4.example.com"}, "#0F6B5C", nil, false},
		{"bad", "title: X\nbrand_color: blue\nwidget:\n  allowed_origins: [\"app.example.com\", \"https://a.example/path\", \"ftp://x.example\", \"https://ok.example\", \"https://x.example:99999\"]\n",
			[]string{"https://ok.example"}, "",
			[]string{`guichet.yaml:2: error: brand_color "blue" must be a hex colour`, `guichet.yaml:4:21: error: origin "app.example.com" must look like https://app.example.com`,
				`origin "https://a.example/path"`, `origin "ftp://x.example"`, `origin "https://x.example:99999" has a bad port`}, true},
		{"bad entry in a block list: its own line", "title: X\nwidget:\n  allowed_origins:\n    - https://ok.example\n\n    - \"bad origin\"\n",
			[]string{"https://ok.example"}, "", []string{`guichet.yaml:6:7: error: origin "bad origin"`}, true},
	} {
		cfg, probs := parseConfig([]byte(c.yaml))
		if strings.Join(cfg.Widget.AllowedOrigins, " ") != strings.Join(c.origins, " ") || cfg.BrandColor != c.color {
			t.Errorf("%s: origins %q, colour %q", c.name, cfg.Widget.AllowedOrigins, cfg.BrandColor)
		}
		if cfg.Widget.Invalid != c.invalid {
			t.Errorf("%s: invalid %v", c.name, cfg.Widget.Invalid)
		}
		wantProblems(t, c.name, probs, c.problems)
	}
	// One bad entry fails closed: no other origin, never "any".
	cfg, _ := parseConfig([]byte("widget:\n  allowed_origins: [\"*\", \"https://ok.example\", \"https://ok.example/path\"]\n"))
	if cfg.Widget.AnyOrigin() || cfg.Widget.Allows("https://ok.example") || cfg.Widget.Allows("https://evil.example") {
		t.Error("a list with an invalid entry still allows other origins")
	}
}

// wantProblems checks that probs are, in order, problems containing each
// of want.
func wantProblems(t *testing.T, name string, probs []site.Problem, want []string) {
	t.Helper()
	if len(probs) != len(want) {
		t.Errorf("%s: problems %v, want %d", name, probs, len(want))
		return
	}
	for i, w := range want {
		if !strings.Contains(probs[i].String(), w) {
			t.Errorf("%s: problem %d is %q, want %q", name, i, probs[i], w)
		}
	}
}

// TestConfigLinksRoot: links.root names the site root-absolute links lead
// to when they match no page here; it must be an http or https address
// without query or fragment, and a bad one is reported at its line and
// dropped (such links then stay broken).
func TestConfigLinksRoot(t *testing.T) {
	for _, c := range []struct {
		name, yaml, root string
		problems         []string
	}{
		{"unset", "title: X\n", "", nil},
		{"set", "links:\n  root: https://learn.microsoft.com/en-us/\n", "https://learn.microsoft.com/en-us", nil},
		{"host only", "links: {root: \"http://docs.example.com\"}\n", "http://docs.example.com", nil},
		{"scheme", "title: X\nlinks:\n  root: ftp://docs.example.com\n", "",
			[]string{`guichet.yaml:2: error: links.root "ftp://docs.example.com" uses the scheme "ftp": only http, https are allowed`}},
		{"javascript", "links:\n  root: javascript:alert(1)\n", "", []string{`links.root "javascript:alert(1)"`}},
		{"no host", "links:\n  root: /docs\n", "", []string{`links.root "/docs" is not an absolute URL`}},
		{"query", "links:\n  root: https://docs.example.com/?lang=en\n", "",
			[]string{`links.root "https://docs.example.com/?lang=en" has a query or fragment`}},
		{"wrong type", "links:\n  root: [a, b]\n", "", []string{"guichet.yaml:2: error: links.root"}},
		{"unknown key", "links:\n  base: https://docs.example.com\n", "", []string{"links.base"}},
	} {
		cfg, probs := parseConfig([]byte(c.yaml))
		if cfg.Links.Root != c.root {
			t.Errorf("%s: root %q, want %q", c.name, cfg.Links.Root, c.root)
		}
		wantProblems(t, c.name, probs, c.problems)
		for _, p := range probs {
			if p.Severity == site.SeverityError && !strings.HasPrefix(p.Field, "links.") {
				t.Errorf("%s: field %q, want links.root", c.name, p.Field)
			}
		}
	}
}

// A guichet.yaml without title leaves the title unset, as no guichet.yaml
// does: pages and e-mails then name the site "Help Center" in their own
// language ("Central de ajuda", "Helpcentrum"). The English default was
// taken for the file's title, so a Portuguese help center's home said
// "Help Center", marked lang="pt-BR" on its Dutch pages, and its e-mails
// "Você pediu a Help Center…" (rv24a).
func TestConfigWithoutTitle(t *testing.T) {
	for _, yaml := range []string{"default_locale: pt-BR\nlocales: [pt-BR, nl]\n", "description: Bikes.\n", "title: \"  \"\n", "title:\n  nl: Pedala Helpcentrum\n"} {
		lib := load(t, map[string]string{"guichet.yaml": yaml, "conta/a.md": "---\ntitle: A\n---\nText.\n"})
		if c := lib.Config; c.TitleSet || c.Title != "Help Center" {
			t.Errorf("%q: title %q, set %v; want unset (the pages' own words), Help Center as the default", yaml, c.Title, c.TitleSet)
		}
	}
	lib := load(t, map[string]string{"guichet.yaml": "title: Pedala Help\n", "conta/a.md": "---\ntitle: A\n---\nText.\n"})
	if c := lib.Config; !c.TitleSet || c.Title != "Pedala Help" {
		t.Errorf("title %q, set %v; want Pedala Help, set", c.Title, c.TitleSet)
	}
}
