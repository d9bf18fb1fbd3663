-- 0002: who searched, without knowing who: a visitor is a salted hash of the
-- client IP and user agent that changes every day (see site/web), so
-- distinct people can be counted while no raw IP is ever stored.
ALTER TABLE searches ADD COLUMN visitor TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN visitor TEXT NOT NULL DEFAULT '';
CREATE INDEX searches_visitor ON searches (visitor);

-- Server-side secrets, generated on first use (the visitor-hash key).
CREATE TABLE secrets (
    name  TEXT NOT NULL PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;
