package web_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guichet/guichet/static"
	"github.com/guichet/guichet/themes"
)

// TestEveryStringUsed: each interface string of the default theme
// (i18n/en.yaml, the reference every locale translates) is named by a
// template, a script or the Go code (the feedback reasons by their prefix,
// reason_), so translators are not asked to keep strings nothing shows.
func TestEveryStringUsed(t *testing.T) {
	ref, err := fs.ReadFile(themes.FS, "default/i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	read := func(fsys fs.FS, root string, keep func(string) bool) {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !keep(p) {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			src.Write(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	read(themes.FS, "default/templates", func(string) bool { return true })
	read(static.FS, "js", func(string) bool { return true })
	goCode := func(p string) bool { return strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") }
	read(os.DirFS(filepath.Join("..", "..")), "site", goCode)
	read(os.DirFS(filepath.Join("..", "..")), "cmd", goCode)
	used := map[string]bool{}
	for _, w := range regexp.MustCompile(`[A-Za-z0-9_]+`).FindAllString(src.String(), -1) {
		used[w] = true
	}
	for _, m := range regexp.MustCompile(`(?m)^([a-z0-9_]+):`).FindAllStringSubmatch(string(ref), -1) {
		key := m[1]
		if strings.HasPrefix(key, "reason_") {
			continue
		}
		if !used[key] {
			t.Errorf("i18n/en.yaml: %s is used nowhere", key)
		}
	}
}
