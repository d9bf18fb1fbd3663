//go:build linux

package content

import (
	"io/fs"
	"syscall"
)

// stampOf returns the size, times and inode of a file.
func stampOf(info fs.FileInfo) fileStamp {
	s := fileStamp{size: info.Size(), modTime: info.ModTime().UnixNano()}
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		s.changed = uint64(st.Ctim.Sec)*1e9 + uint64(st.Ctim.Nsec)
		s.inode = uint64(st.Ino)
	}
	return s
}
