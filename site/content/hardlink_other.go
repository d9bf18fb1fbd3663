//go:build !unix

package content

import "io/fs"

// hardLinked cannot be told on this system.
func hardLinked(fs.FileInfo) bool { return false }
