-- 0006: API tokens. Only a SHA-256 of each token is stored; the token
-- itself is printed once when it is created.
CREATE TABLE tokens (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL DEFAULT '',
    scope      TEXT    NOT NULL CHECK (scope IN ('admin', 'tickets')),
    hash       TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER NULL
) STRICT;
