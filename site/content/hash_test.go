package content

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"strings"
	"testing"
)

// TestHashesAsBefore: the content hash, the render cache key and the
// shard of a file are what fmt and hash/fnv gave before they were written
// out by hand (the content hash names the search index a restart
// reuses).
func TestHashesAsBefore(t *testing.T) {
	want := sha256.New()
	w := newHashWriter()
	for i := range 5000 {
		s := fmt.Sprintf("p%d/é\"x\n", i) + strings.Repeat("a", i%50)
		fmt.Fprintf(want, "asset %s %v\n", s, [2]int{i, -3})
		w.str("asset ").str(s).size([2]int{i, -3}).str("\n")
		var sum [32]byte
		sum[3] = byte(i)
		fmt.Fprintf(want, "file %s %x\n", s, sum)
		w.str("file ").str(s).str(" ").sum(sum).str("\n")
	}
	if got := w.hex(); got != hex.EncodeToString(want.Sum(nil)) {
		t.Fatal("differs")
	}
	c := &renderCache{structure: "abc"}
	var sum [32]byte
	sum[0] = 9
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\n%x", renderCacheVersion, c.structure, "a/b.md", sum)
	if c.key("a/b.md", sum) != hex.EncodeToString(h.Sum(nil)[:16]) {
		t.Fatal("key differs")
	}
	for _, p := range []string{"", "a/b.md", "é/ü.fr.md", strings.Repeat("x", 300)} {
		f := fnv.New32a()
		f.Write([]byte(p))
		if got, want := shardOf(p), int(f.Sum32()%renderShards); got != want {
			t.Errorf("shard of %q: %d, want %d", p, got, want)
		}
	}
}

// TestHashFollowsRendering: the same files rendered by a newer renderer
// are other content: its hash, which names the search index a restart
// reuses, changes with renderCacheVersion (an upgrade that puts callout
// titles into the text kept serving the index built without them).
func TestHashFollowsRendering(t *testing.T) {
	files := map[string]string{"help/a.md": "---\ntitle: A\n---\n:::tip[Faster setup]\nB.\n:::\n"}
	before := load(t, files).Hash
	old := renderCacheVersion
	renderCacheVersion = old + "-next"
	defer func() { renderCacheVersion = old }()
	if after := load(t, files).Hash; after == before {
		t.Errorf("the content hash %s did not change with the renderer's version", after)
	}
}
