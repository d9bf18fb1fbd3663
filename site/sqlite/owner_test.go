//go:build unix

package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/guichet/guichet/site/sqlite"
)

// TestNewDatabaseTakesFolderOwner: a database made by root in the data
// folder of a service that runs as its own user (guichet token create
// --data /var/lib/guichet, run with sudo) is that user's, with its -wal
// and -shm, as a restored one is: owned by root, serve as the service
// could not open it.
func TestNewDatabaseTakesFolderOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("making a database for another user needs root (CI runs as root)")
		}
		t.Skip("making a database for another user needs root")
	}
	const service = 10001 // any uid but root's
	data := t.TempDir()
	if err := os.Chown(data, service, service); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(data, "guichet.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if st := fi.Sys().(*syscall.Stat_t); st.Uid != service || st.Gid != service {
			t.Errorf("%s is owned by %d:%d, want the data folder's %d:%d", filepath.Base(name), st.Uid, st.Gid, service, service)
		}
	}
}
