package datadir

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestBuildIDTellsReinstalledBuildsApart: a new build unpacked at the same
// path with the same size and the same (constant) modification time, as
// reproducible image builds install it, must not reuse the render cache
// and file readings the old build wrote.
func TestBuildIDTellsReinstalledBuildsApart(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("change time and inode are read on Linux only")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "guichet")
	epoch := time.Unix(1, 0)
	install := func(content string) {
		t.Helper()
		tmp := filepath.Join(dir, "guichet.new")
		if err := os.WriteFile(tmp, []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(tmp, epoch, epoch); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, exe); err != nil {
			t.Fatal(err)
		}
	}
	install("build one")
	first, err := buildID(exe)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := buildID(exe); again != first {
		t.Errorf("buildID of an unchanged file changed: %s then %s", first, again)
	}
	install("build two") // same size, same modification time
	second, err := buildID(exe)
	if err != nil {
		t.Fatal(err)
	}
	if second == first {
		t.Errorf("buildID = %s for two builds of one size and time installed at one path: the new build would use the old one's cache", first)
	}
}
