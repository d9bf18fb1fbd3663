package publish_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/publish"
)

// pullFixture is a fixture whose content folder is a clone of origin, with
// --git-pull, published once; push commits a new title of the refund
// article to origin.
func pullFixture(t *testing.T, timeout time.Duration) (f *fixture, reg *prometheus.Registry, git func(in string, args ...string), push func(title string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	git = func(in string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", in, "-c", "user.name=Writer", "-c", "user.email=w@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	reg = prometheus.NewRegistry()
	f = newFixture(t, func(o *publish.Options) { o.GitPull, o.PullTimeout, o.Metrics = true, timeout, reg })
	base := t.TempDir()
	origin, writer := filepath.Join(base, "origin.git"), filepath.Join(base, "writer")
	git(f.dir, "init", "-q", "-b", "main")
	git(f.dir, "add", ".")
	git(f.dir, "commit", "-q", "-m", "first")
	git(base, "clone", "-q", "--bare", f.dir, origin)
	git(f.dir, "remote", "add", "origin", origin)
	git(f.dir, "fetch", "-q", "origin")
	git(f.dir, "branch", "-q", "--set-upstream-to=origin/main")
	git(base, "clone", "-q", origin, writer)
	if err := f.pub.Publish(context.Background(), "start"); err != nil {
		t.Fatal(err)
	}
	push = func(title string) {
		t.Helper()
		write(t, writer, "billing/refund.md", "---\ntitle: "+title+"\n---\nMoney back.\n")
		git(writer, "add", ".")
		git(writer, "commit", "-q", "-m", title)
		git(writer, "push", "-q", origin, "main")
	}
	return f, reg, git, push
}

// TestConcurrentPublicationsPullOneAtATime: webhooks of a burst of pushes,
// each with ?wait=1 (and a SIGHUP meanwhile), publish at once. Their git
// pulls ran at once in the checkout and failed on each other: 503 "other"
// (cannot lock ref, cannot fast-forward to multiple branches) and even
// 409 "local_changes" telling the operator to stash, each counted in
// guichet_git_pull_failures_total, though nothing was wrong.
func TestConcurrentPublicationsPullOneAtATime(t *testing.T) {
	f, reg, _, push := pullFixture(t, 30*time.Second)
	for round := 0; round < 3; round++ {
		push("Refunds, round " + string(rune('1'+round)))
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- f.pub.Publish(context.Background(), "api")
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("round %d: a publication failed: %v", round+1, err)
			}
		}
		if got, want := f.title("/billing/refund"), "Refunds, round "+string(rune('1'+round)); got != want {
			t.Errorf("round %d: serves %q, want %q", round+1, got, want)
		}
	}
	for _, reason := range []string{"other", "local_changes", "diverged", "timeout"} {
		if got := pullFailures(t, reg, reason); got != 0 {
			t.Errorf("guichet_git_pull_failures_total{reason=%q} = %v, want 0", reason, got)
		}
	}
}

// TestCloseStopsAPullARequestAsked: a pull asked by the webhook's ?wait=1
// runs under the request's context, which a shutdown does not end: the
// process stopped after its grace period and left git and its helper
// running, hung on the remote. Close ends it.
func TestCloseStopsAPullARequestAsked(t *testing.T) {
	f, _, git, push := pullFixture(t, time.Minute)
	push("Refunds, next")
	// A remote that never answers, as a firewalled host does.
	git(f.dir, "remote", "set-url", "origin", "ssh://git.example.invalid/help.git")
	git(f.dir, "config", "core.sshCommand", "sleep 60 #")
	done := make(chan error, 1)
	go func() { done <- f.pub.Publish(context.Background(), "api") }()
	time.Sleep(500 * time.Millisecond)
	start := time.Now()
	closed := make(chan struct{})
	go func() { f.pub.Close(); close(closed) }()
	select {
	case err := <-done:
		// The webhook that asked is told to come back, not of a failure.
		if site.ErrorCode(err) != site.EUNAVAILABLE || !strings.Contains(site.ErrorMessage(err), "shutting down") {
			t.Errorf("a pull ended by the stop: %v, want a 503 saying the server is shutting down", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the pull still runs 10 s after Close")
	}
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Close took %s with a pull hung on the remote", took.Round(time.Millisecond))
	}
}
