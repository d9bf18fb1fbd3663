//go:build unix

package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// Lock takes the data folder for this process: `serve` holds it while
// it runs, so a second server, or `restore`, on the same folder is refused
// rather than corrupting the index or the database. The lock is released
// when the process ends, however it ends.
func Lock(dir string) (release func(), err error) {
	path := filepath.Join(dir, "guichet.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock data folder %s: %w", dir, err)
	}
	folderOwns(f, dir)
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		pid, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			holder := strings.TrimSpace(string(pid))
			if _, perr := strconv.Atoi(holder); perr != nil {
				holder = "another process"
			} else {
				holder = "process " + holder
			}
			return nil, fmt.Errorf("data folder %s is in use by %s (a running guichet serve): stop it first, or give this one another --data", dir, holder)
		}
		return nil, fmt.Errorf("lock data folder %s: %w", dir, err)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return func() { unix.Flock(int(f.Fd()), unix.LOCK_UN); f.Close() }, nil
}

// folderOwns gives the lock file f the owner and group of the data folder
// dir when root made it or left it (guichet restore run as root into a
// service's folder): the service would otherwise refuse to start on a
// guichet.lock it cannot write.
func folderOwns(f *os.File, dir string) {
	if os.Geteuid() != 0 {
		return
	}
	var d, l unix.Stat_t
	if unix.Stat(dir, &d) != nil || unix.Fstat(int(f.Fd()), &l) != nil || d.Uid == l.Uid && d.Gid == l.Gid {
		return
	}
	f.Chown(int(d.Uid), int(d.Gid))
}
