package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupNewerSchema: a database a newer guichet migrated is backed up
// all the same (the copy one takes right before going back to an older
// release), the output saying which schema the copy holds; the commands
// that work on it still refuse it.
func TestBackupNewerSchema(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	path := filepath.Join(data, "guichet.db")
	openDB(t, path).Close()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var latest int
	if err := conn.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&latest); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (?, 0)`, latest+1); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	var out, errb strings.Builder
	backup := filepath.Join(t.TempDir(), "before-rollback.db")
	if code := run(ctx, []string{"backup", backup, "--data", data}, &out, &errb); code != 0 {
		t.Fatalf("backup of a newer schema: exit %d: %s", code, errb.String())
	}
	want := fmt.Sprintf("schema version %d", latest+1)
	if !strings.Contains(out.String(), want) || !strings.Contains(out.String(), "newer than this program's") {
		t.Errorf("backup says %q, want it to name %q and that it is newer", out.String(), want)
	}
	copied, err := sql.Open("sqlite", backup)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	var v int
	if err := copied.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil || v != latest+1 {
		t.Errorf("the copy holds schema version %d (%v), want %d", v, err, latest+1)
	}
	errb.Reset()
	if code := run(ctx, []string{"token", "list", "--data", data}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "is newer than this program's") {
		t.Errorf("token list on a newer schema: exit %d, %q; want it refused", code, errb.String())
	}
}
