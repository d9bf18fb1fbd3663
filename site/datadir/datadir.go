// Package datadir manages the data folder of a Guichet server: the events
// database, the search index and the render cache live there. It checks
// that the folder can be written before anything is built, locks it for
// one server at a time, and names the caches.
package datadir

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
)

// Check makes sure the data folder can hold what start-up writes
// (the events database, the search index and the render cache) before
// anything is built, so that a read-only or full disk is one clear error
// instead of a half-written index: it creates the folder, writes and
// removes a probe file, checks that what the folder already holds can be
// written by this user (unwritable), and compares the free space with need
// bytes. The folder is made readable by its owner and group only; the
// folders above it that it makes are made as mkdir -p makes them (0755
// less the umask), so that a folder made by root (guichet restore onto a
// new machine) and then given to the service user can be reached by it.
func Check(dir string, need int64) error {
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
		return explain(dir, err, need)
	}
	if err := os.Mkdir(dir, 0o750); err != nil && !errors.Is(err, fs.ErrExist) {
		return explain(dir, err, need)
	}
	f, err := os.CreateTemp(dir, ".guichet-probe-*")
	if err != nil {
		return explain(dir, err, need)
	}
	_, werr := f.Write(make([]byte, 64<<10))
	serr := f.Sync()
	cerr := f.Close()
	os.Remove(f.Name())
	if err := errors.Join(werr, serr, cerr); err != nil {
		return explain(dir, err, need)
	}
	if path, owner, why := unwritable(dir); path != "" {
		me := currentUser()
		switch {
		case errors.Is(why, syscall.EPERM): // even root may not write it
			return fmt.Errorf("data folder %s: %s refuses writes (an immutable file? lsattr shows it): make it writable (chattr -i %s) or give another folder with --data", dir, path, path)
		case owner == me:
			return fmt.Errorf("data folder %s: %s is read-only (a chmod?): make it writable (chmod u+w %s) or give another folder with --data", dir, path, path)
		}
		return fmt.Errorf("data folder %s: %s belongs to %s and %s cannot write it (was guichet run once as another user?): give the folder back to the user that runs guichet (chown -R %s %s) or give another folder with --data",
			dir, path, owner, me, me, dir)
	}
	if free, ok := FreeSpace(dir); ok && free < need {
		return tooFull(dir, free, need)
	}
	return nil
}

// tooFull says the space free in dir and the need bytes start-up writes.
func tooFull(dir string, free, need int64) error {
	return fmt.Errorf("data folder %s: %d MB free, about %d MB are needed for the database and the search index: free some space or give another folder with --data",
		dir, free>>20, (need+(1<<20)-1)>>20)
}

// explain says in words what stops the data folder from being used; a full
// disk with the space free there and the need bytes start-up writes.
func explain(dir string, err error, need int64) error {
	if file := fileInTheWay(dir); file == filepath.Clean(dir) {
		return fmt.Errorf("data folder %s is a file, not a folder: move the file away or give another folder with --data", dir)
	} else if file != "" {
		return fmt.Errorf("data folder %s cannot be made: %s is a file, not a folder: move the file away or give another folder with --data", dir, file)
	}
	switch {
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("data folder %s is on a read-only file system: give a writable folder with --data", dir)
	case errors.Is(err, fs.ErrPermission):
		if above := existingAbove(dir); above != "" {
			// Nothing to chown yet: the folder it is made in refuses it.
			return fmt.Errorf("data folder %s cannot be made: %s, the folder above it, is not writable by this user (%s): make the data folder as the owner of %s and give it to this user (sudo install -d -m 750 -o %s %s), or give another folder with --data",
				dir, above, currentUser(), above, currentUser(), filepath.Clean(dir))
		}
		return fmt.Errorf("data folder %s is not writable by this user: change its owner or give another folder with --data", dir)
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		if free, ok := FreeSpace(dir); ok && need > 0 {
			return tooFull(dir, free, need)
		}
		return fmt.Errorf("data folder %s: the disk is full: free some space or give another folder with --data", dir)
	}
	return fmt.Errorf("data folder %s cannot be written: %w", dir, err)
}

