package content

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// redirectSite is a small help center the redirect cases point into.
func redirectSite(redirects string) map[string]string {
	return map[string]string{
		"billing/refund.md":   "---\ntitle: Refunds\naliases: [/old/refund-policy]\n---\nRefunds take five days.\n",
		"billing/card.md":     "---\ntitle: Change your card\n---\nOpen billing.\n",
		"billing/upcoming.md": "---\ntitle: Upcoming plans\ndraft: true\n---\nSoon.\n",
		"redirects.yaml":      redirects,
	}
}

func redirectProblems(lib *site.Library) []string {
	var out []string
	for _, p := range lib.Problems {
		if p.Kind == site.KindRedirect {
			out = append(out, fmt.Sprintf("%d %s %s", p.Line, p.Severity, p.Message))
		}
	}
	return out
}

// TestRedirectChecks: redirects.yaml is checked against the site and
// flattened, each problem naming its line in redirects.yaml.
func TestRedirectChecks(t *testing.T) {
	for _, c := range []struct {
		name      string
		redirects string
		want      []string // "from → to" served; "from → " for 410
		problems  []string // "line severity substring"
	}{
		{
			name:      "one hop",
			redirects: "/old-refund: /billing/refund\n",
			want:      []string{"/old-refund → /billing/refund"},
		},
		{
			name:      "chain flattened",
			redirects: "/a: /b\n/b: /c\n/c: /billing/card\n",
			want:      []string{"/a → /billing/card", "/b → /billing/card", "/c → /billing/card"},
			problems:  []string{"1 warning redirect chain /a → /b → /c → /billing/card: served as one hop to /billing/card; point /a there directly", "2 warning redirect chain /b → /c → /billing/card"},
		},
		{
			name:      "to an alias",
			redirects: "/legacy: /old/refund-policy\n",
			want:      []string{"/legacy → /billing/refund"},
			problems:  []string{"1 warning redirect chain /legacy → /old/refund-policy → /billing/refund"},
		},
		{
			name:      "chain to a gone page",
			redirects: "/a: /b\n/b: gone\n",
			want:      []string{"/a → ", "/b → "},
			problems:  []string{"1 warning redirect chain /a → /b: served as one hop to gone (410)"},
		},
		{
			name:      "self",
			redirects: "/loop: /loop/\n/ok: /billing/card\n",
			want:      []string{"/ok → /billing/card"},
			problems:  []string{"1 error /loop redirects to itself"},
		},
		{
			name:      "loop",
			redirects: "- from: /x\n  to: /y\n- from: /y\n  to: /x\n",
			want:      nil,
			problems:  []string{"1 error redirect loop /x → /y → /x", "3 error redirect loop /y → /x → /y"},
		},
		{
			name:      "to nothing",
			redirects: "/old: /billing/nope\n",
			want:      []string{"/old → /billing/nope"},
			problems:  []string{"1 error /old redirects to /billing/nope, which is no page of the site"},
		},
		{
			name:      "from a live page",
			redirects: "/billing/card: /billing/refund\n",
			want:      []string{"/billing/card → /billing/refund"},
			problems:  []string{"1 warning /billing/card is the article billing/card.md, so this redirect is never used"},
		},
		{
			name:      "from a category",
			redirects: "/billing/: /billing/refund\n",
			want:      []string{"/billing/ → /billing/refund"},
			problems:  []string{"1 warning /billing/ is the category billing"},
		},
		{
			name:      "to a draft",
			redirects: "/next: /billing/upcoming\n",
			want:      []string{"/next → /billing/upcoming"},
			problems:  []string{"1 warning /next redirects to billing/upcoming.md, a draft"},
		},
		{
			name:      "other capitals and a slash",
			redirects: "/old: /Billing/Refund/\n",
			want:      []string{"/old → /billing/refund"},
		},
		{
			name:      "fragment and query kept",
			redirects: "/fees: /billing/refund#fees\n/q: /search?q=refund\n",
			want:      []string{"/fees → /billing/refund#fees", "/q → /search?q=refund"},
		},
		{
			name:      "external",
			redirects: "/status: https://status.example.com/\n",
			want:      []string{"/status → https://status.example.com/"},
		},
		{
			name:      "bad from and bad to",
			redirects: "/ok: /billing/card\n/with?query: /billing/card\n/bad-to: javascript:alert(1)\n",
			want:      []string{"/ok → /billing/card"},
			problems:  []string{"2 error redirect from \"/with?query\"", "3 error redirect from /bad-to"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			lib := load(t, redirectSite(c.redirects))
			var got []string
			for _, r := range lib.Redirects {
				got = append(got, r.From+" → "+r.To)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("redirects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			probs := redirectProblems(lib)
			if len(probs) != len(c.problems) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(probs, "\n"), strings.Join(c.problems, "\n"))
				return
			}
			for i, w := range c.problems {
				if !strings.HasPrefix(probs[i], w) && !strings.Contains(probs[i], w) {
					t.Errorf("problem %d = %q, want %q", i, probs[i], w)
				}
			}
			for _, p := range lib.Problems {
				if p.Kind == site.KindRedirect && p.File != "redirects.yaml" {
					t.Errorf("a redirect problem names %q, not redirects.yaml", p.File)
				}
			}
		})
	}
}

