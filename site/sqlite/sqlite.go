// Package sqlite is Guichet's events store on SQLite: visitors' searches,
// result clicks and votes. Open sets the connection pragmas and applies the
// embedded migrations; a Recorder batches events on one writer goroutine; the
// read methods on DB serve the HTTP layer and reports.
//
// Times are stored as INTEGER unix milliseconds in UTC: they sort and compare
// as numbers, unlike RFC 3339 text whose trailing zeros are trimmed.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is an open events database: one writer connection, so writes never
// contend with each other inside the process, and a pool of readers that WAL
// lets run alongside the writer.
type DB struct {
	// Now is the clock used for times the callers leave zero and for
	// migration records. Set it before using the DB; defaults to time.Now.
	Now func() time.Time

	path   string
	writer *sql.DB
	reader *sql.DB
	jobs   sync.Map // job name → chan struct{}: whose turn it is (Once)
}

// Open opens or creates the events database at path, creating its parent
// directory if needed, and applies pending migrations. Close the DB when done.
func Open(ctx context.Context, path string) (*DB, error) {
	return openAs(ctx, path, false)
}

// OpenForBackup opens the database at path as Open does, except that a
// schema newer than this program's is left as it is rather than refused:
// a newer guichet migrated it, and a copy (Backup) is what an operator
// takes right before going back to this release. Serve still refuses it
// (Open). SchemaVersion says which schema the copy holds.
func OpenForBackup(ctx context.Context, path string) (*DB, error) {
	return openAs(ctx, path, true)
}

func openAs(ctx context.Context, path string, backup bool) (*DB, error) {
	db, err := open(ctx, path, backup)
	if err != nil {
		if abs, aerr := filepath.Abs(path); aerr == nil {
			// A read-only copy (a snapshot, a mounted backup): SQLite
			// says "attempt to write a readonly database (8)".
			if why := (&DB{path: abs}).unwritable(); why != nil {
				return nil, fmt.Errorf("open: %w (guichet writes to it even to read it: its write-ahead log; a read-only copy can be copied somewhere writable) (%w)", why, err)
			}
		}
		return nil, fmt.Errorf("open events database %s: %w", path, err)
	}
	return db, nil
}

func open(ctx context.Context, path string, backup bool) (*DB, error) {
	if path == "" {
		return nil, errors.New("empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o750); err != nil {
		return nil, err
	}
	// A new database is readable by its owner and group only, as a
	// restored one and the folder serve makes, whatever folder it is made
	// in: it holds what customers wrote. SQLite gives its -wal and -shm
	// files the same mode.
	created := false
	if f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o640); err == nil {
		f.Close()
		created = true
		// Made by root (guichet token create in a service's folder): the
		// data folder's owner, as restore does, or serve, run as the
		// service's user, could not open it.
		if err := takeOwner(abs, filepath.Dir(abs)); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrExist) {
		return nil, err
	} else {
		// One made by an older release, or copied in, readable by every
		// user: take others' access away, from its -wal and -shm too (at
		// best: a backup read from a read-only snapshot still works).
		for _, name := range []string{abs, abs + "-wal", abs + "-shm"} {
			if fi, err := os.Stat(name); err == nil && fi.Mode().Perm()&0o007 != 0 {
				_ = os.Chmod(name, fi.Mode().Perm()&^0o007)
			}
		}
	}
	db := &DB{Now: time.Now, path: abs}

	// The writer connects first, alone: it turns the file into WAL mode and
	// migrates before any reader exists.
	if db.writer, err = sql.Open("sqlite", dsn(abs, false)); err != nil {
		return nil, err
	}
	db.writer.SetMaxOpenConns(1)
	db.writer.SetMaxIdleConns(1)
	db.writer.SetConnMaxLifetime(0)
	db.writer.SetConnMaxIdleTime(0)
	if err := db.checkWAL(ctx); err != nil {
		db.writer.Close()
		return nil, err
	}
	if created {
		// SQLite made the -wal and -shm files with the writer: the same
		// owner as the database.
		for _, name := range []string{abs + "-wal", abs + "-shm"} {
			if _, err := os.Stat(name); err == nil {
				if err := takeOwner(name, filepath.Dir(abs)); err != nil {
					db.writer.Close()
					return nil, err
				}
			}
		}
	}
	if v, known, err := db.SchemaVersion(ctx); backup && err == nil && v > known {
		// Newer than this program: copied as it is, never migrated.
	} else if err := migrate(ctx, db.writer, migrationFS, db.now); err != nil {
		db.writer.Close()
		return nil, err
	}

	if db.reader, err = sql.Open("sqlite", dsn(abs, true)); err != nil {
		db.writer.Close()
		return nil, err
	}
	n := max(4, runtime.GOMAXPROCS(0))
	db.reader.SetMaxOpenConns(n)
	db.reader.SetMaxIdleConns(n)
	if err := db.reader.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// dsn is the one place that sets the connection pragmas. The driver runs
// busy_timeout before the other _pragma values whatever their order, so no
// statement can fail with SQLITE_BUSY before the timeout is in place. The
// writer begins its transactions IMMEDIATE so that a write lock is taken up
// front rather than upgraded mid-transaction, where the busy handler cannot
// help. Readers are query_only.
//
// The path goes in a file: URI, percent-encoded, so that '?', '#' or '%' in a
// directory name cannot be mistaken for DSN parameters.
func dsn(absPath string, readOnly bool) string {
	params := []string{
		"_pragma=busy_timeout(5000)",
		"_pragma=journal_mode(WAL)",
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(NORMAL)",
		// We store times as integers ourselves; should a time.Time reach the
		// driver anyway, write it in a format SQLite and the driver can parse.
		"_time_format=sqlite",
	}
	if readOnly {
		params = append(params, "_pragma=query_only(1)")
	} else {
		params = append(params, "_txlock=immediate")
	}
	return fileURI(absPath) + "?" + strings.Join(params, "&")
}

// fileURI is the file: URI of the database at absPath.
func fileURI(absPath string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(absPath), OmitHost: true}
	if !strings.HasPrefix(u.Path, "/") { // Windows: C:/… → /C:/…
		u.Path = "/" + u.Path
	}
	return u.String()
}

// checkWAL fails when the file system refused WAL mode: without it readers
// and the writer block each other.
func (db *DB) checkWAL(ctx context.Context) error {
	var mode string
	if err := db.writer.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return err
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("journal_mode is %q, want wal", mode)
	}
	return nil
}

// Close closes the reader pool and the writer. Close any Recorder first.
func (db *DB) Close() error {
	var errs []error
	if db.reader != nil {
		errs = append(errs, db.reader.Close())
	}
	if db.writer != nil {
		errs = append(errs, db.writer.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close events database %s: %w", db.path, err)
	}
	return nil
}

// now returns the DB clock's time in UTC.
func (db *DB) now() time.Time {
	if db.Now == nil {
		return time.Now().UTC()
	}
	return db.Now().UTC()
}

// millis converts t to the stored form, unix milliseconds.
func millis(t time.Time) int64 { return t.UnixMilli() }

// fromMillis converts a stored time back to a UTC time.Time.
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// Ping checks that the database answers a query, for health checks.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	if err := db.reader.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("events database %s: %w", db.path, err)
	}
	return nil
}
