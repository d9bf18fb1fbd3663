//go:build !linux

package content

import "io/fs"

// stampOf returns the size and modification time of a file.
func stampOf(info fs.FileInfo) fileStamp {
	return fileStamp{size: info.Size(), modTime: info.ModTime().UnixNano()}
}
