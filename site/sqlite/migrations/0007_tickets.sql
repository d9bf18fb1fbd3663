-- 0007: support tickets from the helpdesk, each linked to the article
-- that answers it, and their daily counts per article (kept by triggers, so
-- every writer, server or command line, keeps them right).
CREATE TABLE tickets (
    external_id TEXT    NOT NULL PRIMARY KEY,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL DEFAULT '',
    tags        TEXT    NOT NULL DEFAULT '', -- one per line
    locale      TEXT    NOT NULL,
    article_ref TEXT    NOT NULL DEFAULT '', -- article ID or URL named by the helpdesk
    source      TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    article_id  TEXT    NOT NULL DEFAULT '', -- '' when unlinked
    link_method TEXT    NOT NULL DEFAULT '',
    link_score  REAL    NOT NULL DEFAULT 0,
    linked_key  TEXT    NOT NULL DEFAULT ''  -- the content (index key) the link was computed on
) STRICT;

CREATE INDEX tickets_unlinked ON tickets (created_at) WHERE article_id = '';
CREATE INDEX tickets_linked_key ON tickets (linked_key, external_id);

-- Tickets per article, locale and day (days since 1970-01-01 UTC).
CREATE TABLE ticket_daily (
    article_id TEXT    NOT NULL,
    locale     TEXT    NOT NULL,
    day        INTEGER NOT NULL,
    tickets    INTEGER NOT NULL,
    PRIMARY KEY (article_id, locale, day)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER tickets_count_insert AFTER INSERT ON tickets WHEN NEW.article_id != '' BEGIN
    INSERT INTO ticket_daily (article_id, locale, day, tickets)
    VALUES (NEW.article_id, NEW.locale, NEW.created_at / 86400000, 1)
    ON CONFLICT (article_id, locale, day) DO UPDATE SET tickets = tickets + 1;
END;

CREATE TRIGGER tickets_count_update AFTER UPDATE OF article_id, locale, created_at ON tickets
WHEN OLD.article_id != NEW.article_id OR OLD.locale != NEW.locale
  OR OLD.created_at / 86400000 != NEW.created_at / 86400000 BEGIN
    UPDATE ticket_daily SET tickets = tickets - 1
    WHERE OLD.article_id != '' AND article_id = OLD.article_id AND locale = OLD.locale AND day = OLD.created_at / 86400000;
    DELETE FROM ticket_daily
    WHERE article_id = OLD.article_id AND locale = OLD.locale AND day = OLD.created_at / 86400000 AND tickets <= 0;
    INSERT INTO ticket_daily (article_id, locale, day, tickets)
    SELECT NEW.article_id, NEW.locale, NEW.created_at / 86400000, 1 WHERE NEW.article_id != ''
    ON CONFLICT (article_id, locale, day) DO UPDATE SET tickets = tickets + 1;
END;

CREATE TRIGGER tickets_count_delete AFTER DELETE ON tickets WHEN OLD.article_id != '' BEGIN
    UPDATE ticket_daily SET tickets = tickets - 1
    WHERE article_id = OLD.article_id AND locale = OLD.locale AND day = OLD.created_at / 86400000;
    DELETE FROM ticket_daily
    WHERE article_id = OLD.article_id AND locale = OLD.locale AND day = OLD.created_at / 86400000 AND tickets <= 0;
END;

-- Bumped by every write to tickets, so a server notices imports made by
-- another process.
CREATE TABLE ticket_state (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;
INSERT INTO ticket_state (id, version) VALUES (1, 0);
