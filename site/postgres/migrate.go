package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"fmt"

	"github.com/guichet/guichet/site/migration"
)

// migrationFS holds the numbered migrations, NNNN_name.sql. They are
// append-only: a released file is never edited; a change is a new file.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migrate applies, in order, each migration not yet recorded in
// schema_migrations, each in its own transaction with its record. Replicas
// starting together take turns on an advisory lock, so the loser finds the
// winner's work done. A database migrated by a newer program is refused.
func (db *DB) migrate(ctx context.Context) error {
	list, err := migration.Read(migrationFS)
	if err != nil {
		return err
	}
	conn, err := db.pool.Conn(ctx)
	if err != nil {
		return fail("connect", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1, $2)`, lockSpace, lockMigrate); err != nil {
		// The lock may have been taken as the call failed: a connection
		// dropped takes its locks with it.
		conn.Raw(func(any) error { return driver.ErrBadConn })
		return fail("wait for other replicas' migrations", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1, $2)`, lockSpace, lockMigrate); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	if _, err := conn.ExecContext(ctx, `
		CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer     NOT NULL PRIMARY KEY,
			applied_at timestamptz NOT NULL
		)`); err != nil {
		return fail("create schema_migrations", err)
	}
	var latest int
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&latest); err != nil {
		return fail("read schema version", err)
	}
	db.schema = len(list)
	if n := len(list); latest > n {
		return fmt.Errorf("database schema version %d is newer than this program's (%d): a newer guichet has run on this database; run that version or a newer one on every replica, or, to go back to this one, restore the dump taken before the upgrade (pg_restore)", latest, n)
	}
	for _, m := range list {
		if m.Version <= latest {
			continue
		}
		if err := db.apply(ctx, conn, m); err != nil {
			return fail("migration "+m.Name, err)
		}
	}
	return nil
}

func (db *DB) apply(ctx context.Context, conn *sql.Conn, m migration.File) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`, m.Version, db.now()); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the version of the newest migration this program
// has.
func SchemaVersion() int {
	list, _ := migration.Read(migrationFS)
	return len(list)
}