// fileInTheWay returns the file (not a folder) at dir or above it that
// stops dir from being a folder, "" for none: mkdir's and open's "not a
// directory" name the folder or file they were making, not the file in
// the way.
func fileInTheWay(dir string) string {
	for p := filepath.Clean(dir); ; p = filepath.Dir(p) {
		info, err := os.Stat(p)
		if err == nil {
			if info.IsDir() {
				return ""
			}
			return p
		}
		if parent := filepath.Dir(p); parent == p {
			return ""
		}
	}
}

// existingAbove returns, for a data folder dir that does not exist, the
// nearest folder above it that does (the one it would be made in, with
// the folders between); "" when dir exists or none can be told.
func existingAbove(dir string) string {
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	for p := filepath.Dir(filepath.Clean(dir)); ; p = filepath.Dir(p) {
		if info, err := os.Stat(p); err == nil {
			if info.IsDir() {
				return p
			}
			return ""
		}
		if filepath.Dir(p) == p {
			return ""
		}
	}
}

// currentUser is the name of the user this process runs as, else its uid.
func currentUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return strconv.Itoa(os.Getuid())
}

// Need estimates the bytes start-up writes in the data folder data for a
// content folder: the search index and render cache measured at about
// twice the Markdown on the Microsoft corpus, plus room for the database
// (16 MB). A data folder that already holds this build's render cache (a
// restart) needs the database's room and the size of its search index
// (a restart after an edit builds a new index beside the one there, which
// is removed once the new one is complete), and the content folder is not
// walked.
func Need(content, data string) int64 {
	if _, err := os.Stat(RenderCache(data)); err == nil {
		return 16<<20 + size(filepath.Join(data, "index"))
	}
	return 2*size(content) + 16<<20
}

// size adds up the regular files under dir.
func size(dir string) int64 {
	var total int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return total
}

// RenderCache is where rendered content is cached: one folder per build
// of this program, since rendering code may differ between builds.
func RenderCache(data string) string {
	build := "unknown"
	if exe, err := os.Executable(); err == nil {
		if id, err := buildID(exe); err == nil {
			build = id
		}
	}
	return filepath.Join(data, "cache", build)
}

// buildID names the build of the program file exe without reading it: its
// path, size, modification and change times and inode, and the build
// information the Go toolchain embeds (Go and module versions, VCS
// revision). The change time and inode tell apart two builds installed at
// one path with one size and one modification time — reproducible image
// builds (ko, Bazel, Nix) give every file the same constant time — since
// writing or unpacking a file sets them. Anything else that sets them
// (chmod, a restore) only costs one start with an empty cache.
func buildID(exe string) (string, error) {
	info, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%d|%d|%s", exe, info.Size(), info.ModTime().UnixNano(), fileIdentity(info))
	if bi, ok := debug.ReadBuildInfo(); ok {
		io.WriteString(h, bi.String())
	}
	return fmt.Sprintf("%016x", h.Sum64()), nil
}

// RemoveLeftovers removes the temporary files a process killed while
// writing left in the data folder dir: the render cache's and readings'
// (".render-*.tmp", ".readings.bin-*.tmp", in every build's folder) and
// Check's probe. Call it holding the folder's lock, so that no other
// server is writing them.
func RemoveLeftovers(dir string) {
	for _, pattern := range []string{
		filepath.Join(dir, ".guichet-probe-*"),
		filepath.Join(dir, "cache", "*", ".*.tmp"),
	} {
		matches, _ := filepath.Glob(pattern)
		for _, m := range matches {
			if info, err := os.Lstat(m); err == nil && info.Mode().IsRegular() {
				os.Remove(m)
			}
		}
	}
}

// PruneSiblings removes the caches other builds left beside dir.
func PruneSiblings(dir string) {
	parent := filepath.Dir(dir)
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.IsDir() && e.Name() != filepath.Base(dir) {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// Inside reports whether path is dir or inside it, once both are made
// absolute and their symbolic links resolved.
func Inside(path, dir string) bool {
	resolve := func(p string) string {
		abs, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		// The data folder may not exist yet: resolve its nearest parent.
		for q, rest := abs, ""; ; {
			if r, err := filepath.EvalSymlinks(q); err == nil {
				return filepath.Join(r, rest)
			}
			parent := filepath.Dir(q)
			if parent == q {
				return abs
			}
			rest = filepath.Join(filepath.Base(q), rest)
			q = parent
		}
	}
	rel, err := filepath.Rel(resolve(dir), resolve(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
