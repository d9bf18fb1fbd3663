package publish_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/publish"
)

// TestGitPullFailures: with --git-pull, a pull that fails — a remote that
// hangs, a force-pushed history, files changed in the checkout, a remote
// gone — keeps the site as it was, ends within the pull's time limit
// (git's ssh included), and says why and what to do, with a code for the
// webhook's answer and a count by reason in the metrics. Once the cause
// is fixed, the next publication pulls.
func TestGitPullFailures(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	git := func(t *testing.T, in string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", in, "-c", "user.name=Writer", "-c", "user.email=w@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	// commit writes the refund article with title in repo and commits it.
	commit := func(t *testing.T, repo, title string) {
		t.Helper()
		write(t, repo, "billing/refund.md", "---\ntitle: "+title+"\n---\nMoney back.\n")
		git(t, repo, "add", ".")
		git(t, repo, "commit", "-q", "-m", title)
	}
	for _, c := range []struct {
		name   string
		break_ func(t *testing.T, dir, origin, writer string) // makes the pull fail
		fix    func(t *testing.T, dir, origin, writer string) // makes it work again
		reason string
		code   string
		says   []string
	}{
		{"remote hangs", func(t *testing.T, dir, origin, writer string) {
			// An ssh that never answers, as a firewalled host does.
			git(t, dir, "remote", "set-url", "origin", "ssh://git.example.invalid/help.git")
			git(t, dir, "config", "core.sshCommand", "sleep 60 #")
		}, func(t *testing.T, dir, origin, writer string) {
			git(t, dir, "remote", "set-url", "origin", origin)
		}, "timeout", site.EUNAVAILABLE, []string{"did not finish within 1s", "git -C"}},
		{"force-pushed history", func(t *testing.T, dir, origin, writer string) {
			git(t, writer, "reset", "-q", "--hard", "HEAD~2") // before the commit served
			commit(t, writer, "Refunds, rewritten")
			git(t, writer, "push", "-q", "-f", origin, "main")
		}, func(t *testing.T, dir, origin, writer string) {
			git(t, dir, "fetch", "-q")
			git(t, dir, "reset", "-q", "--hard", "@{upstream}")
		}, "diverged", site.ECONFLICT, []string{"diverged", "reset --hard @{upstream}", "Not possible to fast-forward"}},
		{"local changes", func(t *testing.T, dir, origin, writer string) {
			write(t, dir, "billing/refund.md", "---\ntitle: Edited on the server\n---\nMoney back.\n")
		}, func(t *testing.T, dir, origin, writer string) {
			git(t, dir, "stash", "-q", "--include-untracked") // as the error says
		}, "local_changes", site.ECONFLICT, []string{"would be overwritten", "stash --include-untracked", "billing/refund.md"}},
		{"new file in the checkout", func(t *testing.T, dir, origin, writer string) {
			// The remote adds a file that someone also created on the
			// server: git stash alone leaves it, and the pull fails again.
			write(t, writer, "billing/fees.md", "---\ntitle: Fees\n---\nFrom the writer.\n")
			git(t, writer, "add", ".")
			git(t, writer, "commit", "-q", "-m", "Fees")
			git(t, writer, "push", "-q", origin, "main")
			write(t, dir, "billing/fees.md", "---\ntitle: Fees here\n---\nOn the server.\n")
		}, func(t *testing.T, dir, origin, writer string) {
			git(t, dir, "stash", "-q", "--include-untracked") // as the error says
		}, "local_changes", site.ECONFLICT, []string{"would be overwritten", "stash --include-untracked", "billing/fees.md"}},
		{"remote gone", func(t *testing.T, dir, origin, writer string) {
			if err := os.Rename(origin, origin+".moved"); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, dir, origin, writer string) {
			if err := os.Rename(origin+".moved", origin); err != nil {
				t.Fatal(err)
			}
		}, "other", site.EUNAVAILABLE, []string{"does not appear to be a git repository", "check the remote"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			reg := prometheus.NewRegistry()
			f := newFixture(t, func(o *publish.Options) {
				o.GitPull, o.PullTimeout, o.Metrics = true, time.Second, reg
			})
			// The content folder is a clone of origin; a writer pushes to it.
			base := t.TempDir()
			origin, writer := filepath.Join(base, "origin.git"), filepath.Join(base, "writer")
			git(t, f.dir, "init", "-q", "-b", "main")
			git(t, f.dir, "add", ".")
			git(t, f.dir, "commit", "-q", "-m", "first")
			git(t, base, "clone", "-q", "--bare", f.dir, origin)
			git(t, f.dir, "remote", "add", "origin", origin)
			git(t, f.dir, "fetch", "-q", "origin")
			git(t, f.dir, "branch", "-q", "--set-upstream-to=origin/main")
			git(t, base, "clone", "-q", origin, writer)
			ctx := context.Background()
			if err := f.pub.Publish(ctx, "start"); err != nil {
				t.Fatal(err)
			}
			commit(t, writer, "Refunds, merged")
			git(t, writer, "push", "-q", origin, "main")
			if err := f.pub.Publish(ctx, "api"); err != nil || f.title("/billing/refund") != "Refunds, merged" {
				t.Fatalf("a pull that works: %v, %q", err, f.title("/billing/refund"))
			}
			commit(t, writer, "Refunds, next")
			git(t, writer, "push", "-q", origin, "main")

			c.break_(t, f.dir, origin, writer)
			start := time.Now()
			err := f.pub.Publish(ctx, "api")
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("the failed pull took %s, its limit is 1s", took.Round(time.Millisecond))
			}
			if err == nil {
				t.Fatal("the pull did not fail")
			}
			if site.ErrorCode(err) != c.code {
				t.Errorf("code %q, want %q: %v", site.ErrorCode(err), c.code, err)
			}
			// The reason travels with the error, for the webhook's answer.
			if got := site.ErrorReason(err); got != c.reason {
				t.Errorf("reason %q, want %q", got, c.reason)
			}
			msg := site.ErrorMessage(err)
			for _, w := range append(c.says, f.dir, "keeps serving") {
				if !strings.Contains(msg, w) {
					t.Errorf("the error lacks %q: %s", w, msg)
				}
			}
			if got := f.title("/billing/refund"); got != "Refunds, merged" {
				t.Errorf("a failed pull changed the site: %q", got)
			}
			if got := pullFailures(t, reg, c.reason); got != 1 {
				t.Errorf("guichet_git_pull_failures_total{reason=%q} = %v, want 1", c.reason, got)
			}

			c.fix(t, f.dir, origin, writer)
			if err := f.pub.Publish(ctx, "api"); err != nil {
				t.Fatalf("after the fix: %v", err)
			}
			if got := f.title("/billing/refund"); got == "Refunds, merged" {
				t.Errorf("after the fix the site still serves %q", got)
			}
		})
	}
}

// pullFailures reads guichet_git_pull_failures_total{reason} in reg.
func pullFailures(t *testing.T, reg *prometheus.Registry, reason string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "guichet_git_pull_failures_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "reason" && l.GetValue() == reason {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	t.Fatalf("no guichet_git_pull_failures_total{reason=%q}", reason)
	return 0
}
