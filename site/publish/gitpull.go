package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
)

// defaultPullTimeout bounds a pull when Options.PullTimeout is zero.
const defaultPullTimeout = time.Minute

// Why a pull failed, the reason label of guichet_git_pull_failures_total.
const (
	pullTimeout      = "timeout"       // the remote did not answer in time
	pullDiverged     = "diverged"      // not a fast-forward: a force push, or a local commit
	pullLocalChanges = "local_changes" // files in the checkout the pull would overwrite
	pullNotCheckout  = "not_a_checkout"
	pullOther        = "other" // unreachable remote, refused credentials…
)

var pullReasons = []string{pullTimeout, pullDiverged, pullLocalChanges, pullNotCheckout, pullOther}

// gitPull runs `git pull --ff-only` in the content folder when GitPull is
// set, for at most PullTimeout. git runs in a process group of its own,
// killed whole at the deadline: the ssh or HTTP helper it starts holds its
// output open, and would otherwise keep the publication (and every one
// asked after it) waiting for as long as the network hangs. A failure is
// a *site.Error saying why in words and what to do, for the logs and the
// webhook's ?wait=1 answer, and is counted by reason.
//
// Pulls run one at a time: two in the checkout at once (webhooks of a
// burst of pushes with ?wait=1, a SIGHUP meanwhile) fail on each other's
// locks and half-fetched refs, and were reported as the remote's fault
// or as local changes. A pull also ends when the publisher closes, even
// one a request asked for, whose context a shutdown does not end: git
// and its helper are never left running after the process.
func (p *Publisher) gitPull(ctx context.Context) error {
	if !p.opts.GitPull {
		return nil
	}
	select {
	case p.pulling <- struct{}{}:
		defer func() { <-p.pulling }()
	case <-ctx.Done():
		return fmt.Errorf("git pull --ff-only in %s: %w", p.opts.Dir, ctx.Err())
	case <-p.bg.Done():
		return p.pullStopped()
	}
	if p.bg.Err() != nil {
		return p.pullStopped()
	}
	limit := p.opts.PullTimeout
	if limit <= 0 {
		limit = defaultPullTimeout
	}
	pctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	defer context.AfterFunc(p.bg, cancel)()
	dir := p.opts.Dir
	cmd := exec.CommandContext(pctx, "git", "-C", dir, "pull", "--ff-only", "--quiet")
	// English messages, which pullError reads; no prompt for a password
	// nobody is there to type.
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "LC_ALL=C", "LANGUAGE=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	setProcessGroup(cmd)
	cmd.WaitDelay = 2 * time.Second // anything that escaped the group
	err := cmd.Run()
	if err == nil {
		return nil
	}
	if ctx.Err() != nil { // shutting down: not the remote's fault
		return fmt.Errorf("git pull --ff-only in %s: %w", dir, ctx.Err())
	}
	if p.bg.Err() != nil {
		return p.pullStopped()
	}
	reason, e := pullError(dir, strings.TrimSpace(out.String()), errors.Is(pctx.Err(), context.DeadlineExceeded), limit)
	p.metrics.pulls.WithLabelValues(reason).Inc()
	return e
}

// pullStopped is the error of a pull the server's stop ended: the
// webhook that asked is told to publish again (503), not of a failure.
func (p *Publisher) pullStopped() error {
	return site.Errorf(site.EUNAVAILABLE, "git pull --ff-only in %s was stopped: the server is shutting down; publish again once it is back", p.opts.Dir)
}

// pullError explains a failed pull in dir from git's output: the reason
// label and the error, which says that the site keeps what it serves and
// carries the reason (site.Error's Reason: the webhook's answer names it).
func pullError(dir, out string, timedOut bool, limit time.Duration) (string, error) {
	reason, e := pullCause(dir, out, timedOut, limit)
	e.Reason = reason
	return reason, e
}

// pullCause is pullError's reason and error, without the error's Reason.
func pullCause(dir, out string, timedOut bool, limit time.Duration) (string, *site.Error) {
	kept := "the site keeps serving the content published before"
	said := ""
	if out != "" {
		said = ": git said: " + strings.Join(strings.Fields(out), " ")
	}
	switch {
	case timedOut:
		return pullTimeout, site.Errorf(site.EUNAVAILABLE,
			"git pull --ff-only in %s did not finish within %s (the remote does not answer)%s; %s: check that this machine reaches the remote (git -C %s fetch)",
			dir, limit, said, kept, dir)
	case strings.Contains(out, "Not possible to fast-forward"), strings.Contains(out, "diverg"):
		return pullDiverged, site.Errorf(site.ECONFLICT,
			"git pull --ff-only in %s: the checkout's branch and its remote's have diverged (a force push, or a commit made in the content folder)%s; %s: to publish the remote's history, run git -C %s fetch && git -C %s reset --hard @{upstream}, then publish again",
			dir, said, kept, dir, dir)
	case strings.Contains(out, "would be overwritten"), strings.Contains(out, "commit your changes or stash them"):
		return pullLocalChanges, site.Errorf(site.ECONFLICT,
			"git pull --ff-only in %s: files changed in the content folder would be overwritten by the pull%s; %s: commit those changes to the repository or put them aside, new files included (git -C %s stash --include-untracked), then publish again",
			dir, said, kept, dir)
	case strings.Contains(out, "not a git repository") && !strings.Contains(out, "does not appear to be a git repository"):
		return pullNotCheckout, site.Errorf(site.ECONFLICT,
			"git pull --ff-only in %s: the content folder is not a git checkout%s; %s: clone the content repository there, or run without --git-pull",
			dir, said, kept)
	}
	return pullOther, site.Errorf(site.EUNAVAILABLE,
		"git pull --ff-only in %s failed%s; %s: check the remote and its credentials (git -C %s pull --ff-only shows the same error)",
		dir, said, kept, dir)
}
