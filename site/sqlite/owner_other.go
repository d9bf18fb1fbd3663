//go:build !unix

package sqlite

// takeOwner does nothing where files have no Unix owner.
func takeOwner(file, dir string) error { return nil }
