//go:build !unix

package datadir

// Lock does nothing where flock is not available.
func Lock(string) (func(), error) { return func() {}, nil }
