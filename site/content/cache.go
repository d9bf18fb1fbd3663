package content

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"maps"
	"os"
	"path/filepath"

	"github.com/guichet/guichet/site"
)

// renderCacheVersion changes whenever the rendered output of the same
// Markdown changes, so a cache written by older code is never reused.
const renderCacheVersion = "9" // 2: focusable code blocks and tables, sized images; 3: published files; 4: other tools' syntax, footnotes; 5: Section.Verbatim; 6: anchors from normalised text; 7: indented DocFX blocks, theme ids refused in raw HTML; 8: one key per file, sharded; 9: shards as an index and one block of text

// renderShards is how many files the render cache is split into: loaded in
// parallel, and a reload after one file changed rewrites one of them.
const renderShards = 64

// cachedOutput is an Output in a form gob can store, with the key it was
// rendered under.
type cachedOutput struct {
	Key      string
	HTML     string
	Headings []site.Heading
	TOC      []site.Heading
	Sections []site.Section
	Text     string
	Problems []site.Problem
	Anchors  []anchorRef
	Lead     string
	Includes map[string][sha256.Size]byte
	Files    []string
}

// renderCache keeps the rendered output of every Markdown file in
// renderShards files, each entry keyed by the file's content and by what
// rendering it reads from the rest of the site (structure: every article's
// path, URL, ID and title, the folders, the other files' names and image
// sizes, the settings). Editing the body of one article renders that
// article alone again; renaming, moving or retitling one, or changing the
// settings, renders everything again, so links between articles can never
// be stale. Included files are checked by their own hashes.
type renderCache struct {
	dir       string
	structure string
	memo      *Memo // holds the entries decoded by the previous Load
	// loaded is what the shard files held, by source path; bad lists
	// the shards that could not be read.
	loaded map[string]*cachedOutput
	bad    [renderShards]bool
}

func newRenderCache(dir, structure string, memo *Memo) *renderCache {
	if dir == "" {
		return nil
	}
	return &renderCache{dir: dir, structure: structure, memo: memo}
}

// key is the cache key of a source with content hash sum.
func (c *renderCache) key(p string, sum [sha256.Size]byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\n%x", renderCacheVersion, c.structure, p, sum)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func shardOf(p string) int {
	h := fnv.New32a()
	h.Write([]byte(p))
	return int(h.Sum32() % renderShards)
}

func (c *renderCache) file(shard int) string { return filepath.Join(c.dir, shardName(shard)) }

func shardName(shard int) string { return fmt.Sprintf("render-%02d.gob", shard) }

// shards is what the render cache's folder holds: the entries by source
// path, and the shards that could not be read.
type shards struct {
	loaded map[string]*cachedOutput
	bad    [renderShards]bool
}

// loadShards reads every shard of dir, in parallel, unless memo holds
// what the previous Load saved there. A missing or damaged shard is only
// a miss: the cache is an optimisation. Load starts it in the background
// as it begins, since reading the shards needs nothing the walk finds.
func loadShards(ctx context.Context, dir string, memo *Memo) shards {
	if dir == "" {
		return shards{}
	}
	if loaded, bad := memo.renderedFor(dir); loaded != nil {
		return shards{loaded, bad}
	}
	var out shards
	parts := make([]map[string]*cachedOutput, renderShards)
	parallel(ctx, renderShards, func(i int) {
		stored, err := readShard(filepath.Join(dir, shardName(i)))
		if err != nil {
			out.bad[i] = true
			return
		}
		parts[i] = stored
	})
	out.loaded = map[string]*cachedOutput{}
	for _, part := range parts {
		maps.Copy(out.loaded, part)
	}
	return out
}

// load takes the shards loadShards read.
func (c *renderCache) load(pending <-chan shards) {
	if c == nil {
		return
	}
	s := <-pending
	c.loaded, c.bad = s.loaded, s.bad
}

// get returns the cached output of source p with content hash sum, nil
// when there is none for this key.
func (c *renderCache) get(p string, sum [sha256.Size]byte) *Output {
	if c == nil {
		return nil
	}
	s := c.loaded[p]
	if s == nil || s.Key != c.key(p, sum) {
		return nil
	}
	return &Output{
		HTML: template.HTML(s.HTML), Headings: s.Headings, TOC: s.TOC, Sections: s.Sections,
		Text: s.Text, Problems: s.Problems, anchors: s.Anchors, lead: s.Lead, includes: s.Includes, Files: s.Files,
	}
}

// cacheEntry is one source's output to store.
type cacheEntry struct {
	path  string
	sum   [sha256.Size]byte
	out   *Output
	fresh bool // rendered by this load, not taken from the cache
}

// save rewrites the shards whose content changed: an entry rendered anew,
// one gone, or a shard that could not be read. Errors are returned for
// logging only.
func (c *renderCache) save(ctx context.Context, entries []cacheEntry) error {
	if c == nil {
		return nil
	}
	var dirty [renderShards]bool
	byShard := make([][]cacheEntry, renderShards)
	current := make(map[string]bool, len(entries))
	for _, e := range entries {
		i := shardOf(e.path)
		byShard[i] = append(byShard[i], e)
		current[e.path] = true
		dirty[i] = dirty[i] || e.fresh || c.bad[i]
	}
	for p := range c.loaded {
		if !current[p] {
			dirty[shardOf(p)] = true
		}
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		c.memo.setRendered("", nil, [renderShards]bool{})
		return fmt.Errorf("create render cache: %w", err)
	}
	stored := make([]map[string]*cachedOutput, renderShards)
	for i, part := range byShard {
		if !dirty[i] && c.memo == nil {
			continue
		}
		stored[i] = make(map[string]*cachedOutput, len(part))
		for _, e := range part {
			if o := c.loaded[e.path]; !e.fresh && o != nil {
				stored[i][e.path] = o // taken from the cache under this key
				continue
			}
			stored[i][e.path] = c.stored(e)
		}
	}
	errs := make([]error, renderShards)
	parallel(ctx, renderShards, func(i int) {
		if dirty[i] {
			errs[i] = c.writeShard(i, stored[i])
		}
	})
	if c.memo != nil {
		all := make(map[string]*cachedOutput, len(entries))
		var bad [renderShards]bool
		for i, part := range stored {
			maps.Copy(all, part)
			bad[i] = errs[i] != nil
		}
		c.memo.setRendered(c.dir, all, bad)
	}
	return errors.Join(errs...)
}

// stored is the form of an entry in a shard.
func (c *renderCache) stored(e cacheEntry) *cachedOutput {
	o := e.out
	return &cachedOutput{
		Key: c.key(e.path, e.sum), HTML: string(o.HTML), Headings: o.Headings, TOC: o.TOC, Sections: o.Sections,
		Text: o.Text, Problems: o.Problems, Anchors: o.anchors, Lead: o.lead, Includes: o.includes, Files: o.Files,
	}
}

// writeShard writes one shard atomically.
func (c *renderCache) writeShard(shard int, stored map[string]*cachedOutput) error {
	tmp, err := os.CreateTemp(c.dir, ".render-*.tmp")
	if err != nil {
		return fmt.Errorf("create render cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	if err := encodeShard(w, stored); err != nil {
		tmp.Close()
		return fmt.Errorf("write render cache %s: %w", c.file(shard), err)
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write render cache %s: %w", c.file(shard), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write render cache %s: %w", c.file(shard), err)
	}
	if err := os.Rename(tmp.Name(), c.file(shard)); err != nil {
		return fmt.Errorf("write render cache %s: %w", c.file(shard), err)
	}
	return nil
}
