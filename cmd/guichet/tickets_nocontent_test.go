package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTicketsImportChecksTheContentFirst: an import into a content folder
// that does not exist printed "Reading t.csv as a generic CSV export…"
// and then failed on the folder, as if the file had been read for
// nothing. The folder is checked before the file is read; a mistyped
// --format is still a usage error (exit 2) first.
func TestTicketsImportChecksTheContentFirst(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "t.csv")
	if err := os.WriteFile(file, []byte("id,subject,created_at\n1,Refund,2026-11-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "nonexist")
	t.Setenv("GUICHET_CONTENT", missing)
	var out, errb strings.Builder
	code := run(context.Background(), []string{"tickets", "import", file, "--data", t.TempDir()}, &out, &errb)
	if code != 1 || strings.Contains(errb.String(), "Reading") || !strings.Contains(errb.String(), "content folder "+missing+" not found") {
		t.Errorf("exit %d, want 1 naming the content folder before reading the file:\n%s", code, errb.String())
	}
	errb.Reset()
	if code := run(context.Background(), []string{"tickets", "import", file, "--data", t.TempDir(), "--format", "zendsk"}, &out, &errb); code != 2 {
		t.Errorf("mistyped --format with no content folder: exit %d, want 2:\n%s", code, errb.String())
	}
}
