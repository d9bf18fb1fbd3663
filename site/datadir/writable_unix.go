//go:build unix

package datadir

import (
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"

	"golang.org/x/sys/unix"
)

// unwritable returns the first thing in the data folder dir that this
// user cannot write but must: the database files (guichet.db and its -wal
// and -shm, guichet.lock) and every folder (the search index and render
// cache are replaced and removed in them), each with who owns it. A folder
// used once by root (a first `guichet serve` or `restore` run as root)
// otherwise starts, serves, and drops every event it is sent.
func unwritable(dir string) (path, owner string, why error) {
	check := func(p string) bool {
		if why = unix.Access(p, unix.W_OK); why == nil {
			return false
		}
		path = p
		if info, err := os.Stat(p); err == nil {
			if st, ok := info.Sys().(*syscall.Stat_t); ok {
				owner = userName(st.Uid)
			}
		}
		return true
	}
	for _, name := range []string{"guichet.db", "guichet.db-wal", "guichet.db-shm", "guichet.lock"} {
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err == nil && check(p) {
			return path, owner, why
		}
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || p == dir {
			return nil
		}
		if check(p) {
			return filepath.SkipAll
		}
		return nil
	})
	return path, owner, why
}

// userName is the name of the user with uid, else the number.
func userName(uid uint32) string {
	id := strconv.FormatUint(uint64(uid), 10)
	if u, err := user.LookupId(id); err == nil {
		return u.Username
	}
	return fmt.Sprintf("uid %s", id)
}
