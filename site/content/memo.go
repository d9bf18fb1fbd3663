package content

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

// Memo carries, from one Load of a content folder to the next in the same
// process, what reading the folder again would only reproduce, so that a
// reload after a few files changed reads, parses and renders those files
// alone:
//
//   - each Markdown file's reading (content hash, front matter, problems),
//     reused while the file's size, modification and change times and
//     inode are those seen before; a file changed (modified, or its
//     status changed) in the two seconds before a Load is read again by
//     the next one, since a quick second write could keep the same times;
//   - the render cache's entries, decoded, so that no cache shard is
//     read from disk again;
//   - in a git work tree, the files' last commit dates and the commit they
//     were read at: after a pull, only the new commits are read.
//
// A restart starts with an empty Memo, filled from the readings the
// previous process kept in the render cache's folder (readingsFile): only
// the files whose stamp changed are read; the render cache is read from
// disk. Create a Memo with NewMemo and pass the same one
// to every Load of one folder (Options.Memo); it is safe for concurrent
// use, though Loads sharing it should run one at a time.
type Memo struct {
	mu    sync.Mutex
	files map[string]*readMemo // by source path
	// readingsDir is the folder files were restored from or saved to
	// (readingsFile), saved whether it holds them as they are now.
	readingsDir string
	saved       bool
	// The render cache's entries as last saved to cacheDir, and the
	// shards that could not be written.
	cacheDir string
	rendered *shardMaps
	bad      [renderShards]bool
	// The files' last commit times in gitDir at commit gitHead.
	gitDir, gitHead string
	git             map[string]time.Time
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{files: map[string]*readMemo{}} }

// racyWindow: a file modified this close to the start of a Load may be
// written again within the file system's time resolution without its
// times changing, so its reading is not reused.
const racyWindow = 2 * time.Second

// readMemo is a file's memorised reading: its stamp and how it was
// decoded, and either the reading itself (got) or where it is in the
// readings file mapped at start (file, rec), decoded when it is used.
type readMemo struct {
	stamp  fileStamp
	ignore string // Check.IgnoreFields it was decoded with
	index  bool   // decoded as a category's _index
	got    *reading
	file   *readingsView
	rec    int
}

// fileStamp identifies a version of a file without reading it.
type fileStamp struct {
	size           int64
	modTime        int64  // ns since 1970, as the system keeps it
	changed, inode uint64 // status change time (ns) and inode, where the system tells
}

// readings returns the memorised readings by path, to pass to reading:
// the map is replaced, never changed.
func (m *Memo) readings() map[string]*readMemo {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.files
}

// reading returns the memorised reading of s in files (Memo.readings),
// nil when there is none for its current version.
func (m *Memo) reading(files map[string]*readMemo, s *source, ignore string) *readMemo {
	if m == nil || s.info == nil {
		return nil
	}
	r := files[s.path]
	if r == nil || r.stamp != stampOf(s.info) || r.ignore != ignore || r.index != s.name.index {
		return nil
	}
	return r
}

// remember keeps the readings of this Load's sources, except those of
// files modified within racyWindow before start or that could not be read,
// and forgets the files gone.
func (m *Memo) remember(sources []*source, ignore string, start time.Time) {
	if m == nil {
		return
	}
	m.mu.Lock()
	old := m.files
	m.mu.Unlock()
	kept := func(s *source) bool {
		return s.info != nil && s.readOK && lastChange(s.info).Before(start.Add(-racyWindow))
	}
	// Every reading came from the memo as it is, none left out: the
	// memo stays as it is.
	same := len(sources) == len(old)
	for _, s := range sources {
		if !same {
			break
		}
		r := old[s.path]
		same = kept(s) && s.reused && r != nil && r.stamp == stampOf(s.info) && r.ignore == ignore && r.index == s.name.index
	}
	if same {
		return
	}
	files := make(map[string]*readMemo, len(sources))
	for _, s := range sources {
		if !kept(s) {
			continue
		}
		if r := old[s.path]; s.reused && r != nil && r.stamp == stampOf(s.info) && r.ignore == ignore && r.index == s.name.index {
			files[s.path] = r // the reading s was set from, unchanged
			continue
		}
		files[s.path] = &readMemo{
			stamp: stampOf(s.info), ignore: ignore, index: s.name.index,
			got: &reading{sum: s.sum, line: s.line, probs: slices.Clip(s.probs), ok: s.ok, meta: s.meta.copy(), cat: s.cat, raw: s.raw},
		}
	}
	m.mu.Lock()
	m.files = files
	m.saved = false
	m.mu.Unlock()
}

// lastChange is the later of a file's modification and status change
// times: a file given an old modification time (touch -d, an archive, a
// copy keeping times) was still written just now.
func lastChange(info fs.FileInfo) time.Time {
	t := info.ModTime()
	if c := stampOf(info).changed; c != 0 {
		if ct := time.Unix(0, int64(c)); ct.After(t) {
			t = ct
		}
	}
	return t
}

// reuse sets s from a memorised reading, and reports whether it could (a
// reading that does not decode from the readings file cannot: the file
// is then read). Nothing done to this Load's articles reaches the memo: a
// reading decoded from the file is new, and the lists and maps of one
// kept in memory are copied.
func (s *source) reuse(r *readMemo) bool {
	d, ok := r.data()
	if !ok {
		return false
	}
	if r.file == nil {
		d.meta = d.meta.copy()
		d.probs = slices.Clip(d.probs)
		if a := d.meta.a; a != nil {
			a.Tags, a.Keywords, a.Contexts = slices.Clone(a.Tags), slices.Clone(a.Keywords), slices.Clone(a.Contexts)
			a.TicketTags, a.Aliases, a.SearchTests = slices.Clone(a.TicketTags), slices.Clone(a.Aliases), slices.Clone(a.SearchTests)
			a.Files = slices.Clone(a.Files)
			a.Extra = maps.Clone(a.Extra)
		}
	}
	s.sum, s.modTime, s.line, s.ok = d.sum, time.Unix(0, r.stamp.modTime), d.line, d.ok
	s.probs, s.cat, s.raw, s.meta = d.probs, d.cat, d.raw, d.meta
	s.readOK, s.reused = true, true
	return true
}

// copy returns m with its own article (its lists and maps shared).
func (m meta) copy() meta {
	if m.a != nil {
		a := *m.a
		m.a = &a
	}
	return m
}

// ignoreKey is the memo key of the Check.IgnoreFields setting.
func ignoreKey(ignore []string) string { return strings.Join(ignore, "\x00") }

// renderedFor returns the render cache's entries last saved to dir, and
// its unwritable shards; nil when there are none.
func (m *Memo) renderedFor(dir string) (*shardMaps, [renderShards]bool) {
	if m == nil {
		return nil, [renderShards]bool{}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cacheDir != dir {
		return nil, [renderShards]bool{}
	}
	return m.rendered, m.bad
}

// setRendered records the render cache's entries just saved to dir.
func (m *Memo) setRendered(dir string, rendered *shardMaps, bad [renderShards]bool) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cacheDir, m.rendered, m.bad = dir, rendered, bad
}

// gitDates returns the commit dates last read from dir, and the commit
// they were read at.
func (m *Memo) gitDates(dir string) (string, map[string]time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.gitDir != dir {
		return "", nil
	}
	return m.gitHead, m.git
}

// setGitDates records the commit dates of dir at commit head.
func (m *Memo) setGitDates(dir, head string, dates map[string]time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.gitDir != dir || m.gitHead != head {
		m.saved = false
	}
	m.gitDir, m.gitHead, m.git = dir, head, dates
}
