package publish

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
)

// The last good version of each article and site file (guichet.yaml,
// synonyms.yaml, redirects.yaml, i18n/*.yaml) survives a restart as a
// copy of its source file in the data folder (lastGoodDir), written after
// each publication for the articles that loaded and the site files without
// errors. A server that starts on a file that no longer loads reads the
// copy in its place first, and then the content as it is with that as the
// content being served: the article, the settings, synonyms, redirects
// or interface strings keep their last good version, with the warning a
// running server gives. The copy is the Markdown, not the rendered article, so that an
// upgrade renders it as it renders the rest.

// lastGoodDir is where the copies are kept under the data folder: outside
// the render cache, which is per build (an upgrade must find them).
func lastGoodDir(data string) string { return filepath.Join(data, "lastgood") }

// savedStamp is a copied file's version as it was when copied.
type savedStamp struct {
	size    int64
	modTime time.Time
}

// saveLastGood keeps a copy of the source file of every article of lib
// that loaded (not those served at their last good version, whose copy
// stays) and removes the copies of files that are neither, fixed or
// deleted. Files changed since the load started (start) are left for the
// next publication: the copy is of the version that loaded. Errors are
// logged, never fatal: only a restart on a broken file needs the copies.
func (p *Publisher) saveLastGood(lib *site.Library, start time.Time) {
	o := p.opts
	if o.Data == "" {
		return
	}
	dir := lastGoodDir(o.Data)
	kept := map[string]bool{}
	for _, pr := range lib.Problems {
		if pr.Kind == site.KindKept {
			kept[pr.File] = true
		}
	}
	want := map[string]bool{}
	if p.saved == nil {
		p.saved = map[string]savedStamp{}
	}
	// A shutdown (Close) waits for the copies rather than stopping them: a
	// server stopped right after publishing a fix, then restarted on the
	// file broken again, served the version before the fix. Only the
	// files changed since the last copy are written.
	// The site files too (guichet.yaml, synonyms.yaml, redirects.yaml,
	// i18n/*.yaml): a restart on a redirects.yaml that does not parse sent
	// every old URL to 404. A file with errors keeps its older copy.
	names := make([]string, 0, len(lib.Articles)+4)
	for _, a := range lib.Articles {
		names = append(names, a.SourcePath)
	}
	erred := siteFileErrors(lib)
	for _, name := range content.SiteFiles(o.Content) {
		want[name] = true
		if !erred[name] {
			names = append(names, name)
		}
	}
	for _, name := range names {
		want[name] = true
		if kept[name] || !fs.ValidPath(name) {
			continue
		}
		info, err := fs.Stat(o.Content, name)
		if err != nil || !info.Mode().IsRegular() || !info.ModTime().Before(start) {
			continue
		}
		stamp := savedStamp{info.Size(), info.ModTime()}
		if p.saved[name] == stamp {
			continue
		}
		data, err := fs.ReadFile(o.Content, name)
		if err != nil {
			continue
		}
		to := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(to); err != nil || !bytes.Equal(old, data) {
			if err := writeAtomic(to, data); err != nil {
				o.Logger.Warn("keep the last good version of a file", "file", name, "err", err)
				continue
			}
		}
		p.saved[name] = stamp
	}
	var folders []string
	filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if file != dir {
				folders = append(folders, file)
			}
			return nil
		}
		rel, err := filepath.Rel(dir, file)
		if err != nil {
			return nil
		}
		if name := filepath.ToSlash(rel); !want[name] {
			os.Remove(file)
			delete(p.saved, name)
		}
		return nil
	})
	// A folder whose files all went (i18n/ once the strings are deleted
	// from the content, a category removed) goes with them, deepest
	// first; one that still holds a copy is not empty and stays.
	for i := len(folders) - 1; i >= 0; i-- {
		os.Remove(folders[i])
	}
}

// writeAtomic writes data to file through a temporary file renamed over
// it, so that a crash leaves the old copy or the new one.
func writeAtomic(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".lastgood-*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// lastGood returns, for a first publication whose content has articles
// that do not load or site files that do not parse (see below), the
// library of the content with those files replaced by their copies
// (saveLastGood), to load the content again with as the content being
// served; nil when no copy is there.
func (p *Publisher) lastGood(ctx context.Context, lib *site.Library, opts content.Options) *site.Library {
	o := p.opts
	if o.Data == "" {
		return nil
	}
	var broken []string
	for _, b := range lib.Broken {
		broken = append(broken, b.SourcePath)
	}
	// A site file whose errors leave nothing of it served: one that does
	// not parse, or a guichet.yaml whose widget list cannot be told (the
	// server would not start). Another error (a logo that is not there)
	// is served as a running server serves it, without a second load.
	unparsed := map[string]bool{}
	for _, pr := range lib.Problems {
		if pr.Severity == site.SeverityError && pr.Kind == site.KindYAML {
			unparsed[filepath.ToSlash(pr.File)] = true
		}
	}
	for _, name := range content.SiteFiles(o.Content) {
		if unparsed[name] || name == "guichet.yaml" && (lib.Config.Broken || lib.Config.Widget.Invalid) {
			broken = append(broken, name)
		}
	}
	files := map[string][]byte{}
	for _, name := range broken {
		if !fs.ValidPath(name) {
			continue
		}
		if data, err := os.ReadFile(filepath.Join(lastGoodDir(o.Data), filepath.FromSlash(name))); err == nil {
			files[name] = data
		}
	}
	if len(files) == 0 {
		return nil
	}
	opts.Memo, opts.Previous = nil, nil // the memo holds the files as they are
	old, err := content.Load(ctx, overlay{o.Content, files}, opts)
	if err != nil {
		o.Logger.Warn("load the last good versions of the articles that do not load", "err", err)
		return nil
	}
	return old
}

// siteFileErrors returns the files of lib's errors (by their paths in
// the content folder): a site file among them has no last good copy
// made of it.
func siteFileErrors(lib *site.Library) map[string]bool {
	out := map[string]bool{}
	for _, pr := range lib.Problems {
		if pr.Severity == site.SeverityError {
			out[filepath.ToSlash(pr.File)] = true
		}
	}
	return out
}

// overlay is a content folder with some files' contents replaced.
type overlay struct {
	fs.FS
	files map[string][]byte
}

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.FS.Open(name)
	data, ok := o.files[name]
	if err != nil || !ok {
		return f, err
	}
	info, err := f.Stat()
	f.Close()
	if err != nil {
		return nil, err
	}
	return &memFile{Reader: bytes.NewReader(data), info: memInfo{info, int64(len(data))}}, nil
}

// memFile is a file of an overlay read from memory.
type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

// memInfo is the replaced file's information with the copy's size; Sys is
// nil, so that no reading is taken for the file on disk's.
type memInfo struct {
	fs.FileInfo
	size int64
}

func (i memInfo) Size() int64 { return i.size }
func (i memInfo) Sys() any    { return nil }
