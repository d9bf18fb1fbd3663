package check

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", p, got, want)
	}
}

// corpusReport is what checking a folder of another tool's articles
// gives: many unknown fields (one a typo of a common one, one a typo of a
// known field), broken links in many files, one YAML error, syntax
// Guichet leaves out, and a problem of a kind the summary has no title for.
func corpusReport() *Report {
	r := &Report{Content: "docs", Articles: 2448, SearchTests: 12}
	add := func(p site.Problem) {
		r.Problems = append(r.Problems, p)
		if p.Severity == site.SeverityError {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
	for i := range 40 {
		add(site.Problem{Severity: site.SeverityWarning, Kind: site.KindUnknownField, Field: "appliesto",
			File: fmt.Sprintf("docs/a%04d.md", i), Line: 4, Message: "unknown field `appliesto`"})
	}
	for i := range 2 {
		add(site.Problem{Severity: site.SeverityWarning, Kind: site.KindUnknownField, Field: "appiesto",
			File: fmt.Sprintf("docs/b%d.md", i), Line: 5, Message: "unknown field `appiesto`"})
	}
	add(site.Problem{Severity: site.SeverityWarning, Kind: site.KindUnknownField, Field: "titel",
		File: "docs/c.md", Line: 2, Message: "unknown field `titel`: did you mean `title`?"})
	for i := range 1234 {
		add(site.Problem{Severity: site.SeverityError, Kind: site.KindBrokenLink,
			File: fmt.Sprintf("docs/l%04d.md", i/2), Line: 10 + i%2, Column: 3, Message: fmt.Sprintf("link to missing file gone-%d.md", i)})
	}
	for i, dest := range rootLinks(14) {
		add(site.Problem{Severity: site.SeverityError, Kind: site.KindBrokenLink, Field: "links.root",
			File: fmt.Sprintf("docs/r%02d.md", i), Line: 7, Message: fmt.Sprintf("broken link %q: no article … and no page … on this site", dest)})
	}
	add(site.Problem{Severity: site.SeverityError, Kind: site.KindYAML, File: "docs/broken.md", Line: 2,
		Message: "yaml: mapping values are not allowed in this context"})
	for i := range 3 {
		add(site.Problem{Severity: site.SeverityWarning, Kind: site.KindSyntax, Field: "[!INCLUDE]",
			File: "docs/inc.md", Line: 20 + i, Message: "[!INCLUDE] left out of the page"})
	}
	add(site.Problem{Severity: site.SeverityWarning, Kind: "", File: "guichet.yaml", Message: "something else"})
	return r
}

// rootLinks returns n root-absolute links into other doc sets, as
// Microsoft Docs articles write them.
func rootLinks(n int) []string {
	var out []string
	for i := range n {
		switch {
		case i%2 == 0:
			out = append(out, fmt.Sprintf("/powershell/module/cmd-%d", i))
		case i%3 == 1:
			out = append(out, fmt.Sprintf("/Exchange/page-%d?view=x", i))
		case i == 3:
			out = append(out, "/answers/")
		default:
			out = append(out, fmt.Sprintf("/exchange/\"quoted\"-%d", i))
		}
	}
	return out
}

// TestLinksRootSuggestion: the summary suggests links.root when ten or
// more root-absolute links lead to no page (their problems name that
// setting), with the first segments most of them start with; fewer are
// likely typos, and other broken links never count.
func TestLinksRootSuggestion(t *testing.T) {
	for _, c := range []struct {
		root, other int
		want        string
	}{
		{9, 50, ""},
		{10, 0, "10 links from the root lead to no page of this help center (/powershell/… 5, /exchange/… 4, /answers/… 1).\n"},
		{14, 0, "14 links from the root lead to no page of this help center (/powershell/… 7, /exchange/… 6, /answers/… 1).\n"},
	} {
		r := &Report{Content: "docs"}
		for i, dest := range rootLinks(c.root) {
			r.Problems = append(r.Problems, site.Problem{Severity: site.SeverityError, Kind: site.KindBrokenLink, Field: "links.root",
				File: fmt.Sprintf("docs/r%02d.md", i), Line: 7, Message: fmt.Sprintf("broken link %q: no article", dest)})
		}
		for i := range c.other {
			r.Problems = append(r.Problems, site.Problem{Severity: site.SeverityError, Kind: site.KindBrokenLink,
				File: "docs/x.md", Line: i + 1, Message: fmt.Sprintf("broken link \"gone-%d.md\"", i)})
		}
		r.Errors = len(r.Problems)
		var b bytes.Buffer
		r.WriteText(&b, false)
		out := b.String()
		if c.root >= 10 && !strings.Contains(out, "root: https://docs.example.com") {
			t.Errorf("%d root links: no generic example in\n%s", c.root, out)
		}
		// Content from Microsoft Docs (its ms.* fields) is told its
		// site's address (rv19e).
		r.Problems = append(r.Problems, site.Problem{Severity: site.SeverityWarning, Kind: site.KindUnknownField, Field: "ms.author",
			File: "docs/r00.md", Line: 3, Message: "unknown field `ms.author`"})
		r.Warnings = 1
		b.Reset()
		r.WriteText(&b, false)
		if ms := b.String(); c.root >= 10 && !strings.Contains(ms, "    root: https://learn.microsoft.com/en-us   # the ms.* fields are Microsoft Docs'\n") {
			t.Errorf("%d root links with ms.* fields: no Microsoft Docs root in\n%s", c.root, ms)
		}
		if c.want == "" {
			if strings.Contains(out, "\n  links:\n") {
				t.Errorf("%d root links: suggested links.root:\n%s", c.root, out)
			}
			continue
		}
		if !strings.Contains(out, "\n"+c.want+"If they are pages of the site the content came from, name it in guichet.yaml and they lead there:\n  links:\n    root: https://") {
			t.Errorf("%d root links: no suggestion %q in\n%s", c.root, c.want, out)
		}
	}
}

func TestWriteTextSummaryGolden(t *testing.T) {
	var b bytes.Buffer
	corpusReport().WriteText(&b, false)
	golden(t, "summary.txt", b.String())
}

func TestWriteTextVerboseGolden(t *testing.T) {
	r := &Report{Content: "content", Articles: 3, SearchTests: 1, Errors: 1, Warnings: 1, Problems: []site.Problem{
		{Severity: site.SeverityError, Kind: site.KindFrontMatter, File: "content/billing/refund.md", Line: 3, Column: 8, Message: "title must be text"},
		{Severity: site.SeverityWarning, Kind: site.KindUnknownField, Field: "author", File: "content/billing/refund.md", Line: 4, Message: "unknown field `author`"},
	}}
	var b bytes.Buffer
	r.WriteText(&b, true)
	golden(t, "verbose.txt", b.String())
}

// TestWriteTextClean: a folder without problems prints its totals alone,
// in the summary and in verbose mode.
func TestWriteTextClean(t *testing.T) {
	r := &Report{Content: "content", Articles: 1, SearchTests: 0}
	for _, verbose := range []bool{false, true} {
		var b bytes.Buffer
		r.WriteText(&b, verbose)
		if want := "content: 1 article, 0 search tests, 0 errors, 0 warnings\n"; b.String() != want {
			t.Errorf("verbose=%v: %q, want %q", verbose, b.String(), want)
		}
	}
}

func TestGroupProblemsOrder(t *testing.T) {
	w, e := site.SeverityWarning, site.SeverityError
	probs := []site.Problem{
		{Severity: w, Kind: site.KindBrokenLink, File: "a.md"},
		{Severity: w, Kind: site.KindBrokenLink, File: "a.md"},
		{Severity: w, Kind: site.KindBrokenLink, File: "b.md"},
		{Severity: e, Kind: site.KindImage, File: "a.md"},
		{Severity: w, Kind: site.KindUnknownField, Field: "x", File: "a.md"},
		{Severity: w, Kind: site.KindUnknownField, Field: "y", File: "a.md"},
		{Severity: w, Kind: site.KindSyntax, Field: ":::tip", File: "c.md"},
		{Severity: e, Kind: site.KindYAML, File: "c.md"},
		{Severity: e, Kind: site.KindYAML, File: "d.md"},
		{Severity: w, File: "e.md"},
	}
	var got []string
	for _, g := range groupProblems(probs) {
		got = append(got, fmt.Sprintf("%s/%s/%s:%d in %d", g.severity, g.kind, g.name, len(g.problems), g.files))
	}
	want := []string{
		"error/yaml/:2 in 2",
		"error/image/:1 in 1",
		"warning/broken-link/:3 in 2",
		"warning/other/:1 in 1",
		"warning/syntax/:::tip:1 in 1",
		"warning/unknown-field/x:1 in 1",
		"warning/unknown-field/y:1 in 1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLikelyTypo(t *testing.T) {
	group := func(name string, files int, msg string) *problemGroup {
		return &problemGroup{severity: site.SeverityWarning, kind: site.KindUnknownField, name: name, files: files,
			problems: []site.Problem{{Message: msg}}}
	}
	common := group("appliesto", 100, "unknown field `appliesto`")
	typo := group("appiesto", 3, "unknown field `appiesto`")
	rare := group("applyto", 20, "unknown field `applyto`")             // not ten times rarer
	far := group("ms.topic.extra", 1, "unknown field `ms.topic.extra`") // no field close enough
	hinted := group("Tags", 1, "unknown field `Tags`: did you mean `tags`?")
	upper := group("AppliesTo", 2, "unknown field `AppliesTo`")
	groups := []*problemGroup{common, typo, rare, far, hinted, upper}
	for _, c := range []struct {
		g    *problemGroup
		want string
	}{
		{typo, "appliesto"},
		{rare, ""},
		{far, ""},
		{hinted, "tags"},
		{upper, "appliesto"}, // case aside, the same name
		{common, ""},
	} {
		if got := likelyTypo(c.g, groups); got != c.want {
			t.Errorf("likelyTypo(%s) = %q, want %q", c.g.name, got, c.want)
		}
	}
}

func TestPlaceOf(t *testing.T) {
	for _, c := range []struct {
		p    site.Problem
		want string
	}{
		{site.Problem{File: "a.md", Line: 3, Column: 2}, "a.md:3:2"},
		{site.Problem{File: "a.md", Line: 3}, "a.md:3"},
		{site.Problem{File: "a.md", Column: 2}, "a.md"},
		{site.Problem{File: "guichet.yaml"}, "guichet.yaml"},
	} {
		if got := placeOf(c.p); got != c.want {
			t.Errorf("placeOf(%+v) = %q, want %q", c.p, got, c.want)
		}
	}
}

// TestRepoPath: problems name files from the root of the git repository
// holding the content folder, so editors and CI annotations open them;
// outside a repository, from the folder as given.
func TestRepoPath(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is required under CI")
		}
		t.Skip("git is not installed")
	}
	ctx := context.Background()
	repo := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	docs := filepath.Join(repo, "site", "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	where := repoPath(ctx, docs)
	for in, want := range map[string]string{
		"billing/refund.md": "site/docs/billing/refund.md",
		"guichet.yaml":      "site/docs/guichet.yaml",
		"":                  "",
		"/abs/file.md":      "/abs/file.md",
	} {
		if got := where(in); got != want {
			t.Errorf("in a repository: %q → %q, want %q", in, got, want)
		}
	}
	if got := repoPath(ctx, repo)("a.md"); got != "a.md" {
		t.Errorf("content at the repository root: %q, want a.md", got)
	}
	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	if got := repoPath(ctx, outside)("a.md"); got != filepath.ToSlash(filepath.Join(outside, "a.md")) {
		t.Errorf("outside a repository: %q", got)
	}
}

// A long path and message are cut in the summary, which a person reads;
// --verbose keeps them whole.
func TestSummaryCutsLongPlaces(t *testing.T) {
	long := strings.Repeat("very-long-folder-name/", 12) + "article.md"
	msg := "broken link \"/" + strings.Repeat("segment/", 30) + "page\": no article or page of this site there"
	r := &Report{Content: "docs", Errors: 1, Problems: []site.Problem{{Severity: site.SeverityError, Kind: site.KindBrokenLink,
		File: long, Line: 12, Message: msg}}}
	var b bytes.Buffer
	r.WriteText(&b, false)
	for _, line := range strings.Split(b.String(), "\n") {
		if n := len([]rune(line)); n > summaryWidth+4 {
			t.Errorf("summary line of %d characters: %.80s…", n, line)
		}
		if strings.Contains(line, long) && !strings.HasSuffix(line, "…") {
			t.Errorf("cut line does not end with …: %q", line)
		}
	}
	b.Reset()
	r.WriteText(&b, true)
	if !strings.Contains(b.String(), msg) {
		t.Errorf("--verbose does not show the whole message:\n%s", b.String())
	}
}

// TestTotalsCountUnpublished: check counted drafts among its articles
// without a word, and `guichet serve` counted one fewer (rv21e): the
// totals say how many are not published.
func TestTotalsCountUnpublished(t *testing.T) {
	var b strings.Builder
	r := &Report{Content: "content", Articles: 23, Unpublished: 1}
	r.WriteText(&b, false)
	if want := "content: 23 articles (1 not published: drafts or scheduled), 0 search tests, 0 errors, 0 warnings\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestRunCountsUnpublished: Run counts the drafts and scheduled articles
// among the articles it read.
func TestRunCountsUnpublished(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"help/a.md": "---\ntitle: A\n---\nA.\n",
		"help/b.md": "---\ntitle: B\ndraft: true\n---\nB.\n",
		"help/c.md": "---\ntitle: C\npublish_at: 2999-01-01T00:00:00Z\n---\nC.\n",
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != 3 || r.Unpublished != 2 {
		t.Errorf("articles %d, unpublished %d; want 3 and 2", r.Articles, r.Unpublished)
	}
}
