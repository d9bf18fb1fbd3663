package content

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// gitDates returns the last commit time of every file under dir, keyed by
// path relative to dir, from a single `git log`. It returns nil when dir is
// not inside a git work tree or git is missing: callers then use file
// modification times.
func gitDates(ctx context.Context, dir string) map[string]time.Time {
	if dir == "" {
		return nil
	}
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "-c", "core.quotepath=off",
		"log", "--format=%x00%ct", "--name-only", "--no-renames", "--relative", "--", ".")
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	return parseGitLog(out)
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
