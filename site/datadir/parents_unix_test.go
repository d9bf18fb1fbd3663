//go:build unix

package datadir

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestCheckMakesParentsOthersCanReach: a data folder made with the folders
// above it (guichet restore as root onto a new machine, then chown -R to
// the service user, as its message says) keeps those folders reachable by
// others: they were made 0750 and root's, so the service user could not
// reach its own folder and serve said it "is not writable by this user".
func TestCheckMakesParentsOthersCanReach(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	root := t.TempDir()
	dir := filepath.Join(root, "srv", "guichet", "data")
	if err := Check(dir, 0); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Join(root, "srv"), filepath.Join(root, "srv", "guichet")} {
		if fi, err := os.Stat(d); err != nil || fi.Mode().Perm() != 0o755 {
			t.Errorf("%s: %v %v, want a folder of mode 0755 as mkdir -p makes it", d, fi.Mode(), err)
		}
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o750 {
		t.Errorf("%s: %v %v, want the data folder readable by its owner and group only (0750)", dir, fi.Mode(), err)
	}
	if err := Check(dir+"/", 0); err != nil {
		t.Errorf("an existing folder, written with a trailing slash: %v", err)
	}
}
