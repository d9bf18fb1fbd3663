//go:build !unix

package datadir

// freeSpace is unknown on this system: the probe write still runs.
func freeSpace(string) (int64, bool) { return 0, false }
