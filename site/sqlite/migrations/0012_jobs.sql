-- 0012: background jobs that must run once per key, whichever process
-- asks (see DB.Once): the key each last ran for.
CREATE TABLE job_runs (
    job    TEXT    NOT NULL PRIMARY KEY,
    key    TEXT    NOT NULL,
    ran_at INTEGER NOT NULL -- unix milliseconds, UTC
) STRICT;
