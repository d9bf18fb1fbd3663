package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBackupTargets: a backup is refused, saying why and what to do, when
// its path is an existing file, an existing folder (a file name in it is
// wanted), or in a folder that does not exist; a new file in an existing
// folder is written.
func TestBackupTargets(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir := t.TempDir()
	file := filepath.Join(dir, "old.db")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{file, "the file exists; give a new file name"},
		{dir, "is a folder; give a file name in it, such as " + filepath.Join(dir, "guichet-")},
		{filepath.Join(dir, "missing", "b.db"), "the folder " + filepath.Join(dir, "missing") + " does not exist; make it first"},
		{filepath.Join(file, "b.db"), "the folder " + file + " does not exist; make it first"},
		{filepath.Join(dir, "new.db"), ""},
	} {
		err := db.Backup(ctx, tt.path)
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("Backup(%s) = %v, want %q", tt.path, err, tt.want)
		}
	}
}

// TestRestoreKeepsADatabaseInPlace: while a restore keeps the current
// database and puts the backup in its place, there is a database file at
// its path at every step: a crash in between (kill -9) left none, and the
// next server made an empty one. The current one is kept beside it.
func TestRestoreKeepsADatabaseInPlace(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "guichet.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	db.Close()
	checked := false
	restoreStep = func() {
		checked = true
		if _, err := os.Stat(path); err != nil {
			t.Errorf("between keeping the current database and restoring: %v", err)
		}
	}
	defer func() { restoreStep = nil }()
	kept, err := Restore(ctx, backup, path)
	if err != nil || !checked {
		t.Fatalf("restore: %v (step reached: %v)", err, checked)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("the database before the restore is not kept: %v", err)
	}
	if db, err := Open(ctx, path); err != nil {
		t.Errorf("the restored database does not open: %v", err)
	} else {
		db.Close()
	}
}

// TestBackupIsPrivate: a backup holds what customers wrote, tickets and
// the day's visitor key; it is readable by its owner alone whatever the
// umask (SQLite made it 0644 under the usual umask 022), and a backup
// that fails leaves no file behind.
func TestBackupIsPrivate(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	if _, err := db.VisitorKey(ctx, "2026-12-01"); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "guichet-2026-12-01.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(backup)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("the backup's mode is %v, want readable by its owner alone", fi.Mode().Perm())
	}
	if err := CheckBackup(ctx, backup); err != nil {
		t.Errorf("the backup is not sound: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	failed := filepath.Join(filepath.Dir(backup), "failed.db")
	if err := db.Backup(cancelled, failed); err == nil {
		t.Fatal("a cancelled backup succeeded")
	}
	if _, err := os.Stat(failed); !os.IsNotExist(err) {
		t.Errorf("a failed backup left %s: %v", failed, err)
	}
}

// TestRestoreTwiceKeepsBoth: a second restore in the same second (the
// wrong backup restored, then the right one, by a script or at once)
// kept the current database under the name the first one had used,
// overwriting it: the database from before both, the only copy of what
// was written since the backups, was lost. Each kept file gets a name of
// its own, the files kept before are left as they are.
func TestRestoreTwiceKeepsBoth(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "guichet.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Files kept by restores a moment ago, under the names of this
	// second and the next ones, with their write-ahead logs.
	now := time.Now().UTC()
	var earlier []string
	for i := range 3 {
		name := path + ".before-restore-" + now.Add(time.Duration(i)*time.Second).Format("20060102T150405Z")
		for _, f := range []string{name, name + "-wal"} {
			if err := os.WriteFile(f, []byte(f), 0o600); err != nil {
				t.Fatal(err)
			}
			earlier = append(earlier, f)
		}
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := Restore(ctx, backup, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range earlier {
		if b, err := os.ReadFile(f); err != nil || string(b) != f {
			t.Errorf("%s, kept by an earlier restore: %d bytes, %v; want it as it was", filepath.Base(f), len(b), err)
		}
	}
	if b, err := os.ReadFile(kept); err != nil || string(b) != string(before) {
		t.Errorf("the database before the restore, kept as %s: %d bytes, %v; want the %d bytes it had", filepath.Base(kept), len(b), err, len(before))
	}
	if !strings.HasPrefix(filepath.Base(kept), "guichet.db.before-restore-") {
		t.Errorf("kept as %s, want guichet.db.before-restore-…", kept)
	}
}
