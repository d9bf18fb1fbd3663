package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"

	"github.com/guichet/guichet/site"
)

// renderCacheVersion changes whenever the rendered output of the same
// Markdown changes, so a cache written by older code is never reused.
const renderCacheVersion = "7" // 2: focusable code blocks and tables, sized images; 3: published files; 4: other tools' syntax, footnotes; 5: Section.Verbatim; 6: anchors from normalised text; 7: indented DocFX blocks, theme ids refused in raw HTML

// cachedOutput is an Output in a form gob can store.
type cachedOutput struct {
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

// renderCache keeps the rendered output of a whole content folder in one
// file named for the content's hash: a restart with unchanged content skips
// Markdown rendering. Any change to any file changes the hash, so links
// between articles can never be stale.
type renderCache struct {
	dir string
	key string
}

func newRenderCache(dir, contentHash string) *renderCache {
	if dir == "" {
		return nil
	}
	sum := sha256.Sum256([]byte(renderCacheVersion + "\n" + contentHash))
	return &renderCache{dir: dir, key: hex.EncodeToString(sum[:16])}
}

func (c *renderCache) file() string {
	return filepath.Join(c.dir, "render-"+c.key+".gob")
}

// load returns the cached outputs by source path, or nil when there are
// none (or they cannot be read: the cache is only an optimisation).
func (c *renderCache) load() map[string]*Output {
	if c == nil {
		return nil
	}
	b, err := os.ReadFile(c.file())
	if err != nil {
		return nil
	}
	var stored map[string]cachedOutput
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&stored); err != nil {
		return nil
	}
	out := make(map[string]*Output, len(stored))
	for p, s := range stored {
		out[p] = &Output{
			HTML: template.HTML(s.HTML), Headings: s.Headings, TOC: s.TOC, Sections: s.Sections,
			Text: s.Text, Problems: s.Problems, anchors: s.Anchors, lead: s.Lead, includes: s.Includes, Files: s.Files,
		}
	}
	return out
}

// save writes the outputs atomically and removes the caches of older
// content. Errors are returned for logging only.
func (c *renderCache) save(outs map[string]*Output) error {
	if c == nil {
		return nil
	}
	stored := make(map[string]cachedOutput, len(outs))
	for p, o := range outs {
		stored[p] = cachedOutput{
			HTML: string(o.HTML), Headings: o.Headings, TOC: o.TOC, Sections: o.Sections,
			Text: o.Text, Problems: o.Problems, Anchors: o.anchors, Lead: o.lead, Includes: o.includes, Files: o.Files,
		}
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fmt.Errorf("create render cache: %w", err)
	}
	tmp, err := os.CreateTemp(c.dir, ".render-*.tmp")
	if err != nil {
		return fmt.Errorf("create render cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := gob.NewEncoder(tmp).Encode(stored); err != nil {
		tmp.Close()
		return fmt.Errorf("write render cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write render cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), c.file()); err != nil {
		return fmt.Errorf("write render cache: %w", err)
	}
	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, "render-") && strings.HasSuffix(n, ".gob") && n != filepath.Base(c.file()) {
			os.Remove(filepath.Join(c.dir, n))
		}
	}
	return nil
}
