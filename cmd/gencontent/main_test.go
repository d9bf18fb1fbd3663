package main

import (
	"context"
	"os"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
)

// TestGeneratedContentLoads checks that a generated help center loads
// without errors and is deterministic.
func TestGeneratedContentLoads(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := generate(dir, 60, 7); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := content.Load(context.Background(), os.DirFS(a), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Articles) != 60 {
		t.Errorf("%d articles, want 60", len(lib.Articles))
	}
	for _, p := range lib.Problems {
		if p.Severity == site.SeverityError {
			t.Errorf("generated content has an error: %s", p)
		}
	}
	other, err := content.Load(context.Background(), os.DirFS(b), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if lib.Hash != other.Hash {
		t.Error("same seed generated different content")
	}
}
