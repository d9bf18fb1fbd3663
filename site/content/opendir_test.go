package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenDirFollowsThePath: the content folder is the one its path names
// at each publication (Load reads its top first): a symbolic link switched
// to a new release, or a folder removed and cloned again, is published; a
// server kept reading the folder it first opened while it logged
// publications of the new one (a newcomer's finding). While the path
// names nothing (a switch under way), the folder open keeps serving.
func TestOpenDirFollowsThePath(t *testing.T) {
	base := t.TempDir()
	write := func(dir, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(base, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(base, dir, "fuel.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("rel1", "release one")
	write("rel2", "release two")
	cur := filepath.Join(base, "cur")
	if err := os.Symlink(filepath.Join(base, "rel1"), cur); err != nil {
		t.Fatal(err)
	}
	fsys, closer, err := OpenDir(cur)
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	read := func() string {
		t.Helper()
		if _, err := fs.ReadDir(fsys, "."); err != nil {
			t.Fatal(err)
		}
		b, err := fs.ReadFile(fsys, "fuel.md")
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := read(); got != "release one" {
		t.Fatalf("first read %q", got)
	}
	// The link switched, as release tools do (a new link renamed over).
	next := filepath.Join(base, "next")
	if err := os.Symlink(filepath.Join(base, "rel2"), next); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(next, cur); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "release two" {
		t.Errorf("after the link switched: %q, want release two", got)
	}
	// The path names nothing for a moment: the folder open serves.
	if err := os.Remove(cur); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "release two" {
		t.Errorf("while the path names nothing: %q, want release two", got)
	}
	// A folder made again at the path (rm -rf, git clone).
	write("cur", "release three")
	if got := read(); got != "release three" {
		t.Errorf("after the folder was made again: %q, want release three", got)
	}
	// Confined as before: nothing outside the folder.
	if _, err := fs.ReadFile(fsys, "../rel1/fuel.md"); err == nil {
		t.Error("read outside the content folder")
	}
}

// TestCheckDirSaysWhatToDo: a newcomer who runs `guichet check` or `serve`
// from another folder than the one holding content/ (or from inside
// content/ itself) was told only "stat ./content: no such file or
// directory"; the error now names where it looked and what to do.
func TestCheckDirSaysWhatToDo(t *testing.T) {
	elsewhere := t.TempDir()
	t.Chdir(elsewhere)
	err := CheckDir("./content")
	if err == nil {
		t.Fatal("no error for a missing folder")
	}
	for _, want := range []string{"./content not found in " + elsewhere, "run guichet from the folder that holds it", "--content DIR"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing folder: %q lacks %q", err, want)
		}
	}

	// Inside the content folder itself: give --content .
	if err := os.WriteFile(filepath.Join(elsewhere, "guichet.yaml"), []byte("title: Help\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CheckDir("./content"); err == nil || !strings.Contains(err.Error(), "give --content . to use this folder") {
		t.Errorf("inside the content folder: %v", err)
	}

	// A file given as the folder.
	if err := CheckDir("guichet.yaml"); err == nil || !strings.Contains(err.Error(), "is a file, not a folder") {
		t.Errorf("a file: %v", err)
	}
	if err := CheckDir("."); err != nil {
		t.Errorf("a folder: %v", err)
	}
}
