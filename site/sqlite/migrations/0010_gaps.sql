-- 0010: the gap report counts what it can trust.
--
-- A search is satisfied by a click on one of its results, or by a vote on
-- or a reading of an article it returned, by its visitor within the visit
-- (30 minutes); nothing else. Each search keeps the IDs of the articles it
-- returned (hits, one per line) and whether it was satisfied, kept by
-- triggers so that every writer keeps it right.
ALTER TABLE searches ADD COLUMN hits TEXT NOT NULL DEFAULT '';
ALTER TABLE searches ADD COLUMN satisfied INTEGER NOT NULL DEFAULT 0 CHECK (satisfied IN (0, 1));

-- A visitor's searches by time, to find those a vote or reading satisfies.
DROP INDEX searches_visitor;
CREATE INDEX searches_visitor ON searches (visitor, created_at);

-- Readings of an article ('view') join clicks and votes: the table is
-- rebuilt, since SQLite cannot change a CHECK constraint in place.
CREATE TABLE events_new (
    id         INTEGER PRIMARY KEY,
    type       TEXT    NOT NULL CHECK (type IN ('search', 'click', 'vote', 'view')),
    search_id  TEXT    NOT NULL DEFAULT '',
    article_id TEXT    NOT NULL DEFAULT '',
    locale     TEXT    NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    helpful    INTEGER NULL CHECK (helpful IN (0, 1)),
    reason     TEXT    NOT NULL DEFAULT '',
    comment    TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    visitor    TEXT    NOT NULL DEFAULT '',
    path       TEXT    NOT NULL DEFAULT '',
    context    TEXT    NOT NULL DEFAULT ''
) STRICT;
INSERT INTO events_new (id, type, search_id, article_id, locale, position, helpful, reason, comment, source, created_at, visitor, path, context)
SELECT id, type, search_id, article_id, locale, position, helpful, reason, comment, source, created_at, visitor, path, context FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_created_at ON events (created_at);
CREATE INDEX events_article_id ON events (article_id);
CREATE INDEX events_search_id ON events (search_id);
CREATE INDEX events_visitor ON events (visitor, created_at);

-- Searches already clicked are satisfied (the hits of older searches are
-- unknown, so their votes cannot be told apart: they count for nothing).
UPDATE searches SET satisfied = 1
WHERE EXISTS (SELECT 1 FROM events e WHERE e.search_id = searches.id AND e.type = 'click');

-- A click satisfies its search, whenever the search row is written.
CREATE TRIGGER events_click_satisfies AFTER INSERT ON events
WHEN NEW.type = 'click' AND NEW.search_id != '' BEGIN
    UPDATE searches SET satisfied = 1 WHERE id = NEW.search_id AND satisfied = 0;
END;
CREATE TRIGGER searches_clicked_before AFTER INSERT ON searches
WHEN EXISTS (SELECT 1 FROM events e WHERE e.search_id = NEW.id AND e.type = 'click') BEGIN
    UPDATE searches SET satisfied = 1 WHERE id = NEW.id;
END;

-- A vote on, or a reading of, an article a search returned satisfies that
-- search when its visitor made it within 30 minutes of the search's last
-- keystroke (a visitor hash lasts a day, which bounds the look-up).
CREATE TRIGGER events_reading_satisfies AFTER INSERT ON events
WHEN NEW.type IN ('vote', 'view') AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET satisfied = 1
    WHERE visitor = NEW.visitor AND satisfied = 0 AND results > 0
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND NEW.created_at <= updated_at + 1800000
      AND instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) > 0;
END;

-- The team's decision on each gap, and the answered state the answered
-- check keeps, apart: status is the decision ('' while undecided),
-- answered_at when published content first answered the gap (NULL while
-- open), answered_by the article. keys are the meaning keys of the gap's
-- phrasings (one per line), so the decision stays with the gap as new
-- phrasings join it.
CREATE TABLE gap_decisions (
    id          TEXT    NOT NULL PRIMARY KEY,
    kind        TEXT    NOT NULL,
    locale      TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT '' CHECK (status IN ('', 'new_article', 'product_fix', 'ignored')),
    note        TEXT    NOT NULL DEFAULT '',
    answered_at INTEGER NULL,
    answered_by TEXT    NOT NULL DEFAULT '',
    keys        TEXT    NOT NULL DEFAULT '',
    updated_at  INTEGER NOT NULL
) STRICT;
-- Earlier decisions keep their ID and their key; "answered" was a status
-- and is now the answered check's to say (it runs at the next publication).
INSERT INTO gap_decisions (id, kind, locale, status, note, answered_at, keys, updated_at)
SELECT id, CASE WHEN kind IN ('no_results', 'no_click') THEN 'search' ELSE kind END, locale,
       CASE WHEN status = 'answered' THEN '' ELSE status END, note, answered_at, key, updated_at
FROM gap_triage;
DROP TABLE gap_triage;

-- When the current version of each published article was first served:
-- an article answers a gap only when published (or changed) since the gap
-- was first seen.
CREATE TABLE article_versions (
    article_id   TEXT    NOT NULL,
    locale       TEXT    NOT NULL,
    version      TEXT    NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, locale)
) STRICT, WITHOUT ROWID;

-- Tickets keep their subject cleaned of forwarding and greeting noise (the
-- topic linking and the gap report read), and, when unlinked, the article
-- search found nearest with its confidence (link_score).
ALTER TABLE tickets ADD COLUMN topic TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN nearest_id TEXT NOT NULL DEFAULT '';

-- Topics of tickets the team linked to an article by hand: a ticket whose
-- topic (its normalised text, or its meaning key) is one of these links to
-- the article.
CREATE TABLE ticket_topic_links (
    locale     TEXT    NOT NULL,
    topic      TEXT    NOT NULL, -- "text:" + normalised topic, or "key:" + meaning key
    article_id TEXT    NOT NULL,
    gap_id     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (locale, topic)
) STRICT, WITHOUT ROWID;
