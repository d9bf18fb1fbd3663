package publish

import (
	"context"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// watchInterval is how often dev mode looks for changed files.
const watchInterval = 500 * time.Millisecond

// PublishOn publishes the content again (Soon) at each signal on sig
// (SIGHUP), for trigger, until ctx ends.
func (p *Publisher) PublishOn(ctx context.Context, sig <-chan os.Signal, trigger string) {
	for {
		select {
		case <-ctx.Done():
			return
		case s := <-sig:
			p.opts.Logger.Info("signal: publishing the content again", "signal", s.String())
			p.Soon(trigger)
		}
	}
}

// Watcher publishes the content again whenever a file under its folders
// changes.
type Watcher struct {
	p     *Publisher
	roots []string
	last  uint64
}

// Watcher returns a watcher of roots (the content folder, themes/ and
// static/ in dev mode; the content folder with --watch) that takes the
// folders' state now: a change made after Watcher returns is published by
// Run.
func (p *Publisher) Watcher(roots []string) *Watcher {
	return &Watcher{p: p, roots: roots, last: treeSignature(roots)}
}

// Watch is Watcher(roots).Run(ctx).
func (p *Publisher) Watch(ctx context.Context, roots []string) { p.Watcher(roots).Run(ctx) }

// Run polls file sizes and modification times every half second until ctx
// ends (no dependency, every file system) and publishes after a change.
func (w *Watcher) Run(ctx context.Context) {
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		sig := treeSignature(w.roots)
		if sig == w.last {
			continue
		}
		w.last = sig
		w.p.Publish(ctx, "watch")
	}
}

// treeSignature hashes the path, size and modification time of every file
// under roots, skipping hidden folders.
func treeSignature(roots []string) uint64 {
	h := fnv.New64a()
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			fmt.Fprintf(h, "%s|%d|%d\n", p, info.Size(), info.ModTime().UnixNano())
			return nil
		})
	}
	if _, err := os.Stat("."); err != nil {
		return 0
	}
	return h.Sum64()
}
