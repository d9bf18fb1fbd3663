-- 0009: admin sessions kept on the server. The cookie holds a random
-- secret; only its SHA-256 is stored, so a copy of the database cannot be
-- turned into a working cookie. A session belongs to the admin token that
-- opened it and ends with it (revocation deletes its sessions).
CREATE TABLE admin_sessions (
    hash       TEXT    NOT NULL PRIMARY KEY,
    token_id   TEXT    NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX admin_sessions_token ON admin_sessions (token_id);

-- Sessions used to be signed with this key; it is no longer used.
DELETE FROM secrets WHERE name = 'admin-session';
