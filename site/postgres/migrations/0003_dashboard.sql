-- 0002: the insights dashboard (SQLite's 0013).
--
-- Contacts: a visitor followed a "Contact support" link or opened the
-- contact form, from a page of the site or a screen of the widget.
CREATE TABLE contacts (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id text        NOT NULL DEFAULT '', -- the article shown, if any
    locale     text        NOT NULL DEFAULT '',
    source     text        NOT NULL DEFAULT '',
    path       text        NOT NULL DEFAULT '',
    context    text        NOT NULL DEFAULT '',
    visitor    text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);
CREATE INDEX contacts_created_at ON contacts (created_at);

-- Daily totals (insights.Tally over a whole UTC day's raw rows), written
-- when the day is rolled up, before retention deletes its raw rows.
CREATE TABLE insight_days (
    day                 text    NOT NULL, -- YYYY-MM-DD, UTC
    locale              text    NOT NULL,
    source              text    NOT NULL,
    screen              text    NOT NULL,
    searches            integer NOT NULL,
    no_result_searches  integer NOT NULL,
    no_click_searches   integer NOT NULL,
    clicked_searches    integer NOT NULL,
    views               integer NOT NULL,
    helpful_votes       integer NOT NULL,
    not_helpful_votes   integer NOT NULL,
    contacts            integer NOT NULL,
    widget_opens        integer NOT NULL,
    visits              integer NOT NULL,
    self_service_visits integer NOT NULL,
    deflected_visits    integer NOT NULL,
    PRIMARY KEY (day, locale, source, screen)
);

CREATE TABLE insight_article_days (
    day                    text    NOT NULL,
    article_id             text    NOT NULL,
    locale                 text    NOT NULL,
    views                  integer NOT NULL,
    helpful                integer NOT NULL,
    not_helpful            integer NOT NULL,
    contacts_after_reading integer NOT NULL,
    PRIMARY KEY (day, article_id, locale)
);

-- The days rolled up: their figures are read from the tables above, those
-- of other days from the raw rows.
CREATE TABLE insight_rollups (
    day       text        NOT NULL PRIMARY KEY,
    rolled_at timestamptz NOT NULL
);

CREATE INDEX tickets_created_at ON tickets (created_at);
