package datadir

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestExplain: each reason a data folder cannot be used is said in words
// naming the folder and what to do, however deep the cause is wrapped.
func TestExplain(t *testing.T) {
	dir := "/var/lib/guichet"
	for _, c := range []struct {
		name string
		err  error
		want []string
	}{
		{"read-only", &fs.PathError{Op: "open", Path: dir + "/x", Err: syscall.EROFS}, []string{dir, "read-only file system", "--data"}},
		{"permission", &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.EACCES}, []string{dir, "not writable by this user", "--data"}},
		{"full", fmt.Errorf("write probe: %w", &fs.PathError{Op: "write", Path: dir, Err: syscall.ENOSPC}), []string{dir, "the disk is full", "--data"}},
		{"quota", &fs.PathError{Op: "write", Path: dir, Err: syscall.EDQUOT}, []string{dir, "the disk is full"}},
		{"other", &fs.PathError{Op: "write", Path: dir, Err: syscall.EIO}, []string{dir, "cannot be written", "input/output error"}},
	} {
		got := explain(dir, c.err, 0).Error()
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.name, got, w)
			}
		}
	}
}

// TestExplainFullSaysSpace: a disk so full that the probe file cannot be
// written says the space free and needed, as a disk with too little room
// does (rv20c: at 0 bytes free, "the disk is full" without figures).
func TestExplainFullSaysSpace(t *testing.T) {
	dir := t.TempDir()
	err := &fs.PathError{Op: "write", Path: filepath.Join(dir, ".guichet-probe-1"), Err: syscall.ENOSPC}
	got := explain(dir, err, 17<<20).Error()
	for _, w := range []string{dir, "MB free", "about 17 MB are needed", "--data"} {
		if !strings.Contains(got, w) {
			t.Errorf("%q lacks %q", got, w)
		}
	}
}

