//go:build unix

package content

import (
	"io/fs"
	"syscall"
)

// hardLinked reports whether a regular file has more than one name on
// disk.
func hardLinked(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && info.Mode().IsRegular() && st.Nlink > 1
}
