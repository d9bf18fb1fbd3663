package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHouseRules checks the dependency rules of the README's Development
// section on the module's own imports (go list), and the size of this
// package: wiring only.
func TestHouseRules(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "github.com/guichet/guichet/...").Output()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("go list: %v", err)
		}
		t.Skipf("go list: %v", err)
	}
	const mod = "github.com/guichet/guichet/"
	// Each third-party import is allowed only in the packages listed.
	only := map[string][]string{
		"github.com/labstack/echo":      {"site/web"},
		"github.com/blevesearch/bleve":  {"search"},
		"modernc.org/sqlite":            {"site/sqlite"},
		"github.com/jackc/pgx":          {"site/postgres"},
		"github.com/yuin/goldmark":      {"site/content"},
		"github.com/microcosm-cc/bluem": {"site/content"},
		"github.com/wneessen/go-mail":   {"site/mail"},
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		pkg, imports := strings.TrimPrefix(f[0], mod), f[1:]
		for _, imp := range imports {
			if pkg == "site" && strings.Contains(strings.Split(imp, "/")[0], ".") {
				t.Errorf("site imports %s: the domain uses the standard library only", imp)
			}
			for prefix, allowed := range only {
				if strings.HasPrefix(imp, prefix) && !inPackages(pkg, allowed) {
					t.Errorf("%s imports %s: only %v may", pkg, imp, allowed)
				}
			}
		}
	}
	lines := 0
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines += bytes.Count(b, []byte("\n"))
	}
	if lines >= 1000 {
		t.Errorf("cmd/guichet has %d lines without tests: it wires, the logic belongs in packages (limit 1,000)", lines)
	}
}

// inPackages reports whether pkg is one of pkgs or inside one of them.
func inPackages(pkg string, pkgs []string) bool {
	for _, p := range pkgs {
		if pkg == p || strings.HasPrefix(pkg, p+"/") {
			return true
		}
	}
	return false
}
