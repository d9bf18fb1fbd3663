-- 0013: the insights dashboard.
--
-- Contacts: a visitor followed a "Contact support" link or opened the
-- contact form, from a page of the site or a screen of the widget.
CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY,
    article_id TEXT    NOT NULL DEFAULT '', -- the article shown, if any
    locale     TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL DEFAULT '',
    path       TEXT    NOT NULL DEFAULT '',
    context    TEXT    NOT NULL DEFAULT '',
    visitor    TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX contacts_created_at ON contacts (created_at);

-- The dashboard reads a visitor's activity of a day in time order.
CREATE INDEX widget_opens_visitor ON widget_opens (visitor, created_at);

-- Daily totals (insights.Tally over a whole UTC day's raw rows), written
-- when the day is rolled up, before retention deletes its raw rows. One
-- row per day, locale and entry point (source, and the widget's screen).
CREATE TABLE insight_days (
    day                 TEXT    NOT NULL, -- YYYY-MM-DD, UTC
    locale              TEXT    NOT NULL,
    source              TEXT    NOT NULL,
    screen              TEXT    NOT NULL,
    searches            INTEGER NOT NULL,
    no_result_searches  INTEGER NOT NULL,
    no_click_searches   INTEGER NOT NULL,
    clicked_searches    INTEGER NOT NULL,
    views               INTEGER NOT NULL,
    helpful_votes       INTEGER NOT NULL,
    not_helpful_votes   INTEGER NOT NULL,
    contacts            INTEGER NOT NULL,
    widget_opens        INTEGER NOT NULL,
    visits              INTEGER NOT NULL,
    self_service_visits INTEGER NOT NULL,
    deflected_visits    INTEGER NOT NULL,
    PRIMARY KEY (day, locale, source, screen)
) STRICT, WITHOUT ROWID;

-- One row per day, article and locale.
CREATE TABLE insight_article_days (
    day                    TEXT    NOT NULL,
    article_id             TEXT    NOT NULL,
    locale                 TEXT    NOT NULL,
    views                  INTEGER NOT NULL,
    helpful                INTEGER NOT NULL,
    not_helpful            INTEGER NOT NULL,
    contacts_after_reading INTEGER NOT NULL,
    PRIMARY KEY (day, article_id, locale)
) STRICT, WITHOUT ROWID;

-- The days rolled up: their figures are read from the tables above, those
-- of other days from the raw rows.
CREATE TABLE insight_rollups (
    day       TEXT    NOT NULL PRIMARY KEY,
    rolled_at INTEGER NOT NULL
) STRICT;

-- Tickets by the day they were created.
CREATE INDEX tickets_created_at ON tickets (created_at);
