package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestBackupRestore backs up a running server's database with the
// searches still in its write-ahead log, refuses to restore while the
// server runs, restores once it stopped, and refuses damaged backups.
func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	for i := range 30 {
		m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "fresh search", Locale: "en", Visitor: string(rune('a' + i%26)), Time: time.Now()})
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(m.Config.Data, "guichet.db-wal")); err != nil {
		t.Fatalf("no write-ahead log: %v", err)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	var out, errb strings.Builder
	if code := run(ctx, []string{"backup", backup, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("backup: %s", errb.String())
	}
	// The copy is a plain database file holding the fresh searches (read
	// from a copy of it: opening a database turns it to WAL mode, and the
	// restore below must take the backup exactly as the command wrote it).
	peek := filepath.Join(t.TempDir(), "peek.db")
	if b, err := os.ReadFile(backup); err != nil {
		t.Fatal(err)
	} else if err := os.WriteFile(peek, b, 0o644); err != nil {
		t.Fatal(err)
	}
	copied := openDB(t, peek)
	if got, _ := copied.RecentSearches(ctx, 100); len(got) != 30 {
		t.Errorf("the backup holds %d of 30 fresh searches", len(got))
	}
	copied.Close()
	if code := run(ctx, []string{"backup", backup, "--data", m.Config.Data}, &out, &errb); code != 1 {
		t.Error("a backup over an existing file was not refused")
	}
	// Into a folder that does not exist: the error names it.
	errb.Reset()
	missing := filepath.Join(t.TempDir(), "backups", "today")
	if code := run(ctx, []string{"backup", filepath.Join(missing, "guichet.db"), "--data", m.Config.Data}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "the folder "+missing+" does not exist") {
		t.Errorf("backup into a missing folder: %s", errb.String())
	}

	// Restoring under a running server is refused.
	errb.Reset()
	if code := run(ctx, []string{"restore", backup, "--data", m.Config.Data}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "in use") {
		t.Errorf("restore under a running server: exit %d, %s", code, errb.String())
	}
	m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "after the backup", Locale: "en", Time: time.Now()})
	m.Close(ctx)

	out.Reset()
	errb.Reset()
	if code := run(ctx, []string{"restore", backup, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("restore: %s", errb.String())
	}
	if !strings.Contains(out.String(), "before-restore") {
		t.Errorf("restore does not say where the previous database is: %s", out.String())
	}
	restored := openDB(t, filepath.Join(m.Config.Data, "guichet.db"))
	got, _ := restored.RecentSearches(ctx, 100)
	if len(got) != 30 {
		t.Errorf("restored database holds %d searches, want the backup's 30", len(got))
	}
	restored.Close()

	// On a new machine: the same backup restored into a data folder that
	// does not exist yet.
	fresh := filepath.Join(t.TempDir(), "new-data")
	errb.Reset()
	if code := run(ctx, []string{"restore", backup, "--data", fresh}, &out, &errb); code != 0 {
		t.Fatalf("restore into a new data folder: %s", errb.String())
	}
	// It says it made the folder (a mistyped --data is seen at once), and
	// the folder is closed to others, as serve makes it.
	if !strings.Contains(out.String(), "Created the data folder "+fresh) {
		t.Errorf("restore into a new data folder does not say it made it:\n%s", out.String())
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm()&0o007 != 0 {
		t.Errorf("the new data folder: %v, mode %v (want nothing for others)", err, fi.Mode())
	}
	restored = openDB(t, filepath.Join(fresh, "guichet.db"))
	if got, _ := restored.RecentSearches(ctx, 100); len(got) != 30 {
		t.Errorf("database restored into a new folder holds %d searches, want the backup's 30", len(got))
	}
	restored.Close()
	// A backup that is missing or not a database leaves no new folder.
	for _, b := range []string{filepath.Join(t.TempDir(), "typo.db"), filepath.Join(m.Config.Data, "guichet.lock")} {
		none := filepath.Join(t.TempDir(), "other", "data")
		if code := run(ctx, []string{"restore", b, "--data", none}, &out, &errb); code != 1 {
			t.Errorf("restore of %s into a new folder: exit %d", b, code)
		}
		if _, err := os.Stat(filepath.Dir(none)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a refused restore of %s left the folder %s: %v", b, none, err)
		}
	}

	// Damaged or foreign files are refused, and nothing changes.
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("not a database at all, just text"), 0o644)
	errb.Reset()
	if code := run(ctx, []string{"restore", bad, "--data", m.Config.Data}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "restore") {
		t.Errorf("restore of a text file: exit %d, %s", code, errb.String())
	}
	if code := run(ctx, []string{"restore", filepath.Join(t.TempDir(), "missing.db"), "--data", m.Config.Data}, &out, &errb); code != 1 {
		t.Error("restore of a missing file was not refused")
	}
}

