package postgres_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/postgres"
)

// TestFilesAreNotTheURLs: a CA file that cannot be read was a mistake in
// the URL (exit 2) whose message named no file when it held no
// certificate. The URL's syntax is CheckURL's, read without the files;
// the files are CheckFiles', each named by its parameter (or PGSSL*
// variable) and path.
func TestFilesAreNotTheURLs(t *testing.T) {
	dir := t.TempDir()
	missing, garbage := filepath.Join(dir, "ca.pem"), filepath.Join(dir, "bad.pem")
	if err := os.WriteFile(garbage, []byte("not a certificate\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := "postgres://u:pw@db.example:5432/g?sslmode=verify-full"
	for _, url := range []string{base + "&sslrootcert=" + missing, base + "&sslcert=" + missing + "&sslkey=" + missing, base + "&sslrootcert=system"} {
		if err := postgres.CheckURL(url); err != nil {
			t.Errorf("CheckURL(%s): %v, want the URL valid", url, err)
		}
	}
	if err := postgres.CheckURL(base + "&sslcert=" + missing); err == nil || !strings.Contains(err.Error(), "sslkey") {
		t.Errorf("sslcert without sslkey: %v, want both asked for", err)
	}
	t.Setenv("PGSSLROOTCERT", missing)
	for url, want := range map[string]string{
		base + "&sslrootcert=" + missing:                              "--database's sslrootcert " + missing + " cannot be read: no such file or directory",
		base + "&sslrootcert=" + garbage:                              "--database's sslrootcert " + garbage + " holds no PEM certificate",
		base + "&sslrootcert=system&sslcert=" + missing + "&sslkey=k": "--database's sslcert " + missing + " cannot be read",
		base: "PGSSLROOTCERT " + missing + " cannot be read",
	} {
		if err := postgres.CheckFiles(url); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("CheckFiles(%s) = %v, want %q", url, err, want)
		}
	}
	if err := postgres.CheckFiles(base + "&sslrootcert=system"); err != nil {
		t.Errorf("sslrootcert=system: %v", err)
	}
	// A path holding a newline (sslrootcert=%0A…) is quoted, so the error
	// stays one line of a terminal or a log.
	odd := filepath.Join(dir, "ca\nforged: line.pem")
	err := postgres.CheckFiles(base + "&sslrootcert=" + strings.ReplaceAll(odd, "\n", "%0A"))
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), strconv.Quote(odd)) {
		t.Errorf("sslrootcert with a newline: %v, want the path quoted on one line", err)
	}
}
