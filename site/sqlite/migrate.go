package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// migrationFS holds the numbered migrations, NNNN_name.sql. They are
// append-only: a released file is never edited; a change is a new file.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered SQL file.
type migration struct {
	version int
	name    string // file name, for errors
	sql     string
}

// migrate applies, in order, each migration in fsys/migrations not yet
// recorded in schema_migrations, each in its own transaction together with
// its record. Transactions begin IMMEDIATE (see dsn), so two processes
// opening a new database at once serialise and the loser skips what the
// winner applied.
func migrate(ctx context.Context, db *sql.DB, fsys fs.FS, now func() time.Time) error {
	list, err := readMigrations(fsys)
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
		return fmt.Errorf("database schema version %d is newer than this program's (%d)", latest, n)
	}

	for _, m := range list {
		if m.version <= latest {
			continue
		}
		if err := applyMigration(ctx, db, m, now); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration, now func() time.Time) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	var applied bool
	if err := tx.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?)`,
		m.version).Scan(&applied); err != nil {
		return err
	}
	if applied { // by another process since we looked
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		m.version, millis(now())); err != nil {
		return err
	}
	return tx.Commit()
}

// readMigrations returns the migrations in fsys/migrations sorted by
// version. Versions must run 1, 2, 3… without gaps or duplicates, so a
// misnamed file fails every Open rather than being skipped.
func readMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	list := make([]migration, 0, len(names))
	for _, name := range names {
		base := path.Base(name)
		prefix, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(prefix)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", base)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", base, err)
		}
		list = append(list, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].version < list[j].version })
	for i, m := range list {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: version %d, want %d", m.name, m.version, i+1)
		}
	}
	if len(list) == 0 {
		return nil, errors.New("no migrations")
	}
	return list, nil
}
