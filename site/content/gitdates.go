package content

import (
	"bufio"
	"bytes"
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// gitDates returns the last commit time of every file under dir, keyed by
// path relative to dir, from a single `git log`. It returns nil when dir is
// not inside a git work tree or git is missing: callers then use file
// modification times. With a memo holding the dates of an earlier HEAD
// that the current one descends from (a pull), only the commits since are
// read; with the same HEAD, none (except in a shallow clone, whose history
// is read whole).
func gitDates(ctx context.Context, dir string, memo *Memo) map[string]time.Time {
	if dir == "" {
		return nil
	}
	if !inGitWorkTree(dir) {
		return nil
	}
	if memo == nil {
		return gitLog(ctx, dir, "")
	}
	head := gitRun(ctx, dir, "rev-parse", "--is-shallow-repository", "--verify", "-q", "HEAD")
	if head == nil {
		return nil
	}
	shallow, at, _ := strings.Cut(strings.TrimSpace(string(head)), "\n")
	if shallow == "true" {
		// A shallow clone dates every file its history does not reach
		// at its oldest commit: such dates are not kept, so that once
		// the history is fetched (git fetch --unshallow, at the same
		// HEAD) the next load reads the true ones. Its short history
		// is read whole each time.
		memo.setGitDates(dir, "", nil)
		return gitLog(ctx, dir, "")
	}
	prevAt, prev := memo.gitDates(dir)
	var dates map[string]time.Time
	switch {
	case prev != nil && prevAt == at:
		return prev
	case prev != nil && gitRun(ctx, dir, "merge-base", "--is-ancestor", prevAt, at) != nil:
		newer := gitLog(ctx, dir, prevAt+".."+at)
		if newer == nil {
			return gitLog(ctx, dir, "")
		}
		dates = maps.Clone(prev)
		for p, t := range newer {
			if t.After(dates[p]) {
				dates[p] = t
			}
		}
	default:
		dates = gitLog(ctx, dir, "")
	}
	if dates != nil {
		memo.setGitDates(dir, at, dates)
	}
	return dates
}

// gitLog runs `git log` on dir (over revs, "" for HEAD's whole history) and
// returns the last commit time of every file it names; nil on error.
func gitLog(ctx context.Context, dir, revs string) map[string]time.Time {
	args := []string{"-c", "core.quotepath=off", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--relative"}
	if revs != "" {
		args = append(args, revs)
	}
	out := gitRun(ctx, dir, append(args, "--", ".")...)
	if out == nil {
		return nil
	}
	return parseGitLog(out)
}

// inGitWorkTree reports whether dir may be inside a git work tree: a .git
// folder or file in it or a parent, or GIT_DIR set. It saves starting git
// (tens of milliseconds) for a content folder outside git.
func inGitWorkTree(dir string) bool {
	if os.Getenv("GIT_DIR") != "" {
		return true
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return true
	}
	for {
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return false
		}
		abs = parent
	}
}

// gitRun runs git in dir and returns its output, nil when it fails.
func gitRun(ctx context.Context, dir string, args ...string) []byte {
	out, err := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...).Output()
	if err != nil {
		return nil
	}
	if out == nil {
		out = []byte{}
	}
	return out
}

// parseGitLog reads `git log --format=%x00%ct --name-only` output, newest
// commit first: each path gets the time of the first commit naming it.
func parseGitLog(out []byte) map[string]time.Time {
	dates := map[string]time.Time{}
	var cur time.Time
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "\x00"):
			if sec, err := strconv.ParseInt(line[1:], 10, 64); err == nil {
				cur = time.Unix(sec, 0).UTC()
			}
		case line == "" || cur.IsZero():
		default:
			if strings.HasPrefix(line, `"`) {
				if u, err := strconv.Unquote(line); err == nil {
					line = u
				}
			}
			if _, ok := dates[line]; !ok {
				dates[line] = cur
			}
		}
	}
	return dates
}
