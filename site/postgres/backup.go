package postgres

import (
	"context"
	"fmt"
)

// Backup refuses: a PostgreSQL database is backed up with PostgreSQL's own
// tools, which copy it consistently while replicas keep writing. The
// error says how, the dump readable by its owner alone (umask 077), as
// guichet backup's copy is.
func (db *DB) Backup(ctx context.Context, file string) error {
	return fmt.Errorf("back up %s: guichet backup copies the SQLite file only; for PostgreSQL run\n"+
		"  (umask 077; pg_dump --format=custom --file=%s '%s')\n"+
		"(and pg_restore --clean --if-exists --dbname='%[3]s' %[2]s to restore, the replicas stopped)", db.name, file, db.url)
}
