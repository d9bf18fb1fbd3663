package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func runCheckCmd(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"check"}, args...), &out, &errb)
	if errb.Len() > 0 {
		t.Logf("stderr: %s", errb.String())
	}
	return out.String(), code
}

// TestCheckIgnoreFields: fields listed in check.ignore_fields (names or
// patterns) raise no warning; the others still do.
func TestCheckIgnoreFields(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Docs\ncheck:\n  ignore_fields: [author, \"ms.*\"]\n")
	writeFile(t, dir, "billing/a.md", "---\ntitle: A\nauthor: me\nms.topic: article\nms.date: 01/02/2024\nmenu: main\n---\nBody.\n")
	out, code := runCheckCmd(t, "--content", dir)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if strings.Contains(out, "`author`") || strings.Contains(out, "ms.topic") || !strings.Contains(out, "unknown field `menu`: 1 file") ||
		!strings.Contains(out, "0 errors, 1 warning") {
		t.Errorf("output:\n%s", out)
	}
}

// TestCheckRepoPaths: paths are given from the root of the git repository
// holding the content, so editors open them from there.
func TestCheckRepoPaths(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	writeFile(t, repo, "docs/help/billing/a.md", "---\ntitle: A\n---\nSee [b](b.md).\n")
	out, code := runCheckCmd(t, "--content", filepath.Join(repo, "docs", "help"), "--verbose")
	if code != 1 || !strings.Contains(out, "\ndocs/help/billing/a.md:4:9: error: broken link") && !strings.HasPrefix(out, "docs/help/billing/a.md:4:9: error: broken link") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	// Outside a repository: the folder as given on the command line.
	plain := t.TempDir()
	writeFile(t, plain, "billing/a.md", "---\ntitle: A\n---\nSee [b](b.md).\n")
	out, _ = runCheckCmd(t, "--content", plain, "--verbose")
	if !strings.HasPrefix(out, filepath.ToSlash(plain)+"/billing/a.md:4:9: error:") {
		t.Errorf("output:\n%s", out)
	}
}

// TestCheckCorpusSummary: on 2,448 Microsoft articles, the default output
// is a summary a person reads, with the problems grouped.
func TestCheckCorpusSummary(t *testing.T) {
	needCorpus(t)
	t.Parallel() // beside TestCorpusServes
	out, code := runCheckCmd(t, "--content", corpusDir)
	lines := strings.Count(out, "\n")
	t.Logf("%d lines, exit %d", lines, code)
	if lines > 300 {
		t.Errorf("summary is %d lines long:\n%s", lines, out)
	}
	for _, want := range []string{"Errors\n", "Warnings\n", "unknown field `ms.topic`: 2,448 files\n", "ignore_fields: [",
		"(did you mean `appliesto`?)", "2,448 articles"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if len(line) > 400 {
			t.Errorf("line of %d characters: %.120s…", len(line), line)
		}
	}
	verbose, _ := runCheckCmd(t, "--content", corpusDir, "--verbose")
	if strings.Count(verbose, "\n") < 20000 {
		t.Errorf("--verbose lists %d lines", strings.Count(verbose, "\n"))
	}
}

// TestCheckImagesOutsideTheFolder: an image written as a path out of the
// content folder fails the check whatever its file name (no picture
// extension needed), and an image that is no picture type is a warning.
func TestCheckImagesOutsideTheFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/a.md", "---\ntitle: A\n---\n![p](../../../../etc/passwd)\n\n![doc](manual.pdf)\n")
	out, code := runCheckCmd(t, "--content", dir, "--verbose")
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		`billing/a.md:4:6: error: image "../../../../etc/passwd" points outside the content folder`,
		`billing/a.md:6:8: warning: image "manual.pdf" is not a picture Guichet serves`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}

// TestCheckLongTitle: a title far longer than any page can show (a body
// pasted into it) is a warning naming its length; the article serves.
func TestCheckLongTitle(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/a.md", "---\ntitle: "+strings.Repeat("word ", 1000)+"\n---\nBody.\n")
	out, code := runCheckCmd(t, "--content", dir, "--verbose")
	if code != 0 || !strings.Contains(out, "billing/a.md:2: warning: the title is 4999 characters long") || !strings.Contains(out, "1 article,") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
