package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"golang.org/x/sync/errgroup"

	"github.com/guichet/guichet/site"
)

// maxUpdateShare is the largest share of a locale's articles an
// incremental update changes (added, changed and removed articles over
// the articles of the new content): above it the locale is built whole,
// since updating would cost a good part of a whole build and leave many
// deleted documents in the old segments.
const maxUpdateShare = 0.25

// How a locale's on-disk index is made from the previous publication's.
type localePlan struct {
	// reuse: no article of the locale changed; its directory is taken
	// as it is.
	reuse bool
	// update: prev's directory is copied and these documents deleted and
	// indexed again; nil prev means a whole build.
	prev    *localeIndex
	removed []*site.Article // previous versions of removed and changed articles
	added   []*site.Article // new and changed articles
}

// touched counts the articles added, changed or removed.
func (p localePlan) touched() int {
	ids := make(map[string]bool, len(p.added)+len(p.removed))
	for _, a := range p.added {
		ids[docID(a)] = true
	}
	for _, a := range p.removed {
		ids[docID(a)] = true
	}
	return len(ids)
}

// planLocale compares the articles of a locale with those prev was built
// from. Without a previous index of the locale, or when more than
// maxUpdateShare of the articles changed, the plan is a whole build.
func planLocale(v *site.View, locale string, prev *localeIndex) localePlan {
	if prev == nil {
		return localePlan{}
	}
	articles := v.ByLocale[locale]
	p := localePlan{prev: prev}
	seen := make(map[string]bool, len(articles))
	for _, a := range articles {
		id := docID(a)
		seen[id] = true
		d, ok := prev.byID[id]
		switch {
		case !ok:
			p.added = append(p.added, a)
		case !sameIndexed(prev.docs[d], a):
			p.removed = append(p.removed, prev.docs[d])
			p.added = append(p.added, a)
		}
	}
	for _, a := range prev.docs {
		if !seen[docID(a)] {
			p.removed = append(p.removed, a)
		}
	}
	if len(p.added) == 0 && len(p.removed) == 0 {
		p.reuse = true
		return p
	}
	if float64(p.touched()) > maxUpdateShare*float64(len(articles)) {
		return localePlan{}
	}
	return p
}

// BuildFrom is Build, deriving the new on-disk index from prev's (the
// index being served, built from the previous content) where it can: a
// locale whose articles did not change is copied as it is (the segment
// files hard-linked when the file system allows); a locale where at most a
// quarter of the articles were added, changed or removed is copied, and
// only those documents are deleted and indexed again, its term counts
// updated by subtracting the old versions' terms and adding the new
// ones'; any other locale is built whole. The result answers every query
// as a whole build of the same content does, but for the rounding of
// scores (update_test.go).
//
// Without prev, with an in-memory prev or dir == "", or when prev's
// directory is gone, BuildFrom is Build; a locale whose previous index
// cannot be copied or updated (a file deleted by hand, another mapping) is
// built whole. prev is only read; it stays
// usable. The new index is made in a temporary directory and renamed into
// place, as Build's.
func BuildFrom(ctx context.Context, v *site.View, dir string, prev *Index) (*Index, error) {
	key := Key(v)
	if dir == "" {
		return build(ctx, v, key)
	}
	final := filepath.Join(dir, key)
	if complete(final) {
		ix, err := open(v, key, final)
		if err == nil {
			return ix, nil
		}
		// A damaged index is derived data: rebuild it.
		if err := os.RemoveAll(final); err != nil {
			return nil, fmt.Errorf("search: remove damaged index %s: %w", final, err)
		}
	}
	if prev != nil && (prev.root == "" || !complete(prev.root)) {
		prev = nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("search: build: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, ".tmp-"+key+"-")
	if err != nil {
		return nil, fmt.Errorf("search: build: %w", err)
	}
	defer os.RemoveAll(tmp) // no-op once renamed
	indexed, err := buildDisk(ctx, v, tmp, prev)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, markerFile), []byte(key+"\n"), 0o644); err != nil {
		return nil, fmt.Errorf("search: build: %w", err)
	}
	if _, err := os.Stat(final); err == nil && !complete(final) {
		// Left over by an interrupted removal: not an index.
		if err := os.RemoveAll(final); err != nil {
			return nil, fmt.Errorf("search: build: %w", err)
		}
	}
	if err := os.Rename(tmp, final); err != nil {
		// Another process may have finished the same index first.
		if !complete(final) {
			return nil, fmt.Errorf("search: build: %w", err)
		}
	}
	ix, err := open(v, key, final)
	if err != nil {
		return nil, err
	}
	ix.indexed = indexed
	return ix, nil
}

// buildDisk makes the index of every locale of v under root, each as its
// plan says, in parallel, and returns how many articles were indexed or
// deleted.
func buildDisk(ctx context.Context, v *site.View, root string, prev *Index) (int, error) {
	locales := viewLocales(v)
	counts := make([]int, len(locales))
	g, gctx := errgroup.WithContext(ctx)
	for i, loc := range locales {
		g.Go(func() error {
			path := filepath.Join(root, localeDir(loc))
			var p localePlan
			if prev != nil {
				p = planLocale(v, loc, prev.locales[loc])
			}
			var err error
			counts[i], err = makeLocale(gctx, v, loc, path, p, prev)
			return err
		})
	}
	err := g.Wait()
	n := 0
	for _, c := range counts {
		n += c
	}
	return n, err
}

