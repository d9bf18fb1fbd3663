package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/guichet/guichet/site/datadir"
	"github.com/guichet/guichet/site/migration"
)

// Backup writes a consistent copy of the running database to path, a
// plain SQLite database file holding everything committed so far (what is
// still in the write-ahead log included), with VACUUM INTO. The server may
// keep serving meanwhile: writers wait for the copy. path must not exist.
func (db *DB) Backup(ctx context.Context, path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("back up to %s: it is a folder; give a file name in it, such as %s", path, filepath.Join(path, "guichet-YYYY-MM-DD.db"))
	} else if err == nil {
		return fmt.Errorf("back up to %s: the file exists; give a new file name", path)
	}
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		// SQLite would say only "unable to open database file".
		return fmt.Errorf("back up to %s: the folder %s does not exist; make it first", path, filepath.Dir(path))
	}
	// Made here, empty, readable by its owner alone (VACUUM INTO takes an
	// empty file): a backup holds what customers wrote, tickets and the
	// day's visitor key, and SQLite would make it readable by everyone
	// (0644) in a folder of backups that nothing else protects.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	f.Close()
	if _, err := db.writer.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		if primaryCode(err) == codeFull { // the backup's disk
			var size int64
			for _, f := range []string{db.path, db.path + "-wal"} {
				if fi, err := os.Stat(f); err == nil {
					size += fi.Size()
				}
			}
			free, _ := datadir.FreeSpace(filepath.Dir(path))
			return fmt.Errorf("back up to %s: the disk is full (%d MB free there; the database takes up to %d MB): free some space or back up to another disk (%w)",
				path, free>>20, (size+(1<<20)-1)>>20, err)
		}
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	return nil
}

// Restore checks that from is a sound Guichet database (integrity check,
// schema no newer than this program's) and puts a copy of it in place of
// the database at to, whose previous file is kept beside it as
// to.before-restore-<time>; the copy gets the owner and group of the
// folder of to (when run as root for a service user); it returns that file's name ("" when there was
// none). No server may be using to: the caller holds the data folder's lock.
// Migrations bring an older backup up to date at the next Open.
func Restore(ctx context.Context, from, to string) (string, error) {
	if err := checkBackup(ctx, from); err != nil {
		return "", fmt.Errorf("restore %s: %w", from, err)
	}
	tmp := to + ".restoring"
	if err := copyFile(from, tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("restore %s: %w", from, err)
	}
	if err := takeOwner(tmp, filepath.Dir(to)); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("restore %s: give it the data folder's owner: %w", from, err)
	}
	var kept string
	if _, err := os.Stat(to); err == nil {
		kept = keptName(to, time.Now().UTC())
		// A second name for the current file, which the restored copy then
		// replaces in one rename: at no moment is there no database at to
		// (a server started after a crash in between would make an empty
		// one). Where the file system has no hard links, it moves aside.
		if err := os.Link(to, kept); err != nil {
			if err := os.Rename(to, kept); err != nil {
				os.Remove(tmp)
				return "", fmt.Errorf("restore %s: keep the current database: %w", from, err)
			}
		}
		for _, side := range []string{"-wal", "-shm"} {
			if err := os.Rename(to+side, kept+side); err != nil && !errors.Is(err, os.ErrNotExist) {
				return "", fmt.Errorf("restore %s: keep the current database: %w", from, err)
			}
		}
	}
	if restoreStep != nil {
		restoreStep()
	}
	if err := os.Rename(tmp, to); err != nil {
		return "", fmt.Errorf("restore %s: %w", from, err)
	}
	return kept, nil
}

// keptName returns the name the database at to is kept under by a restore
// at now: to.before-restore-<time>, or, when a file of that name (or its
// -wal or -shm) is there already, kept by a restore in the same second,
// to.before-restore-<time>-2, -3…: a kept database is never replaced.
func keptName(to string, now time.Time) string {
	base := to + ".before-restore-" + now.Format("20060102T150405Z")
	for n := 1; ; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		taken := false
		for _, side := range []string{"", "-wal", "-shm"} {
			if _, err := os.Lstat(name + side); !errors.Is(err, os.ErrNotExist) {
				taken = true
			}
		}
		if !taken {
			return name
		}
	}
}

// restoreStep, when set (by tests), runs between keeping the current
// database and putting the restored copy in its place.
var restoreStep func()

// CheckBackup checks that path is a sound Guichet database that this
// program can restore (what Restore checks first).
func CheckBackup(ctx context.Context, path string) error { return checkBackup(ctx, path) }

// checkBackup opens path read-only, as it is, and checks it. Not with
// dsn's journal_mode(WAL) pragma: turning a backup written by VACUUM INTO
// (a rollback-journal file) to WAL is a write, which a read-only
// connection refuses.
func checkBackup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	conn, err := sql.Open("sqlite", fileURI(abs)+"?mode=ro&_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer conn.Close()
	var result string
	if err := conn.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&result); err != nil {
		return fmt.Errorf("not a SQLite database: %w", err)
	}
	if result != "ok" {
		return fmt.Errorf("the file is damaged: %s", result)
	}
	var version int
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return fmt.Errorf("not a Guichet database (no schema_migrations): %w", err)
	}
	list, err := migration.Read(migrationFS)
	if err != nil {
		return err
	}
	if version > len(list) {
		return fmt.Errorf("its schema version %d is newer than this program's (%d): restore it with the newer guichet", version, len(list))
	}
	return nil
}

// copyFile copies from to a new file to and syncs it.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
