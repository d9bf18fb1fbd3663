package check

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRunInRepository: a content folder inside a git repository is
// reported with paths from the repository root, as CI annotations and
// editors want them, in text and JSON alike; a clean folder has no
// problem and a file given as the folder is refused by name.
func TestRunInRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is required under CI")
		}
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	dir := filepath.Join(repo, "docs", "help")
	write(t, dir, "billing/refund.md", "---\ntitle: Refunds\nsearch_tests: [refund]\n---\nGet a refund in five days.\n")
	write(t, dir, "billing/typo.md", "---\ntitle: Typo\nweight: heavy\n---\nSee [the refund page](refund.md#nope).\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors == 0 {
		t.Fatalf("no errors found: %+v", rep)
	}
	for _, p := range rep.Problems {
		if !strings.HasPrefix(p.File, "docs/help/billing/") {
			t.Errorf("problem path %q is not from the repository root", p.File)
		}
	}
	var text bytes.Buffer
	rep.WriteText(&text, true)
	if !strings.Contains(text.String(), "docs/help/billing/typo.md:3:") {
		t.Errorf("verbose output lacks the repository path and line:\n%s", text.String())
	}
	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Problems []struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"problems"`
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || len(back.Problems) != len(rep.Problems) {
		t.Fatalf("JSON: %v\n%s", err, js.String())
	}
	for _, p := range back.Problems {
		if !strings.HasPrefix(p.File, "docs/help/billing/") {
			t.Errorf("JSON problem path %q is not from the repository root", p.File)
		}
	}

	clean := filepath.Join(repo, "clean")
	write(t, clean, "account/password.md", "---\ntitle: Reset your password\nsearch_tests: [reset password]\n---\nUse the link on the sign-in page to reset your password.\n")
	rep, err = Run(context.Background(), clean, time.Now())
	if err != nil || rep.Errors != 0 || rep.Warnings != 0 || rep.SearchTests != 1 || rep.Articles != 1 {
		t.Errorf("clean folder: %+v, %v", rep, err)
	}
	var out bytes.Buffer
	rep.WriteText(&out, false)
	if want := clean + ": 1 article, 1 search test, 0 errors, 0 warnings\n"; out.String() != want {
		t.Errorf("clean summary %q, want %q", out.String(), want)
	}

	file := filepath.Join(repo, "docs", "help", "billing", "refund.md")
	if _, err := Run(context.Background(), file, time.Now()); err == nil || !strings.Contains(err.Error(), "is a file, not a folder") || !strings.Contains(err.Error(), file) {
		t.Errorf("a file as the content folder: %v", err)
	}
}
