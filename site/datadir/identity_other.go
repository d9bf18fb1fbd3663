//go:build !linux

package datadir

import "io/fs"

// fileIdentity is a file's status change time and inode, "" where the
// system does not tell (here: the modification time and size alone name
// a build).
func fileIdentity(fs.FileInfo) string { return "" }
