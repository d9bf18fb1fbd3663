package postgres

import (
	"context"
	"fmt"
)

// Backup refuses: a PostgreSQL database is backed up with PostgreSQL's own
// tools, which copy it consistently while replicas keep writing. The
// error says how (BackupAdvice).
func (db *DB) Backup(ctx context.Context, file string) error {
	return BackupAdvice(db.url, file)
}

// BackupAdvice is the error guichet backup gives for the database at url
// (its password redacted): the pg_dump command, the dump readable by its
// owner alone (umask 077), as guichet backup's copy is, and pg_restore's.
// It needs no connection, so guichet backup gives it without opening the
// database (which would migrate it).
func BackupAdvice(url, file string) error {
	return fmt.Errorf("back up to %s: guichet backup copies the SQLite file only; for PostgreSQL run\n"+
		"  (umask 077; pg_dump --format=custom --file=%[1]s '%[2]s')\n"+
		"(and pg_restore --clean --if-exists --dbname='%[2]s' %[1]s to restore, the replicas stopped)", file, url)
}
