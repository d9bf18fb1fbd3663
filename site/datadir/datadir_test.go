package datadir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInside(t *testing.T) {
	base := t.TempDir()
	content := filepath.Join(base, "content")
	os.MkdirAll(filepath.Join(content, "billing"), 0o755)
	os.Symlink(filepath.Join(content, "billing"), filepath.Join(base, "link"))
	for _, c := range []struct {
		path string
		want bool
	}{
		{filepath.Join(content, "data"), true},
		{filepath.Join(content, "billing", "new", "data"), true}, // not created yet
		{content, true},
		{filepath.Join(base, "link", "data"), true}, // through a symbolic link
		{filepath.Join(base, "data"), false},
		{filepath.Join(base, "content-data"), false},
		{base, false},
	} {
		if got := Inside(c.path, content); got != c.want {
			t.Errorf("Inside(%s, %s) = %v, want %v", c.path, content, got, c.want)
		}
	}
}

func TestLock(t *testing.T) {
	dir := t.TempDir()
	release, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(dir); err == nil || !strings.Contains(err.Error(), "in use by process") {
		t.Errorf("second lock: %v", err)
	}
	release()
	again, err := Lock(dir)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again()
}

func TestCheckAndNeed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "data")
	if err := Check(dir, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("the folder was not created: %v", err)
	}
	if err := Check(dir, 1<<62); err == nil || !strings.Contains(err.Error(), "MB free") {
		t.Errorf("an impossible need: %v", err)
	}
	content := t.TempDir()
	os.WriteFile(filepath.Join(content, "a.md"), make([]byte, 1<<20), 0o644)
	if n := Need(content, t.TempDir()); n != 2<<20+16<<20 {
		t.Errorf("Need = %d", n)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("the probe was left behind: %v", entries)
	}
}
