package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"github.com/guichet/guichet/site/migration"
)

// migrationFS holds the numbered migrations, NNNN_name.sql. They are
// append-only: a released file is never edited; a change is a new file.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migrate applies, in order, each migration in fsys/migrations not yet
// recorded in schema_migrations, each in its own transaction together with
// its record. Transactions begin IMMEDIATE (see dsn), so two processes
// opening a new database at once serialise and the loser skips what the
// winner applied.
func migrate(ctx context.Context, db *sql.DB, fsys fs.FS, now func() time.Time) error {
	list, err := migration.Read(fsys)
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `
		CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER NOT NULL PRIMARY KEY,
			applied_at INTEGER NOT NULL -- unix milliseconds, UTC
		) STRICT`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}

	var latest int
	if err := db.QueryRowContext(ctx,
		`SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&latest); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if n := len(list); latest > n {
		return fmt.Errorf("database schema version %d is newer than this program's (%d): a newer guichet has run on this data folder; run that version or a newer one, or, to go back to this one, restore the backup taken before the upgrade (guichet restore FILE with this binary)", latest, n)
	}

	for _, m := range list {
		if m.Version <= latest {
			continue
		}
		if err := applyMigration(ctx, db, m, now); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return nil
}

// SchemaVersion returns the schema version the database holds (the
// latest migration applied, 0 for a new file) and the latest this program
// knows.
func (db *DB) SchemaVersion(ctx context.Context) (version, known int, err error) {
	list, err := migration.Read(migrationFS)
	if err != nil {
		return 0, 0, err
	}
	var exists bool
	if err := db.writer.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations')`).Scan(&exists); err != nil || !exists {
		return 0, len(list), err
	}
	if err := db.writer.QueryRowContext(ctx,
		`SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return 0, len(list), fmt.Errorf("read schema version: %w", err)
	}
	return version, len(list), nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration.File, now func() time.Time) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	var applied bool
	if err := tx.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?)`,
		m.Version).Scan(&applied); err != nil {
		return err
	}
	if applied { // by another process since we looked
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		m.Version, millis(now())); err != nil {
		return err
	}
	return tx.Commit()
}