// TestRestoreKeepsServiceOwner: root restoring a backup into the data
// folder of a service that runs as its own user (the systemd unit's
// guichet) leaves a database that user owns, not one owned by root with
// mode 0640 that the service can then neither read nor write.
func TestRestoreKeepsServiceOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("restoring for another user needs root (CI runs as root)")
		}
		t.Skip("restoring for another user needs root")
	}
	ctx := context.Background()
	m := openMain(t, t.TempDir(), false)
	backup := filepath.Join(t.TempDir(), "backup.db")
	var out, errb strings.Builder
	if code := run(ctx, []string{"backup", backup, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("backup: %s", errb.String())
	}
	m.Close(ctx)
	const service = 10001 // the Dockerfile's guichet user; any uid but root's
	data := m.Config.Data
	if err := filepath.Walk(data, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, service, service)
	}); err != nil {
		t.Fatal(err)
	}
	if code := run(ctx, []string{"restore", backup, "--data", data}, &out, &errb); code != 0 {
		t.Fatalf("restore: %s", errb.String())
	}
	fi, err := os.Stat(filepath.Join(data, "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != service || st.Gid != service {
		t.Errorf("restored guichet.db is owned by %d:%d, want the data folder's %d:%d", st.Uid, st.Gid, service, service)
	}
}

// TestBackupToFullDisk: a backup to a disk without room says so, with the
// space free there and the database's size, and leaves no partial file
// (it said only SQLite's "database or disk is full (13)").
func TestBackupToFullDisk(t *testing.T) {
	ctx := context.Background()
	m := openMain(t, t.TempDir(), false)
	defer m.Close(ctx)
	for i := range 2000 {
		m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: strings.Repeat("refund not received ", 10), Locale: "en", Visitor: fmt.Sprint(i), Time: time.Now()})
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	mountTmpfs(t, dir, "size=64k")
	target := filepath.Join(dir, "guichet.db")
	var out, errb strings.Builder
	code := run(ctx, []string{"backup", target, "--data", m.Config.Data}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "back up to "+target+": the disk is full") || !strings.Contains(errb.String(), "MB free there") {
		t.Errorf("backup to a full disk: exit %d, %s", code, errb.String())
	}
	if _, err := os.Stat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed backup left %s: %v", target, err)
	}
}

// TestBackupOnPostgresDoesNotConnect: guichet backup with --database
// prints the pg_dump command without opening the database, so it works
// whether or not the database answers, and a newer binary asked for the
// command does not migrate the replicas' database under them.
func TestBackupOnPostgresDoesNotConnect(t *testing.T) {
	var out, errb strings.Builder
	file := filepath.Join(t.TempDir(), "b.dump")
	url := "postgres://guichet:s3cr3t@127.0.0.1:1/guichet?sslmode=disable" // port 1: nothing listens
	code := run(context.Background(), []string{"backup", file, "--database", url}, &out, &errb)
	want := "'postgres://guichet:xxxxx@127.0.0.1:1/guichet?sslmode=disable'"
	if code != 1 || !strings.Contains(errb.String(), "(umask 077; pg_dump --format=custom --file="+file+" "+want+")") ||
		strings.Contains(errb.String(), "s3cr3t") || strings.Contains(errb.String(), "connect") {
		t.Errorf("backup on an unreachable PostgreSQL: exit %d\n%s\nwant exit 1 and the pg_dump command on %s, without connecting", code, errb.String(), want)
	}
	if _, err := os.Stat(file); err == nil {
		t.Errorf("backup on PostgreSQL wrote %s", file)
	}
}
