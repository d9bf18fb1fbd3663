package content

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/guichet/guichet/site"
)

// readingsFile is the Memo's file readings kept in the render cache's
// folder, so that a restart on unchanged content reads no Markdown file:
// each file's size, modification and change times and inode are compared
// with those it was read at, as git's index does, and only a file whose
// stamp differs is read and parsed again. The files' last commit dates are
// kept with them: a restart at the same commit runs no `git log`.
const readingsFile = "readings.gob"

// readingsVersion changes with the layout of storedReading.
const readingsVersion = 2

// readingsChunk is how many readings are encoded together.
const readingsChunk = 1000

func init() {
	// The types YAML decodes an unknown front-matter field's value to
	// (Article.Extra): gob must know them to store them behind an any.
	gob.Register(map[string]any{})
	gob.Register([]any{})
	gob.Register(time.Time{})
}

// storedReadings is the content of readingsFile.
type storedReadings struct {
	Version int
	// Content is the content folder the readings are of, so that a data
	// folder pointed at another content folder reuses nothing.
	Content string
	// Chunks hold the readings, gob-encoded readingsChunk at a time,
	// so that a start decodes them in parallel.
	Chunks [][]byte
	// GitHead and GitDates are the files' last commit dates (Unix
	// seconds) in the content's git work tree at commit GitHead.
	GitHead  string
	GitDates map[string]int64
}

// storedReading is a readMemo in a form gob can store.
type storedReading struct {
	Path                     string
	Size, ModTime            int64
	Changed, Inode           uint64
	Ignore                   string
	Index, OK                bool
	Sum                      [sha256.Size]byte
	Line                     int
	Problems                 []site.Problem
	Raw                      []byte
	Article                  site.Article
	HasID, Updated           bool
	IDLine, SlugLine         int
	Set                      map[string]bool
	CatTitle, CatDescription string
	CatWeight                int
	CatIcon                  string
}

// restoreReadings fills an empty Memo with the readings kept in dir for
// the content folder content. A missing, damaged or foreign file restores
// nothing: every file is then read, as on a first start.
func (m *Memo) restoreReadings(dir, content string) {
	if m == nil || dir == "" {
		return
	}
	// The file is decoded without the lock, so that the render cache's
	// shards (Memo.renderedFor) load meanwhile.
	m.mu.Lock()
	if len(m.files) > 0 || m.readingsDir == dir {
		m.mu.Unlock()
		return
	}
	m.readingsDir = dir
	m.mu.Unlock()
	f, err := os.Open(filepath.Join(dir, readingsFile))
	if err != nil {
		return
	}
	defer f.Close()
	var stored storedReadings
	if err := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&stored); err != nil ||
		stored.Version != readingsVersion || stored.Content != content {
		return
	}
	chunks := make([][]storedReading, len(stored.Chunks))
	failed := make([]bool, len(stored.Chunks))
	parallel(context.Background(), len(chunks), func(i int) {
		failed[i] = gob.NewDecoder(bytes.NewReader(stored.Chunks[i])).Decode(&chunks[i]) != nil
	})
	if slices.Contains(failed, true) {
		return
	}
	files := make(map[string]*readMemo, len(stored.Chunks)*readingsChunk)
	for _, chunk := range chunks {
		for i := range chunk {
			r := &chunk[i]
			files[r.Path] = &readMemo{
				stamp:  fileStamp{size: r.Size, modTime: r.ModTime, changed: r.Changed, inode: r.Inode},
				ignore: r.Ignore, index: r.Index, sum: r.Sum, line: r.Line, probs: r.Problems, ok: r.OK, raw: r.Raw,
				meta: meta{a: r.Article, hasID: r.HasID, idLine: r.IDLine, slugLine: r.SlugLine, updated: r.Updated, set: r.Set},
				cat:  categoryMeta{title: r.CatTitle, description: r.CatDescription, weight: r.CatWeight, icon: r.CatIcon},
			}
		}
	}
	var git map[string]time.Time
	if stored.GitHead != "" {
		git = make(map[string]time.Time, len(stored.GitDates))
		for p, sec := range stored.GitDates {
			git[p] = time.Unix(sec, 0).UTC()
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.files) > 0 {
		return // a Load remembered readings meanwhile: they are newer
	}
	m.files = files
	if git != nil {
		m.gitDir, m.gitHead, m.git = content, stored.GitHead, git
	}
	m.saved = true
}

// saveReadings writes the Memo's readings to dir, atomically, when they
// differ from what dir holds. Errors are returned for logging only: the
// file is an optimisation.
func (m *Memo) saveReadings(dir, content string) error {
	if m == nil || dir == "" {
		return nil
	}
	m.mu.Lock()
	if m.saved && m.readingsDir == dir {
		m.mu.Unlock()
		return nil
	}
	stored := storedReadings{Version: readingsVersion, Content: content}
	readings := make([]storedReading, 0, len(m.files))
	if m.gitDir == content && m.git != nil {
		stored.GitHead, stored.GitDates = m.gitHead, make(map[string]int64, len(m.git))
		for p, t := range m.git {
			stored.GitDates[p] = t.Unix()
		}
	}
	for p, r := range m.files {
		if !gobSafe(r.meta.a.Extra) {
			continue // read again at the next start
		}
		readings = append(readings, storedReading{
			Path: p, Size: r.stamp.size, ModTime: r.stamp.modTime, Changed: r.stamp.changed, Inode: r.stamp.inode,
			Ignore: r.ignore, Index: r.index, OK: r.ok, Sum: r.sum, Line: r.line, Problems: r.probs, Raw: r.raw,
			Article: r.meta.a, HasID: r.meta.hasID, Updated: r.meta.updated, IDLine: r.meta.idLine, SlugLine: r.meta.slugLine,
			Set: r.meta.set, CatTitle: r.cat.title, CatDescription: r.cat.description, CatWeight: r.cat.weight, CatIcon: r.cat.icon,
		})
	}
	m.mu.Unlock()
	stored.Chunks = make([][]byte, (len(readings)+readingsChunk-1)/readingsChunk)
	errs := make([]error, len(stored.Chunks))
	parallel(context.Background(), len(stored.Chunks), func(i int) {
		var b bytes.Buffer
		errs[i] = gob.NewEncoder(&b).Encode(readings[i*readingsChunk : min(len(readings), (i+1)*readingsChunk)])
		stored.Chunks[i] = b.Bytes()
	})
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("save file readings: %w", err)
	}
	if err := writeAtomic(dir, readingsFile, func(w *bufio.Writer) error { return gob.NewEncoder(w).Encode(stored) }); err != nil {
		return fmt.Errorf("save file readings: %w", err)
	}
	m.mu.Lock()
	m.readingsDir, m.saved = dir, true
	m.mu.Unlock()
	return nil
}

// gobSafe reports whether v holds only values of types gob can store
// behind an any (see init): YAML gives other types for a few values
// (a mapping with non-string keys), whose file is then read again at the
// next start rather than stored.
func gobSafe(v any) bool {
	switch v := v.(type) {
	case nil, string, bool, int, int64, uint64, float64, time.Time:
		return true
	case []any:
		for _, e := range v {
			if !gobSafe(e) {
				return false
			}
		}
		return true
	case map[string]any:
		for _, e := range v {
			if !gobSafe(e) {
				return false
			}
		}
		return true
	}
	return false
}

// writeAtomic writes dir/name through a temporary file renamed into place,
// so that a reader never sees half a file.
func writeAtomic(dir, name string, write func(*bufio.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+name+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, name))
	}
	return err
}
