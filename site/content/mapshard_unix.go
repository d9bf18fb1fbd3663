//go:build unix

package content

import (
	"os"
	"syscall"
	"unsafe"
)

// mapShard maps the shard or readings file name into memory, read-only,
// and returns its content as a string over the mapping, which stays for
// the life of the process: the strings decoded from it (every article's
// HTML and text, and its front matter's texts, after a restart) point
// into it. release unmaps it, for a file that could not be decoded and of
// which nothing is kept.
//
// Neither file is ever written in place (writeShard and writeAtomic
// rename a new file over it), so a mapped file never changes under the
// process: a rewritten or deleted one keeps its old content, and its disk
// space, until the process ends — at most one render cache's size and one
// readings file, since only the files present at start are mapped.
// Writing into one in place while the server runs (a copy over it, a
// truncate) would end the process.
func mapShard(name string) (string, func(), error) {
	f, err := os.Open(name)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", nil, err
	}
	if info.Size() == 0 {
		return "", func() {}, nil
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(info.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		// A file system that cannot map: read it.
		s, err := readWhole(name)
		return s, func() {}, err
	}
	return unsafe.String(&b[0], len(b)), func() { syscall.Munmap(b) }, nil
}
