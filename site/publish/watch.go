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

// Watch publishes the content again whenever a file under roots changes,
// until ctx ends: the content folder, themes/ and static/ in dev mode, the
// content folder with --watch. It polls file sizes and modification times
// every half second: no dependency, and it works on every file system.
func (p *Publisher) Watch(ctx context.Context, roots []string) {
	last := treeSignature(roots)
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		sig := treeSignature(roots)
		if sig == last {
			continue
		}
		last = sig
		p.Publish(ctx, "watch")
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
