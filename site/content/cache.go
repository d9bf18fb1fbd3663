package content

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// renderCacheVersion changes whenever the rendered output of the same
// Markdown changes, so a cache written by older code is never reused; it
// is part of the content hash too, which names the search index built
// from that output (a variable for the test that checks it).
var renderCacheVersion = "55" // 2: focusable code blocks and tables, sized images; 3: published files; 4: other tools' syntax, footnotes; 5: Section.Verbatim; 6: anchors from normalised text; 7: indented DocFX blocks, theme ids refused in raw HTML; 8: one key per file, sharded; 9: shards as an index and one block of text; 10: shards as columns read in place; 11: MkDocs admonitions titled by type; 12: Docusaurus and VitePress blocks too, links without .md resolved, links to home pages, JSX expressions and icons left out; 13: links to the top of the content folder (../) lead home; 14: callout titles as inline Markdown; 15: emoji shortcodes; 16: root-absolute links without extension resolved; 17: emoji in summaries and tab labels; 18: links.root, /docs/ and Docusaurus slug URLs, broken root links name links.root; 19: root-absolute links with a dot in the last segment (bb457125(v=ws.10), Outlook.MailItem, a .html page) resolved as pages; 20: callout titles, summaries, tab labels and captions in the text, callout titles in eight languages, the title heading after MDX imports dropped; 21: warnings for ::: blocks never closed and MkDocs content not indented; 22: what footnotes say in the text (searched); 23: MkDocs admonition types titled in the eight languages; 24: a warning for MkDocs admonitions left as text; 25: MkDocs caution and attention titled as the caution callout; 26: the text of HTML blocks kept when raw HTML is left out, tabs labelled by a Tabs values list, links outside the content folder as text; 27: inline script, style and media text left out, the words of kept block text apart; 28: MkDocs [TOC] and {: .class} lines left out, the text beside code, media and tables in an HTML block kept, Docusaurus last_update dates; 29: an HTML block names the element left out with its text; 30: MkDocs heading attribute lists with a colon ({: #id}) read as the heading's attributes; 31: a translated page's link to an original that did not load leads to the translation, Hugo translationKey, page-relative aliases; 32: code block titles (title= in the fence); 33: broken links shown as their text; 34: broken links to pictures and attachments too; 35: a tag left open at a line's end is no text; 36: the column of problems found while rendering; 37: a missing image shown as its alt text; 38: a description reads the alt text of pictures inside its sentence, a body of lists only its first item; 39: the param shortcode's description as plain text; 40: link and picture paths with backslashes; 41: HTML lists inside a line one item per line; 42: an anchor after a Hugo ref in a link; 43: a broken link or missing image names the file its letter case missed; 44: HTML anchors kept without allow_html; 45: the title heading left out keeps its anchor, links to places of the same page checked; 46: an escape after a line ending with a backslash and two spaces; 47: a pipe inside code in a table cell kept in its cell; 48: Hugo callout shortcodes titled by their type; 49: a <br> on a line of its own shown; 50: a front-matter field missing for {frontMatter.x} and param named, with the fields there are; 51: DocFX tabbed sections as tabs; 52: the ids of HTML wrappers (div, span…) kept as anchors without allow_html; 53: a <br> on a line of its own with text right under it shown; 54: the words the renderer writes as interface strings, Brazilian Portuguese tab and video labels; 55: HTML ids the page cannot keep reported

// renderShards is how many files the render cache is split into: loaded in
// parallel, and a reload after one file changed rewrites one of them.
const renderShards = 64

// cachedOutput is an Output with the key it was rendered under. Once
// made, neither is changed: a Load takes the Output as it is.
type cachedOutput struct {
	Key string
	Output
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
	// loaded is what the shard files held, by shard and source path;
	// bad lists the shards that could not be read.
	loaded *shardMaps
	bad    [renderShards]bool
}