// TestRedirectsSurviveLocales: in a second locale the home page, search
// and FAQ are live pages a redirect cannot take.
func TestRedirectsLivePagesOfLocales(t *testing.T) {
	files := redirectSite("/fr/faq: /billing/card\n/fr/: /billing/card\n/sitemap.xml: /billing/card\n")
	files["guichet.yaml"] = "default_locale: en\nlocales: [en, fr]\n"
	lib := load(t, files)
	probs := redirectProblems(lib)
	if len(probs) != 3 {
		t.Fatalf("problems %q, want one per live page", probs)
	}
	for _, p := range probs {
		if !strings.Contains(p, "so this redirect is never used") {
			t.Errorf("problem %q", p)
		}
	}
}

// TestRedirectsInAnyNormalForm: an old path or a target typed with
// decomposed accents (as macOS writes them) is the composed one, as the
// server reads requests: the target is found (and written as the page's
// URL), a redirect to an alias typed the other way is followed. Before,
// "/billing/re\u0301sume\u0301" was no page of the site.
func TestRedirectsInAnyNormalForm(t *testing.T) {
	lib := load(t, map[string]string{
		"billing/résumé.md": "---\ntitle: Summary\naliases: [\"/vieux/re\u0301sume\u0301\"]\n---\nText.\n",
		"redirects.yaml":    "\"/ancien/re\u0301sume\u0301\": \"/billing/re\u0301sume\u0301\"\n/autre/résumé: /vieux/résumé\n",
	})
	var got []string
	for _, r := range lib.Redirects {
		got = append(got, r.From+" → "+r.To)
	}
	if want := []string{"/ancien/résumé → /billing/résumé", "/autre/résumé → /billing/résumé"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("redirects:\n%s\nwant (composed):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a := article(t, lib, "billing/résumé.md"); len(a.Aliases) != 1 || a.Aliases[0] != "/vieux/résumé" {
		t.Errorf("aliases %q, want the composed /vieux/résumé", a.Aliases)
	}
	for _, p := range redirectProblems(lib) {
		if !strings.Contains(p, "redirect chain") {
			t.Errorf("problem: %s", p)
		}
	}
}

// TestRedirectsListItemWithoutDash: a redirect written without the list's
// `- ` ("from: /x" then "to: /y") was read as the mapping of from: to,
// two redirects from /from and /to, and the intended ones were silently
// dropped; it is an error naming the file and line with the fix, and the
// redirects being served stay in force, as for any broken site file.
func TestRedirectsListItemWithoutDash(t *testing.T) {
	good := redirectSite("- from: /billing/old-refunds\n  to: /billing/refund\n")
	prev, err := Load(context.Background(), mapFS(good), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(prev.Redirects) != 1 {
		t.Fatalf("redirects %v", prev.Redirects)
	}
	broken := redirectSite("- from: /billing/old-refunds\n  to: /billing/refund\n")
	for name, src := range map[string]string{
		"one":      "from: /billing/old-card\nto: /billing/card\n",
		"several":  "from: /billing/old-card\nto: /billing/card\nfrom: /billing/older-card\nto: /billing/card\n",
		"indented": "  from: /billing/old-card\n  to: /billing/card\n",
	} {
		t.Run(name, func(t *testing.T) {
			broken["redirects.yaml"] = src
			for _, previous := range []*site.Library{nil, prev} {
				lib, err := Load(context.Background(), mapFS(broken), Options{Previous: previous})
				if err != nil {
					t.Fatal(err)
				}
				col := 1 + len(src) - len(strings.TrimLeft(src, " "))
				w := fmt.Sprintf("redirects.yaml:1:%d: error: `from:` outside a list item reads as a redirect from /from: each redirect is a list item; add `- ` before `from:`", col)
				var got []string
				kept, named := false, false
				for _, p := range lib.Problems {
					if p.File == "redirects.yaml" {
						got = append(got, p.String())
						kept = kept || p.Kind == site.KindKept
						named = named || strings.HasPrefix(p.String(), w)
					}
				}
				if !named {
					t.Errorf("problems %q, want %q", got, w)
				}
				for _, r := range lib.Redirects {
					if r.From == "/from" || r.From == "/to" {
						t.Errorf("redirect %v read from the file", r)
					}
				}
				if previous != nil && (!kept || len(lib.Redirects) != 1 || lib.Redirects[0].From != "/billing/old-refunds") {
					t.Errorf("the redirects served not kept: %v, %q", lib.Redirects, got)
				}
			}
		})
	}
}

// TestRedirectToNotIndented: a redirect whose `to:` starts where its `- `
// does (`- from: /a` then `to: /b`, the second line not indented) was
// the generic YAML error at line 1, "list items (- …) and fields (name: …)
// are mixed at the same level. Fix: write field: value lines, with list
// items indented under their field", the opposite of the fix; it is an
// error at the `to:` line saying to indent it under `from:`.
func TestRedirectToNotIndented(t *testing.T) {
	for name, c := range map[string]struct {
		src  string
		line int
	}{
		"first":    {"- from: /billing/old-card\nto: /billing/card\n", 2},
		"second":   {"- from: /a\n  to: /billing/card\n\n- from: /billing/old-card\n# moved\nto: /billing/card\n", 6},
		"indented": {"  - to: /billing/card\n  from: /billing/old-card\n", 2},
	} {
		t.Run(name, func(t *testing.T) {
			lib, err := Load(context.Background(), mapFS(redirectSite(c.src)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			found := false
			for _, p := range lib.Problems {
				if p.File == "redirects.yaml" {
					got = append(got, p.String())
					found = found || p.Line == c.line && strings.Contains(p.Message, "indent it under")
				}
			}
			if !found {
				t.Errorf("problems %q, want one at line %d saying to indent it under the item's first field", got, c.line)
			}
		})
	}
}

// TestRedirectWithoutItsDash: a redirect written without its `- ` among
// list items (`from: /c` at the start of a line, before or after `- from:`
// items) got the generic YAML explanation, at another line ("list items
// (- …) and fields (name: …) are mixed at the same level. Fix: write
// field: value lines…", the opposite of the fix); one indented under the
// item before it (a second `from:` in that item) was "each redirect must
// be a mapping". Each is an error at the line of that `from:`, with the
// line to write.
func TestRedirectWithoutItsDash(t *testing.T) {
	bare := func(line, item int) string {
		return fmt.Sprintf("redirects.yaml:%d:1: error: `from: /billing/old-card` is not a list item, as the redirect of line %d is: write `- from: /billing/old-card` and indent the redirect's other field under it (every redirect is a list item); the file is not read until then", line, item)
	}
	for name, c := range map[string]struct{ src, want string }{
		"after":      {"- from: /a\n  to: /billing/card\nfrom: /billing/old-card\nto: /billing/card\n", bare(3, 1)},
		"to under":   {"- from: /a\n  to: /billing/card\nfrom: /billing/old-card\n  to: /billing/card\n", bare(3, 1)},
		"before":     {"from: /billing/old-card\nto: /billing/card\n- from: /a\n  to: /billing/card\n", bare(1, 3)},
		"in between": {"- from: /a\n  to: /billing/card\n\nfrom: /billing/old-card\n- from: /b\n  to: /billing/card\n", bare(4, 1)},
		"indented": {"- from: /a\n  to: /billing/card\n  from: /billing/old-card\n  to: /billing/card\n",
			"redirects.yaml:3:3: error: a second `from:` in the redirect of line 1: it starts a redirect of its own; write `- from: /billing/old-card` with its `- ` where the other items' starts, and its `to:` under it; the redirect of line 1 is ignored until then"},
	} {
		t.Run(name, func(t *testing.T) {
			lib, err := Load(context.Background(), mapFS(redirectSite(c.src)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range lib.Problems {
				if p.File == "redirects.yaml" {
					got = append(got, p.String())
				}
			}
			if !slices.Contains(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), c.want)
			}
		})
	}
}

// TestRedirectsNestedUnderAKey: a list of redirects under a key
// (`redirects:`, as other tools nest it) said "redirect target must be a
// path, a URL or gone", as if the targets were wrong; it names the key
// and says the file is the list itself.
func TestRedirectsNestedUnderAKey(t *testing.T) {
	lib, err := Load(context.Background(), mapFS(redirectSite("redirects:\n  - from: /billing/old-card\n    to: /billing/card\n")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range lib.Problems {
		if p.File == "redirects.yaml" {
			got = append(got, p.String())
		}
	}
	if w := "redirects.yaml:1: error: `redirects:` holds a list: redirects.yaml is the list itself; remove the `redirects:` line"; len(got) != 1 || !strings.HasPrefix(got[0], w) {
		t.Errorf("problems %q, want %q", got, w)
	}
}

// TestRedirectWithoutItsDashWrittenOtherwise: the list items a redirect
// without its `- ` is told apart from are found however YAML lets them be
// written: after a byte order mark (a file saved by Windows Notepad), with
// more than one space after the `- ` ("-   from: /a") or with the `- `
// alone on its line. Each got the generic YAML explanation at another line
// ("list items (- …) and fields (name: …) are mixed … write field: value
// lines", the opposite of the fix), or named a later item as the first.
func TestRedirectWithoutItsDashWrittenOtherwise(t *testing.T) {
	bare := func(line, item int) string {
		return fmt.Sprintf("redirects.yaml:%d:1: error: `from: /billing/old-card` is not a list item, as the redirect of line %d is: write `- from: /billing/old-card` and indent the redirect's other field under it (every redirect is a list item); the file is not read until then", line, item)
	}
	for name, c := range map[string]struct{ src, want string }{
		"byte order mark":  {"\ufeff- from: /a\n  to: /billing/card\nfrom: /billing/old-card\n", bare(3, 1)},
		"bom, two items":   {"\ufeff- from: /a\n  to: /billing/card\n- from: /b\n  to: /billing/card\nfrom: /billing/old-card\n", bare(5, 1)},
		"spaces after -":   {"-   from: /a\n    to: /billing/card\nfrom: /billing/old-card\n", bare(3, 1)},
		"dash on its line": {"-\n  from: /a\n  to: /billing/card\nfrom: /billing/old-card\n", bare(4, 1)},
		"to unindented, spaces after -": {"-   from: /a\nto: /billing/card\n",
			"redirects.yaml:2:1: error: `to:` starts where its redirect's `- ` does, outside the list item: indent it under the item's first field (    to: /billing/card)"},
	} {
		t.Run(name, func(t *testing.T) {
			lib, err := Load(context.Background(), mapFS(redirectSite(c.src)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range lib.Problems {
				if p.File == "redirects.yaml" {
					got = append(got, p.String())
				}
			}
			if !slices.Contains(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), c.want)
			}
		})
	}
}
