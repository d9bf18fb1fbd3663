package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// CheckDir returns nil when dir names a folder, as every command that reads
// the content needs first, else an error that says what to do: a folder
// that does not exist is named with the working directory it was looked
// for in (a relative path) and the two ways out, running from the folder
// that holds it or giving --content; when that working directory is itself
// a content folder (it holds guichet.yaml), the error says to give
// --content . instead. A file in its place is named as such; any other
// failure (permission) is returned wrapped, naming dir.
func CheckDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		where := ""
		if !filepath.IsAbs(dir) {
			if wd, err := os.Getwd(); err == nil {
				where = " in " + wd
				if _, err := os.Stat(configFile); err == nil {
					return fmt.Errorf("content folder %s not found%s, which holds %s itself: give --content . to use this folder", dir, where, configFile)
				}
			}
		}
		return fmt.Errorf("content folder %s not found%s: run guichet from the folder that holds it, or give its path with --content DIR", dir, where)
	case err != nil:
		return fmt.Errorf("content folder %s: %w", dir, err)
	case !info.IsDir():
		return fmt.Errorf("content folder %s is a file, not a folder: give --content the folder that holds guichet.yaml and the articles", dir)
	}
	return nil
}

// OpenDir opens the content folder dir, confined: no path read through the
// returned file system can leave it (symbolic links out of it and ".."
// fail). The folder is the one dir names at each publication: reading its
// top ("." by fs.ReadDir, as Load does first) opens dir again when it now
// names another folder — a symbolic link switched to a new release, a
// folder removed and cloned again — so a server publishes what the path
// holds, not the folder it first opened. Files read meanwhile come from
// the folder that was current when they were opened. The io.Closer closes
// the folders opened.
func OpenDir(dir string) (fs.FS, io.Closer, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("open content folder %s: %w", dir, err)
	}
	f := &followDir{dir: dir}
	f.cur.Store(&openRoot{root: root, fsys: root.FS().(rootFS)})
	return f, f, nil
}

// rootFS is what os.Root.FS gives.
type rootFS interface {
	fs.StatFS
	fs.ReadFileFS
	fs.ReadDirFS
	fs.ReadLinkFS
}

// openRoot is one opening of the content folder.
type openRoot struct {
	root *os.Root
	fsys rootFS
}

// The content folder reads as the folder opened by os.Root does: the
// loader's symbolic-link checks need Lstat and ReadLink.
var _ rootFS = (*followDir)(nil)

// followDir is the content folder as its path names it (see OpenDir).
type followDir struct {
	dir string
	mu  sync.Mutex // held while the folder is opened again
	cur atomic.Pointer[openRoot]
	old []*os.Root // folders replaced, closed with the rest
}

// follow opens the folder again when its path names another folder than
// the one open; it keeps the one open when the path cannot be read (a
// switch under way), so the last good content keeps serving.
func (f *followDir) follow() {
	f.mu.Lock()
	defer f.mu.Unlock()
	cur := f.cur.Load()
	now, err := os.Stat(f.dir)
	if err != nil || !now.IsDir() {
		return
	}
	if was, err := cur.root.Stat("."); err == nil && os.SameFile(was, now) {
		return
	}
	root, err := os.OpenRoot(f.dir)
	if err != nil {
		return
	}
	f.old = append(f.old, cur.root)
	f.cur.Store(&openRoot{root: root, fsys: root.FS().(rootFS)})
	// A file of the folder replaced may still be read by a request
	// started before: the folder is closed a while later.
	time.AfterFunc(time.Minute, func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		for i, r := range f.old {
			if r == cur.root {
				r.Close()
				f.old = append(f.old[:i], f.old[i+1:]...)
				break
			}
		}
	})
}

func (f *followDir) Open(name string) (fs.File, error) { return f.cur.Load().fsys.Open(name) }

func (f *followDir) Stat(name string) (fs.FileInfo, error) { return f.cur.Load().fsys.Stat(name) }

func (f *followDir) ReadFile(name string) ([]byte, error) { return f.cur.Load().fsys.ReadFile(name) }

func (f *followDir) ReadLink(name string) (string, error) { return f.cur.Load().fsys.ReadLink(name) }

func (f *followDir) Lstat(name string) (fs.FileInfo, error) { return f.cur.Load().fsys.Lstat(name) }

// ReadDir reads a folder of the content; its top opens the folder again
// when the path names another one (see OpenDir).
func (f *followDir) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "." {
		f.follow()
	}
	return f.cur.Load().fsys.ReadDir(name)
}

// Close closes the folder and those it replaced.
func (f *followDir) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, r := range f.old {
		r.Close()
	}
	f.old = nil
	return f.cur.Load().root.Close()
}
