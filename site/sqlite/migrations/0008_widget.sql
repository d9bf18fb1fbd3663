-- 0008: the embeddable widget. Searches, clicks and votes made in it keep
-- the host page's path (never its query string) and context key; each
-- opening of the panel is recorded with whether any article fitted the
-- host page, so the gap report can list the screens that have no help.
ALTER TABLE searches ADD COLUMN path TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN path TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN context TEXT NOT NULL DEFAULT '';

CREATE TABLE widget_opens (
    id         INTEGER PRIMARY KEY,
    locale     TEXT    NOT NULL,
    path       TEXT    NOT NULL DEFAULT '',
    context    TEXT    NOT NULL DEFAULT '',
    matched    INTEGER NOT NULL CHECK (matched IN (0, 1)),
    visitor    TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX widget_opens_created_at ON widget_opens (created_at);
