package content

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site"
)

// countingFS counts the Markdown files a folder (a MapFS, or a real
// one) has opened for reading.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	opens map[string]int
}

func newCountingFS(fsys fs.FS) *countingFS { return &countingFS{FS: fsys, opens: map[string]int{}} }

func (c *countingFS) Open(name string) (fs.File, error) {
	if isMarkdown(name) {
		c.mu.Lock()
		c.opens[name]++
		c.mu.Unlock()
	}
	return c.FS.Open(name)
}

func (c *countingFS) opened() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.opens
	c.opens = map[string]int{}
	return out
}

// sameLibrary fails unless got and want hold the same articles,
// categories, problems and hash.
func sameLibrary(t *testing.T, what string, got, want *site.Library) {
	t.Helper()
	if !reflect.DeepEqual(got.Articles, want.Articles) || !reflect.DeepEqual(got.Categories, want.Categories) ||
		!reflect.DeepEqual(got.Problems, want.Problems) || got.Hash != want.Hash {
		t.Errorf("%s: the library differs from one loaded without the memo", what)
	}
}

// TestMemoReadsOnlyChangedFiles: with a Memo, a reload reads and renders
// only the files that changed, and loads the same library as a load
// without it, also when a retitle makes every file render again; a file
// written just before a load is read again by the next one.
func TestMemoReadsOnlyChangedFiles(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	files := fstest.MapFS{
		"billing/_index.md": {Data: []byte("---\ntitle: Billing\n---\nAll about billing.\n"), ModTime: old},
		"billing/refund.md": {Data: []byte("---\ntitle: Refunds\ntags: [money]\n---\nSee [fees](fees.md#card-fees).\n\n## Timing\n\nFive days.\n"), ModTime: old},
		"billing/fees.md":   {Data: []byte("---\ntitle: Fees\n---\n## Card fees\n\n2%.\n"), ModTime: old},
		"billing/broken.md": {Data: []byte("---\ntitle: [unclosed\n---\nBody.\n"), ModTime: old},
	}
	fsys := newCountingFS(files)
	ctx := context.Background()
	memo := NewMemo()
	cache := t.TempDir()
	load := func(what string, withMemo bool) *site.Library {
		t.Helper()
		opts := Options{Cache: cache}
		if withMemo {
			opts.Memo = memo
		} else {
			opts.Cache = t.TempDir() // rendered from scratch
		}
		lib, err := Load(ctx, fsys, opts)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return lib
	}
	first := load("first load", true)
	if n := len(fsys.opened()); n != 4 {
		t.Fatalf("first load read %d Markdown files, want 4", n)
	}
	second := load("unchanged", true)
	if got := fsys.opened(); len(got) != 0 {
		t.Errorf("reload of unchanged content read %v, want nothing", got)
	}
	sameLibrary(t, "unchanged", second, first)

	files["billing/fees.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Fees\n---\n## Card fees\n\n3% since May.\n"), ModTime: old.Add(time.Minute)}
	edited := load("one body edited", true)
	if got := fsys.opened(); !maps.Equal(got, map[string]int{"billing/fees.md": 1}) {
		t.Errorf("reload after one edit read %v, want billing/fees.md alone", got)
	}
	fsys.opened()
	sameLibrary(t, "one body edited", edited, load("one body edited, no memo", false))
	fsys.opened()

	// A retitle changes links between articles: every file renders
	// again, its body read again from the file.
	files["billing/fees.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Card fees\n---\n## Card fees\n\n3% since May.\n"), ModTime: old.Add(2 * time.Minute)}
	retitled := load("retitled", true)
	fsys.opened()
	sameLibrary(t, "retitled", retitled, load("retitled, no memo", false))
	for _, a := range retitled.Articles {
		if a.ID == "billing/refund" && !strings.Contains(string(a.HTML), "Five days") {
			t.Errorf("refund rendered again without its body: %s", a.HTML)
		}
	}
	fsys.opened()

	// Written just now: the times may not change on a quick second
	// write, so the next load reads the file again.
	now := time.Now()
	files["billing/fees.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Card fees\n---\nVersion A.\n"), ModTime: now}
	load("racy write", true)
	fsys.opened()
	files["billing/fees.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Card fees\n---\nVersion B.\n"), ModTime: now}
	racy := load("second racy write", true)
	if got := fsys.opened(); got["billing/fees.md"] != 1 {
		t.Errorf("a file written within the racy window was not read again: %v", got)
	}
	for _, a := range racy.Articles {
		if a.ID == "billing/fees" && !strings.Contains(a.Text, "Version B") {
			t.Errorf("same size and time, new content: served %q", a.Text)
		}
	}
}

// TestMemoSkipsCacheShards: with a Memo, a reload takes the rendered
// output from memory: it neither reads nor rewrites the cache shards.
func TestMemoSkipsCacheShards(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	fsys := fstest.MapFS{
		"help/start.md": {Data: []byte("---\ntitle: Start\n---\nHello.\n"), ModTime: old},
		"help/end.md":   {Data: []byte("---\ntitle: End\n---\nBye.\n"), ModTime: old},
	}
	ctx := context.Background()
	memo := NewMemo()
	cache := t.TempDir()
	first, err := Load(ctx, fsys, Options{Cache: cache, Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(cache, "render-*.gob"))
	if len(files) == 0 {
		t.Fatal("no cache shard written")
	}
	for _, f := range files {
		os.WriteFile(f, []byte("garbage"), 0o644)
	}
	second, err := Load(ctx, fsys, Options{Cache: cache, Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	sameLibrary(t, "reload", second, first)
	for _, f := range files {
		if data, _ := os.ReadFile(f); string(data) != "garbage" {
			t.Errorf("%s was read and rewritten", f)
		}
	}
}
