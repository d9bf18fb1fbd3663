package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Once runs fn unless job already ran for key (site.Jobs). One process
// serves a SQLite file (the data folder's lock), so jobs of the same name
// take turns inside it; the key each last ran for is kept in job_runs.
func (db *DB) Once(ctx context.Context, job, key string, fn func(ctx context.Context) error) (bool, error) {
	v, _ := db.jobs.LoadOrStore(job, make(chan struct{}, 1))
	turn := v.(chan struct{})
	select {
	case turn <- struct{}{}:
	case <-ctx.Done():
		return false, fmt.Errorf("job %s: %w", job, ctx.Err())
	}
	defer func() { <-turn }()
	var last string
	err := db.reader.QueryRowContext(ctx, `SELECT key FROM job_runs WHERE job = ?`, job).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("job %s: %w", job, err)
	}
	if err == nil && last == key {
		return false, nil
	}
	if err := fn(ctx); err != nil {
		return true, err
	}
	if _, err := db.writer.ExecContext(ctx, `
		INSERT INTO job_runs (job, key, ran_at) VALUES (?, ?, ?)
		ON CONFLICT (job) DO UPDATE SET key = excluded.key, ran_at = excluded.ran_at`, job, key, millis(db.now())); err != nil {
		return true, fmt.Errorf("job %s: record its run: %w", job, err)
	}
	return true, nil
}
