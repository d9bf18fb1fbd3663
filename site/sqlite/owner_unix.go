//go:build unix

package sqlite

import (
	"os"
	"syscall"
)

// takeOwner gives file the owner and group of dir, the data folder, when
// they differ and the process may (root restoring for a service user): a
// database restored by root into a service's folder stays readable and
// writable by the service.
func takeOwner(file, dir string) error {
	d, err := os.Stat(dir)
	if err != nil {
		return err
	}
	f, err := os.Stat(file)
	if err != nil {
		return err
	}
	ds, ok1 := d.Sys().(*syscall.Stat_t)
	fs, ok2 := f.Sys().(*syscall.Stat_t)
	if !ok1 || !ok2 || ds.Uid == fs.Uid && ds.Gid == fs.Gid || os.Geteuid() != 0 {
		return nil
	}
	return os.Chown(file, int(ds.Uid), int(ds.Gid))
}
