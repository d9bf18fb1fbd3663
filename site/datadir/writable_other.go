//go:build !unix

package datadir

// unwritable is not told outside Unix: the probe write alone runs.
func unwritable(string) (path, owner string, why error) { return "", "", nil }