func TestCheckRefusesWhatCannotBeWritten(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file where the folder should be, or inside the path.
	for _, dir := range []string{file, filepath.Join(file, "data")} {
		err := Check(dir, 0)
		if err == nil || !strings.Contains(err.Error(), dir) {
			t.Errorf("Check(%s) = %v, want an error naming it", dir, err)
		}
	}
	if os.Geteuid() == 0 {
		return // root writes anywhere: the permission case cannot be made
	}
	ro := filepath.Join(base, "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(ro, 0o700)
	if err := Check(ro, 0); err == nil || !strings.Contains(err.Error(), "not writable by this user") {
		t.Errorf("read-only folder: %v", err)
	}
}

func TestNeedCountsEveryFile(t *testing.T) {
	content := t.TempDir()
	for name, size := range map[string]int{"a.md": 1000, "billing/b.md": 2000, "billing/img/c.png": 3000, ".git/objects/x": 500} {
		p := filepath.Join(content, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A symbolic link is not counted twice.
	os.Symlink(filepath.Join(content, "a.md"), filepath.Join(content, "link.md"))
	data := t.TempDir()
	if got, want := Need(content, data), int64(2*6500+16<<20); got != want {
		t.Errorf("Need = %d, want %d", got, want)
	}
	if got := Need(filepath.Join(content, "missing"), data); got != 16<<20 {
		t.Errorf("Need of a missing folder = %d, want the database room alone", got)
	}
	// A restart: this build's cache is there already.
	if err := os.MkdirAll(RenderCache(data), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Need(content, data); got != 16<<20 {
		t.Errorf("Need on a data folder with this build's cache = %d, want the database room alone", got)
	}
	// With a search index: a restart after an edit builds a whole new one
	// beside it, which is removed only once the new one is complete. On a
	// disk with room for the database alone, that start loaded the content
	// for a while and then died on "no space left on device".
	for name, size := range map[string]int{"index/0123456789abcdef0123/en/store/000000000001.zap": 300000, "index/0123456789abcdef0123/en/index_meta.json": 1000} {
		p := filepath.Join(data, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := Need(content, data), int64(16<<20+301000); got != want {
		t.Errorf("Need on a data folder with this build's cache and an index = %d, want %d", got, want)
	}
}

func TestRenderCacheAndPrune(t *testing.T) {
	data := t.TempDir()
	dir := RenderCache(data)
	if dir != RenderCache(data) {
		t.Error("RenderCache differs between two calls of one build")
	}
	if filepath.Dir(dir) != filepath.Join(data, "cache") || filepath.Base(dir) == "unknown" {
		t.Errorf("RenderCache = %s, want a build folder in %s/cache", dir, data)
	}
	if !Inside(dir, data) {
		t.Errorf("the render cache %s is outside the data folder", dir)
	}
	old := filepath.Join(data, "cache", "0123456789abcdef")
	for _, p := range []string{filepath.Join(dir, "a.html"), filepath.Join(old, "b.html")} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stray := filepath.Join(data, "cache", "notes.txt")
	os.WriteFile(stray, []byte("x"), 0o644)
	PruneSiblings(dir)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("another build's cache is left: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.html")); err != nil {
		t.Errorf("this build's cache was removed: %v", err)
	}
	if _, err := os.Stat(stray); err != nil {
		t.Errorf("a file beside the caches was removed: %v", err)
	}
	// Nothing beside the data folder is touched.
	if _, err := os.Stat(data); err != nil {
		t.Fatal(err)
	}
	PruneSiblings(filepath.Join(t.TempDir(), "missing", "cache", "x")) // no panic on a missing folder
}

func TestLockNamesTheHolder(t *testing.T) {
	dir := t.TempDir()
	release, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	b, err := os.ReadFile(filepath.Join(dir, "guichet.lock"))
	if err != nil || strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("lock file holds %q (%v), want this process's id", b, err)
	}
	_, err = Lock(dir)
	if err == nil || !strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getpid())) || !strings.Contains(err.Error(), dir) {
		t.Errorf("second lock: %v, want the holder's process id and the folder", err)
	}
	if _, err := Lock(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "lock data folder") {
		t.Errorf("lock in a missing folder: %v", err)
	}
}

// TestLockFileBelongsToTheFolder: a lock file made by root (guichet
// restore run as root, as the README says, into a service's folder that has
// none yet) gets the folder's owner and group, or the service then refused
// to start: 'guichet.lock belongs to root and guichet cannot write it'.
func TestLockFileBelongsToTheFolder(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a folder to another user")
	}
	for _, existing := range []bool{false, true} {
		dir := t.TempDir()
		const uid, gid = 65534, 65534 // nobody
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		lock := filepath.Join(dir, "guichet.lock")
		if existing { // left by an earlier run as root
			if err := os.WriteFile(lock, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		release, err := Lock(dir)
		if err != nil {
			t.Fatal(err)
		}
		release()
		info, err := os.Stat(lock)
		if err != nil {
			t.Fatal(err)
		}
		st := info.Sys().(*syscall.Stat_t)
		if st.Uid != uid || st.Gid != gid {
			t.Errorf("existing %v: guichet.lock belongs to %d:%d, want the folder's %d:%d", existing, st.Uid, st.Gid, uid, gid)
		}
	}
}

// TestCheckNamesTheFileInTheWay: a file where the data folder or one of
// its parents should be was told as "mkdir data/guichet: not a directory"
// or "open data/.guichet-probe-123: not a directory", naming a path that
// does not exist rather than the file to move. The file is named, with
// what to do.
func TestCheckNamesTheFileInTheWay(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "srv")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ dir, want string }{
		{file, "data folder " + file + " is a file, not a folder: move the file away or give another folder with --data"},
		{filepath.Join(file, "data"), "data folder " + filepath.Join(file, "data") + " cannot be made: " + file + " is a file, not a folder: move the file away"},
		{filepath.Join(file, "guichet", "data"), "cannot be made: " + file + " is a file, not a folder"},
	} {
		err := Check(tt.dir, 0)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "probe") {
			t.Errorf("Check(%s) = %v, want %q", tt.dir, err, tt.want)
		}
	}
}

// TestCheckNamesTheParentNotWritable: a data folder that does not exist
// yet, in a folder this user cannot write (/srv owned by root), was told
// "data folder /srv/guichet/data is not writable by this user: change its
// owner", of a folder that is not there to chown. The folder it would be
// made in is named, with what to do.
func TestCheckNamesTheParentNotWritable(t *testing.T) {
	root := t.TempDir()
	parent := filepath.Join(root, "srv")
	if err := os.Mkdir(parent, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(parent, 0o700)
	for _, dir := range []string{filepath.Join(parent, "data"), filepath.Join(parent, "guichet", "data")} {
		var err error
		if os.Geteuid() == 0 {
			// Root writes anywhere: the error mkdir gives another user.
			err = explain(dir, &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.EACCES}, 0)
		} else {
			err = Check(dir, 0)
		}
		want := "data folder " + dir + " cannot be made: " + parent + ", the folder above it, is not writable by this user"
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "install -d -m 750 -o ") || !strings.Contains(err.Error(), "--data") {
			t.Errorf("Check(%s) = %v, want %q, how to make it, and --data", dir, err, want)
		}
	}
	// The folder itself there and not writable: its own message.
	if err := explain(parent, &fs.PathError{Op: "open", Path: parent + "/.guichet-probe-1", Err: syscall.EACCES}, 0); !strings.Contains(err.Error(), "data folder "+parent+" is not writable by this user") {
		t.Errorf("an existing folder: %v", err)
	}
}
