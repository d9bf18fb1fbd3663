package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/guichet/guichet/site/datadir"
)

// explainWrite says what to do about a write the file system refused,
// naming the file: SQLite's "database or disk is full (13)", "attempt to
// write a readonly database (8)" and "disk I/O error (778)" (what a write
// to an immutable file gives) name neither the file nor the remedy. Every
// write of the server goes through it (events, visitor keys, tickets,
// contact requests), so that a full or read-only disk reads the same in
// every log line and in /healthz.
func (db *DB) explainWrite(err error) error {
	switch primaryCode(err) {
	case codeFull:
		return db.diskFull(err)
	case codeReadOnly:
		return fmt.Errorf("events database %s cannot be written (a read-only file or file system): make it writable by the user running guichet and restart it (%w)", db.path, err)
	case codeIOErr, codeCantOpen: // ask the file system why
		if why := db.unwritable(); why != nil {
			return fmt.Errorf("%w (%w)", why, err)
		}
		if free, ok := datadir.FreeSpace(filepath.Dir(db.path)); ok && free < 1<<20 {
			return db.diskFull(err)
		}
	}
	return err
}

// Primary result codes of SQLite that the explanations tell apart.
const (
	codeReadOnly = 8
	codeIOErr    = 10
	codeFull     = 13
	codeCantOpen = 14
)

// primaryCode is the primary result code of a SQLite error (the low byte
// of its extended code), 0 for an error that is not SQLite's.
func primaryCode(err error) int {
	var se interface{ Code() int }
	if !errors.As(err, &se) {
		return 0
	}
	return se.Code() & 0xff
}

// diskFull is the error of a write refused for lack of room: the file,
// the free space, and what in the data folder can go.
func (db *DB) diskFull(err error) error {
	msg := fmt.Sprintf("events database %s: the disk is full", db.path)
	if free, ok := datadir.FreeSpace(filepath.Dir(db.path)); ok {
		msg += fmt.Sprintf(" (%d MB free)", free>>20)
	}
	msg += ": free some space on it"
	kept, _ := filepath.Glob(db.path + ".before-restore-*")
	var names []string
	for _, k := range kept {
		if info, err := os.Stat(k); err == nil && info.Mode().IsRegular() {
			names = append(names, fmt.Sprintf("%s (%d MB)", filepath.Base(k), info.Size()>>20))
		}
	}
	if len(names) > 0 {
		msg += ", such as the databases a restore kept beside it (" + strings.Join(names, ", ") + ")"
	}
	return fmt.Errorf("%s; until then, what visitors send is lost (%w)", msg, err)
}

// unwritable asks the file system whether the database and its
// write-ahead log and shared memory can be opened for writing (nothing is
// written), and says why not. SQLite writes again by itself once they
// can be: no restart is needed.
func (db *DB) unwritable() error {
	for _, p := range []string{db.path, db.path + "-wal", db.path + "-shm"} {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err == nil {
			f.Close()
			continue
		}
		what := "events database " + db.path
		if p != db.path {
			what += ": " + p
		}
		switch {
		case errors.Is(err, syscall.EROFS):
			return fmt.Errorf("%s is on a read-only file system: remount it read-write, or stop guichet and give another --data", what)
		case errors.Is(err, syscall.EPERM):
			return fmt.Errorf("%s refuses writes (an immutable file? lsattr shows it): make it writable again (chattr -i %s)", what, p)
		case errors.Is(err, fs.ErrPermission):
			return fmt.Errorf("%s is not writable by the user running guichet: give it back (chown, chmod u+w %s)", what, p)
		}
	}
	return nil
}
