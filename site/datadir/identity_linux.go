//go:build linux

package datadir

import (
	"fmt"
	"io/fs"
	"syscall"
)

// fileIdentity is a file's status change time and inode, "" where the
// system does not tell.
func fileIdentity(info fs.FileInfo) string {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%d.%09d|%d", st.Ctim.Sec, st.Ctim.Nsec, st.Ino)
}