// shardMaps holds the render cache's entries, by shard and source path.
type shardMaps [renderShards]map[string]*cachedOutput

func newRenderCache(dir, structure string, memo *Memo) *renderCache {
	if dir == "" {
		return nil
	}
	return &renderCache{dir: dir, structure: structure, memo: memo}
}

// key is the cache key of a source with content hash sum.
func (c *renderCache) key(p string, sum [sha256.Size]byte) string {
	k := c.keyOf(p, sum)
	return string(k[:])
}

// keyOf is key without an allocation: the hash of the version, the
// structure, the path and the content hash, one a line, its first 16
// bytes hex-encoded.
func (c *renderCache) keyOf(p string, sum [sha256.Size]byte) [32]byte {
	var b [512]byte
	in := append(b[:0], renderCacheVersion+"\n"...)
	in = append(in, c.structure...)
	in = append(in, '\n')
	in = append(in, p...)
	in = append(in, '\n')
	in = hex.AppendEncode(in, sum[:])
	h := sha256.Sum256(in)
	var k [32]byte
	hex.Encode(k[:], h[:16])
	return k
}

// shardOf is the shard of source path p: its 32-bit FNV-1a hash modulo
// renderShards (written out: hash/fnv allocates).
func shardOf(p string) int {
	h := uint32(2166136261)
	for i := 0; i < len(p); i++ {
		h ^= uint32(p[i])
		h *= 16777619
	}
	return int(h % renderShards)
}

func (c *renderCache) file(shard int) string { return filepath.Join(c.dir, shardName(shard)) }

func shardName(shard int) string { return fmt.Sprintf("render-%02d.gob", shard) }

// shards is what the render cache's folder holds: the entries by shard
// and source path, and the shards that could not be read.
type shards struct {
	loaded *shardMaps
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
	out := shards{loaded: &shardMaps{}}
	parallel(ctx, renderShards, func(i int) {
		stored, err := readShard(filepath.Join(dir, shardName(i)))
		if err != nil {
			out.bad[i] = true
			return
		}
		out.loaded[i] = stored
	})
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
	if c == nil || c.loaded == nil {
		return nil
	}
	s := c.loaded[shardOf(p)][p]
	if s == nil {
		return nil
	}
	if k := c.keyOf(p, sum); s.Key != string(k[:]) {
		return nil
	}
	return &s.Output
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
	// A shard is written again when an entry in it was rendered anew, or
	// one it held is gone (fewer of its entries were taken from it than
	// it held), or it could not be read.
	var dirty [renderShards]bool
	var taken [renderShards]int
	byShard := make([][]cacheEntry, renderShards)
	for _, e := range entries {
		i := shardOf(e.path)
		byShard[i] = append(byShard[i], e)
		if !e.fresh {
			taken[i]++
		}
		dirty[i] = dirty[i] || e.fresh || c.bad[i]
	}
	loaded := c.loaded
	if loaded == nil {
		loaded = &shardMaps{}
	}
	for i, part := range loaded {
		dirty[i] = dirty[i] || taken[i] != len(part)
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		c.memo.setRendered("", nil, [renderShards]bool{})
		return fmt.Errorf("create render cache: %w", err)
	}
	stored := &shardMaps{}
	for i, part := range byShard {
		if !dirty[i] {
			stored[i] = loaded[i] // every entry taken from it as it is
			continue
		}
		stored[i] = make(map[string]*cachedOutput, len(part))
		for _, e := range part {
			if o := loaded[i][e.path]; !e.fresh && o != nil {
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
		var bad [renderShards]bool
		for i := range stored {
			bad[i] = errs[i] != nil
		}
		c.memo.setRendered(c.dir, stored, bad)
	}
	return errors.Join(errs...)
}

// stored is the form of an entry in a shard.
func (c *renderCache) stored(e cacheEntry) *cachedOutput {
	return &cachedOutput{Key: c.key(e.path, e.sum), Output: *e.out}
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
