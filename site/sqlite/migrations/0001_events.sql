-- 0001: visitors' searches and the clicks and votes that follow them.
-- Times are unix milliseconds, UTC. Append-only: never edit this file once
-- released; add 0002_….sql instead.

-- One row per search session: an autocomplete typing session ("r", "re", …
-- "refund") shares one id and the row holds its last query.
CREATE TABLE searches (
    id         TEXT    NOT NULL PRIMARY KEY,
    query      TEXT    NOT NULL,
    normalized TEXT    NOT NULL,
    locale     TEXT    NOT NULL DEFAULT '',
    results    INTEGER NOT NULL DEFAULT 0,
    source     TEXT    NOT NULL DEFAULT '',
    context    TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX searches_created_at ON searches (created_at);
CREATE INDEX searches_normalized ON searches (normalized);

-- Clicks and votes. search_id is '' when the event follows no recorded
-- search; it is deliberately not a foreign key, since a search row may be
-- written in a later batch than the click that refers to it.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    type       TEXT    NOT NULL CHECK (type IN ('search', 'click', 'vote')),
    search_id  TEXT    NOT NULL DEFAULT '',
    article_id TEXT    NOT NULL DEFAULT '',
    locale     TEXT    NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    helpful    INTEGER NULL CHECK (helpful IN (0, 1)),
    reason     TEXT    NOT NULL DEFAULT '',
    comment    TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX events_created_at ON events (created_at);
CREATE INDEX events_article_id ON events (article_id);
CREATE INDEX events_search_id ON events (search_id);
