-- 0009: the publish token scope, and admin sessions kept on the server.

-- SQLite cannot change a CHECK constraint: the tokens table is rebuilt to
-- accept the publish scope (POST /api/v1/reload). Nothing refers to it yet.
CREATE TABLE tokens_0009 (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL DEFAULT '',
    scope      TEXT    NOT NULL CHECK (scope IN ('admin', 'tickets', 'publish')),
    hash       TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER NULL
) STRICT;
INSERT INTO tokens_0009 (id, name, scope, hash, created_at, revoked_at)
    SELECT id, name, scope, hash, created_at, revoked_at FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_0009 RENAME TO tokens;

-- The cookie holds a random secret; only its SHA-256 is stored, so a copy
-- of the database cannot be turned into a working cookie. A session
-- belongs to the admin token that opened it and ends with it (revocation
-- deletes its sessions).
CREATE TABLE admin_sessions (
    hash       TEXT    NOT NULL PRIMARY KEY,
    token_id   TEXT    NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX admin_sessions_token ON admin_sessions (token_id);

-- Sessions used to be signed with this key; it is no longer used.
DELETE FROM secrets WHERE name = 'admin-session';
