package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// Once runs fn unless job already ran for key (site.Jobs). Replicas take
// turns on an advisory lock held by one connection while fn runs (a
// replica that dies mid-job drops its connection and so the lock); the
// key each job last ran for is kept in job_runs, so a job asked for the
// same key by every replica runs once. A caller waiting for the lock
// holds no connection (see lockJob).
func (db *DB) Once(ctx context.Context, job, key string, fn func(ctx context.Context) error) (bool, error) {
	conn, err := db.lockJob(ctx, job)
	if err != nil {
		return false, err
	}
	defer conn.Close()
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

// lockJob takes job's advisory lock on a connection of its own and returns
// that connection. While another holds the lock it asks again, waiting
// between asks (up to a second) without holding a connection: callers
// that each held one of the pool's connections while they waited (a
// publication after another while a replica checked a large help center's
// gaps) took the whole pool, leaving none for the job they waited for, nor
// for events and /healthz, and the replica hung until restarted.
func (db *DB) lockJob(ctx context.Context, job string) (*sql.Conn, error) {
	for wait := 20 * time.Millisecond; ; wait = min(2*wait, time.Second) {
		conn, err := db.pool.Conn(ctx)
		if err != nil {
			return nil, fail("job "+job, err)
		}
		var got bool
		if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1, hashtext($2))`, lockJobSpace, job).Scan(&got); err != nil {
			// The lock may have been taken as the call failed: a
			// connection dropped takes its locks with it.
			conn.Raw(func(any) error { return driver.ErrBadConn })
			conn.Close()
			return nil, fail("job "+job+": wait for other replicas", err)
		}
		if got {
			return conn, nil
		}
		conn.Close()
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fail("job "+job+": wait for other replicas", ctx.Err())
		case <-t.C:
		}
	}
}
