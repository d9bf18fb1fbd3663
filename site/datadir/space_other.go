//go:build !unix

package datadir

// FreeSpace is unknown on this system: the probe write still runs.
func FreeSpace(string) (int64, bool) { return 0, false }
