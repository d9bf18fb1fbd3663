package content

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestParseGitLog(t *testing.T) {
	out := "\x001700000300\n\nbilling/refund.md\n\"billing/caf\\303\\251.md\"\n\x001700000200\n\nbilling/refund.md\naccount/profile.md\n"
	got := parseGitLog([]byte(out))
	want := map[string]time.Time{
		"billing/refund.md":  time.Unix(1700000300, 0).UTC(),
		"billing/café.md":    time.Unix(1700000300, 0).UTC(),
		"account/profile.md": time.Unix(1700000200, 0).UTC(),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// gitIn returns a function running git in repo with the commit dates
// given, failing the test on error.
func gitIn(t *testing.T, repo string) func(date string, args ...string) {
	return func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t",
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

// commitIn returns a function that writes help/name in repo with data,
// dated an hour ago on disk, and commits it at date.
func commitIn(t *testing.T, repo string) func(date, name, data string) {
	git := gitIn(t, repo)
	return func(date, name, data string) {
		t.Helper()
		p := filepath.Join(repo, "help", name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		os.Chtimes(p, old, old)
		git(date, "add", ".")
		git(date, "commit", "-q", "-m", name)
	}
}

func TestLoadGitDates(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	content := filepath.Join(repo, "content")
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(content, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := gitIn(t, repo)
	git("", "init", "-q")
	write("billing/old.md", "---\ntitle: Old\n---\n")
	write("billing/new.md", "---\ntitle: New\n---\n")
	git("2021-01-01T00:00:00Z", "add", ".")
	git("2021-01-01T00:00:00Z", "commit", "-q", "-m", "first")
	write("billing/new.md", "---\ntitle: New, edited\n---\n")
	git("2022-02-02T00:00:00Z", "commit", "-q", "-am", "second")
	write("billing/uncommitted.md", "---\ntitle: Not yet\n---\n")

	lib, err := Load(context.Background(), os.DirFS(content), Options{Dir: content})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]time.Time{
		"billing/old.md": time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC),
		"billing/new.md": time.Date(2022, 2, 2, 0, 0, 0, 0, time.UTC),
	}
	for _, a := range lib.Articles {
		if w, ok := want[a.SourcePath]; ok && !a.Updated.Equal(w) {
			t.Errorf("%s updated = %v, want commit date %v", a.SourcePath, a.Updated, w)
		}
		if a.SourcePath == "billing/uncommitted.md" && time.Since(a.Updated) > time.Hour {
			t.Errorf("uncommitted file: updated = %v, want its mod time", a.Updated)
		}
	}
}

// TestGitDatesMemo: with a Memo, a reload after new commits (a pull) reads
// only those and gets the dates a whole `git log` gives; after history was
// rewritten, it reads the whole log again.
func TestGitDatesMemo(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	git := gitIn(t, repo)
	commit := commitIn(t, repo)
	git("", "init", "-q")
	commit("2021-01-01T00:00:00Z", "a.md", "---\ntitle: A\n---\n")
	commit("2021-02-01T00:00:00Z", "b.md", "---\ntitle: B\n---\n")
	ctx := context.Background()
	memo := NewMemo()
	check := func(what string) {
		t.Helper()
		got := gitDates(ctx, repo, memo)
		want := gitDates(ctx, repo, nil)
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: dates %v, a whole git log gives %v", what, got, want)
		}
	}
	check("first")
	commit("2022-03-01T00:00:00Z", "a.md", "---\ntitle: A, edited\n---\n")
	commit("2022-04-01T00:00:00Z", "c.md", "---\ntitle: C\n---\n")
	check("after two commits")
	if _, head := memo.gitDates(repo); head["help/c.md"].Year() != 2022 {
		t.Errorf("memo not updated: %v", head)
	}
	check("same commit")
	git("", "reset", "-q", "--hard", "HEAD~2")
	commit("2021-06-01T00:00:00Z", "b.md", "---\ntitle: B, rewritten\n---\n")
	check("history rewritten")
}

// TestInGitWorkTree: git is asked only about a folder with a .git (folder,
// or file as in a linked work tree) in it or above it.
func TestInGitWorkTree(t *testing.T) {
	root := t.TempDir()
	if inGitWorkTree(root) && os.Getenv("GIT_DIR") == "" {
		t.Skipf("%s is inside a git work tree already", root)
	}
	deep := filepath.Join(root, "repo", "docs", "help")
	os.MkdirAll(deep, 0o755)
	if inGitWorkTree(deep) {
		t.Errorf("%s: no .git anywhere above, want false", deep)
	}
	os.WriteFile(filepath.Join(root, "repo", ".git"), []byte("gitdir: /elsewhere\n"), 0o644)
	if !inGitWorkTree(deep) {
		t.Errorf("%s: a .git file two folders up, want true", deep)
	}
}
