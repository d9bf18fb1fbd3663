package content

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRenderCache loads the same content twice through the cache and gets
// the same library; a changed file is rendered anew.
func TestRenderCache(t *testing.T) {
	fsys := fstest.MapFS{
		"billing/refund.md":    {Data: []byte("---\ntitle: Refunds\n---\nSee [fees](fees.md#card-fees).\n\n## Timing\n\nFive days.\n")},
		"billing/fees.md":      {Data: []byte("---\ntitle: Fees\n---\n## Card fees\n\n2%.\n")},
		"billing/broken.md":    {Data: []byte("---\ntitle: Broken\n---\n[gone](nope.md)\n")},
		"billing/_index.md":    {Data: []byte("---\ntitle: Billing\n---\nAll about **billing**.\n")},
		"billing/refund.fr.md": {Data: []byte("---\ntitle: Remboursements\nid: billing/refund\n---\nCinq jours.\n")},
	}
	cache := t.TempDir()
	ctx := context.Background()
	first, err := Load(ctx, fsys, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(cache, "render-*.gob"))
	if len(files) == 0 || len(files) > renderShards {
		t.Fatalf("%d cache files, want 1 to %d", len(files), renderShards)
	}
	before := readShards(t, cache)
	second, err := Load(ctx, fsys, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first.Articles, second.Articles) || !reflect.DeepEqual(first.Problems, second.Problems) ||
		!reflect.DeepEqual(first.Categories, second.Categories) {
		t.Fatal("library loaded from the cache differs from the rendered one")
	}
	fsys["billing/fees.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Fees\n---\n## Bank fees\n\n1%.\n")}
	third, err := Load(ctx, fsys, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	var fees string
	for _, a := range third.Articles {
		if a.ID == "billing/fees" {
			fees = string(a.HTML)
		}
	}
	if !strings.Contains(fees, "Bank fees") || len(third.Problems) <= len(first.Problems) {
		t.Errorf("changed content served from a stale cache: %s, %d problems", fees, len(third.Problems))
	}
	// Only the changed file was rendered again: the shard holding it is
	// the only one rewritten.
	after := readShards(t, cache)
	changed := filepath.Base((&renderCache{dir: cache}).file(shardOf("billing/fees.md")))
	for name, data := range after {
		if (name == changed) == (before[name] == data) {
			t.Errorf("shard %s rewritten: %v, want only %s", name, before[name] != data, changed)
		}
	}
	// A damaged cache file is ignored, never an error.
	for _, f := range files {
		os.WriteFile(f, []byte("garbage"), 0o644)
	}
	if _, err := Load(ctx, fsys, Options{Cache: cache}); err != nil {
		t.Fatal(err)
	}
}

// readShards returns the content of every render cache file by name.
func readShards(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "render-*.gob"))
	out := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(data)
	}
	return out
}

// TestRenderCacheTitle: retitling an article renders the others again,
// since links to it show its title.
func TestRenderCacheTitle(t *testing.T) {
	ctx := context.Background()
	cache := t.TempDir()
	fsys := fstest.MapFS{
		"billing/refund.md": {Data: []byte("---\ntitle: Refunds\n---\n{{< ref \"billing/fees.md\" >}}\n\nSee [fees](fees.md).\n")},
		"billing/fees.md":   {Data: []byte("---\ntitle: Fees\n---\nTwo percent.\n")},
	}
	load := func() map[string]string {
		lib, err := Load(ctx, fsys, Options{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, a := range lib.Articles {
			out[a.ID] = string(a.HTML)
		}
		return out
	}
	first := load()
	fsys["billing/fees.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Card fees\nslug: card-fees\n---\nTwo percent.\n")}
	second := load()
	fresh, err := Load(ctx, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range fresh.Articles {
		if second[a.ID] != string(a.HTML) {
			t.Errorf("%s from the cache after a rename differs from a fresh render:\n%s\nwant\n%s", a.ID, second[a.ID], a.HTML)
		}
	}
	if first["billing/refund"] == second["billing/refund"] {
		t.Errorf("refund still links to the old URL after the rename: %s", first["billing/refund"])
	}
}

// TestRenderCacheIncludes: an included file outside what the content hash
// covers (a folder starting with _) still invalidates the cache when it
// changes.
func TestRenderCacheIncludes(t *testing.T) {
	ctx := context.Background()
	cache := t.TempDir()
	fsys := fstest.MapFS{
		"docs/a.md":          {Data: []byte("---\ntitle: A\n---\n{{% include \"_common/note.md\" %}}\n")},
		"_common/note.md":    {Data: []byte("First version.\n")},
		"docs/includes/x.md": {Data: []byte("Snippet.\n")},
	}
	html := func() string {
		lib, err := Load(ctx, fsys, Options{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		if len(lib.Articles) != 1 {
			t.Fatalf("articles: %d (a snippet is no article)", len(lib.Articles))
		}
		return string(lib.Articles[0].HTML)
	}
	if h := html(); !strings.Contains(h, "First version.") {
		t.Fatalf("include not rendered: %s", h)
	}
	fsys["_common/note.md"] = &fstest.MapFile{Data: []byte("Second version.\n")}
	if h := html(); !strings.Contains(h, "Second version.") {
		t.Errorf("stale include served from the cache: %s", h)
	}
}
