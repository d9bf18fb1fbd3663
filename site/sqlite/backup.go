package sqlite

import (
	"context"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the running database to path, a
// plain SQLite file holding everything committed so far (the WAL
// included), with VACUUM INTO. path must not exist.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("back up to %s: the file exists", path)
	}
	if _, err := db.writer.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	return nil
}