// makeLocale makes one locale's index at path as p says.
func makeLocale(ctx context.Context, v *site.View, locale, path string, p localePlan, prev *Index) (int, error) {
	if p.prev != nil {
		if deriveLocale(ctx, locale, path, p, filepath.Join(prev.root, localeDir(locale))) == nil {
			return p.touched(), nil
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		// Not the same mapping, or the previous index could not be
		// copied or updated (it is derived data, perhaps deleted by
		// hand): build whole.
		if err := os.RemoveAll(path); err != nil {
			return 0, fmt.Errorf("search: update %s index: %w", locale, err)
		}
	}
	li, err := buildLocale(ctx, v, locale, path)
	if err != nil {
		return 0, err
	}
	if err := li.idx.Close(); err != nil {
		return 0, fmt.Errorf("search: build %s index: close: %w", locale, err)
	}
	return len(v.ByLocale[locale]), nil
}

// deriveLocale makes the index at path from the previous one at from as p
// says.
func deriveLocale(ctx context.Context, locale, path string, p localePlan, from string) error {
	if err := copyIndexDir(from, path); err != nil {
		return err
	}
	if p.reuse {
		return nil
	}
	return updateLocale(ctx, locale, path, p)
}

// errMapping: an index's mapping is not the one this program builds.
var errMapping = errors.New("the index mapping differs")

// updateLocale applies p to the copy of the previous index at path: it
// deletes the documents of removed and changed articles, indexes the new
// versions and writes the updated term counts. It returns errMapping when
// the copy's mapping is not the one this program builds (the index must
// then be built whole).
func updateLocale(ctx context.Context, locale, path string, p localePlan) error {
	want, err := newMapping(locale)
	if err != nil {
		return err
	}
	idx, err := bleve.Open(path)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			idx.Close()
		}
	}()
	same, err := sameMapping(idx.Mapping(), want)
	if err != nil {
		return err
	}
	if !same {
		return errMapping
	}
	// A damaged copy (a file deleted by hand) may open as an empty index.
	if n, err := idx.DocCount(); err != nil || n != uint64(len(p.prev.docs)) {
		return fmt.Errorf("the previous index holds %d documents, not %d (%v)", n, len(p.prev.docs), err)
	}
	an, err := loadAnalyzers(idx.Mapping())
	if err != nil {
		return err
	}
	counts := p.prev.counts.clone()
	for _, a := range p.removed {
		d := articleDoc(docID(a), a, an)
		for _, f := range d.Fields {
			f.Analyze()
		}
		counts.sub(d)
	}
	b := idx.NewBatch()
	added := make(map[string]bool, len(p.added))
	for _, a := range p.added {
		added[docID(a)] = true
	}
	for _, a := range p.removed {
		if id := docID(a); !added[id] {
			b.Delete(id)
		}
	}
	docs := make([]*document.Document, 0, len(p.added))
	for _, a := range p.added {
		d := articleDoc(docID(a), a, an)
		if err := b.IndexAdvanced(d); err != nil {
			return err
		}
		docs = append(docs, d)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := safeBatch(idx, b); err != nil {
		return err
	}
	// Indexing analysed the fields: count their terms.
	for _, d := range docs {
		counts.add(d)
	}
	// Each update adds a segment: merge the small ones as bleve's tiered
	// policy says (the large one only once it holds many deleted
	// documents), so that they do not pile up over many edits.
	if adv, err := idx.Advanced(); err == nil {
		if s, ok := adv.(*scorch.Scorch); ok {
			mo := mergeplan.DefaultMergePlanOptions
			if err := s.ForceMerge(ctx, &mo); err != nil {
				return fmt.Errorf("merge: %w", err)
			}
		}
	}
	if err := counts.write(path); err != nil {
		return err
	}
	closed = true
	if err := idx.Close(); err != nil {
		return fmt.Errorf("close: %w", err)
	}
	return nil
}

// sameMapping reports whether two index mappings are the same.
func sameMapping(a, b any) (bool, error) {
	ja, err := json.Marshal(a)
	if err != nil {
		return false, err
	}
	jb, err := json.Marshal(b)
	if err != nil {
		return false, err
	}
	return slices.Equal(ja, jb), nil
}

// copyIndexDir copies the on-disk index of a locale from src into dst
// (which must not exist). Segment files (*.zap) are never written once
// made, so they are hard-linked when src and dst share a file system; the
// other files (bolt's root, bleve's metadata, the term counts) are copied.
func copyIndexDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file", p)
		}
		if filepath.Ext(p) == ".zap" {
			if err := os.Link(p, to); err == nil {
				return nil
			}
		}
		return copyFile(p, to)
	})
}

func copyFile(src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	if _, err := io.Copy(out, in); err != nil {
		return errors.Join(err, os.Remove(dst))
	}
	return nil
}
