package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
)

// Once runs fn unless job already ran for key (site.Jobs). Replicas take
// turns on an advisory lock held by one connection while fn runs (a
// replica that dies mid-job drops its connection and so the lock); the
// key each job last ran for is kept in job_runs, so a job asked for the
// same key by every replica runs once.
func (db *DB) Once(ctx context.Context, job, key string, fn func(ctx context.Context) error) (bool, error) {
	conn, err := db.pool.Conn(ctx)
	if err != nil {
		return false, fail("job "+job, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1, hashtext($2))`, lockJobSpace, job); err != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn }) // the lock may be held: drop the connection
		return false, fail("job "+job+": wait for other replicas", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1, hashtext($2))`, lockJobSpace, job); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	var last string
	err = conn.QueryRowContext(ctx, `SELECT key FROM job_runs WHERE job = $1`, job).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fail("job "+job, err)
	}
	if err == nil && last == key {
		return false, nil
	}
	if err := fn(ctx); err != nil {
		return true, err
	}
	if _, err := conn.ExecContext(ctx, `
		INSERT INTO job_runs (job, key, ran_at) VALUES ($1, $2, $3)
		ON CONFLICT (job) DO UPDATE SET key = excluded.key, ran_at = excluded.ran_at`, job, key, db.now()); err != nil {
		return true, fail(fmt.Sprintf("job %s: record its run", job), err)
	}
	return true, nil
}
