package check

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRun reports the content's problems with search tests run against
// the index, counts them, and prints a summary grouped by kind or every
// problem.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "billing/refund.md", "---\ntitle: Refunds\nsearch_tests: [\"money back\", \"cancel my plan\"]\n---\nGet your money back in five days.\n")
	write(t, dir, "billing/broken.md", "---\ntitle: [broken\n---\n")
	for i := range 5 {
		write(t, dir, fmt.Sprintf("billing/links-%d.md", i), fmt.Sprintf("---\ntitle: Links %d\nauthor: someone\n---\nSee [gone](gone-%d.md).\n", i, i))
	}
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 6 || rep.SearchTests != 2 || rep.Errors != 7 || rep.Warnings != 5 {
		t.Errorf("report: %d articles, %d tests, %d errors, %d warnings; want 6, 2, 7, 5\n%+v", rep.Articles, rep.SearchTests, rep.Errors, rep.Warnings, rep.Problems)
	}
	var summary bytes.Buffer
	rep.WriteText(&summary, false)
	s := summary.String()
	for _, want := range []string{"6 articles, 2 search tests, 7 errors, 5 warnings", "broken links: 5 problems", "… and 2 more", "unknown field `author`", "cancel my plan"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	var verbose bytes.Buffer
	rep.WriteText(&verbose, true)
	if n := strings.Count(verbose.String(), "\n"); n < 12+2 {
		t.Errorf("verbose lists %d lines, want every problem:\n%s", n, verbose.String())
	}
	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Errors != 7 || len(back.Problems) != 12 {
		t.Errorf("JSON: %v %+v", err, back)
	}
	if _, err := Run(context.Background(), filepath.Join(dir, "missing"), time.Now()); err == nil {
		t.Error("a missing folder was checked")
	}
}

// TestRunMigratedSyntax: what a migrated Docusaurus or MkDocs site shows
// raw is reported, grouped so that the summary stays short: JSX
// expressions in one group, MkDocs icons one group per icon set, each
// place at its line; links without .md that lead nowhere are broken links;
// links to the docs' home page (`slug: /`) are not.
func TestRunMigratedSyntax(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "intro.md", "---\nslug: /\n---\n# Welcome\n")
	write(t, dir, "cards/limits.mdx", "# Limits\n\nSpend up to {props.limit} per day, {props.max} a month.\n\nBack to [the intro](../intro.md), see [freezing](freeze), [gone](frezee).\n")
	write(t, dir, "cards/freeze.md", "# Freeze\n\n:material-check: Works everywhere.\n\n:material-lock: Locked, :fontawesome-solid-lock: too.\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var summary bytes.Buffer
	rep.WriteText(&summary, false)
	s := summary.String()
	for _, want := range []string{
		"broken links: 1 problem",
		`cards/limits.mdx:5:66: broken link "frezee"`,
		"left out of the page: JSX expressions {…}: 2 problems",
		"cards/limits.mdx:3:13: JSX expression {props.limit} is left out of the page",
		"left out of the page: :material-… icons: 2 problems",
		"left out of the page: :fontawesome-… icons: 1 problem",
		"cards/freeze.md:5:1: icon :material-lock: is left out",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "intro.md is not") {
		t.Errorf("link to the home page reported:\n%s", s)
	}
}
