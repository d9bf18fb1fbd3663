-- 0001: the events store on PostgreSQL, for several replicas sharing one
-- database. The same data as the SQLite store (site/sqlite/migrations
-- 0001 to 0012), in PostgreSQL's own types: times are timestamptz (kept to
-- the millisecond, as SQLite keeps them), lists are text[].
-- Append-only: never edit this file once released; add 0002_….sql instead.

-- One row per search session: an autocomplete typing session shares one id
-- and the row holds its last query. seq keeps the order rows were first
-- written, for ties on created_at.
CREATE TABLE searches (
    id         text        NOT NULL PRIMARY KEY,
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    query      text        NOT NULL,
    normalized text        NOT NULL,
    locale     text        NOT NULL DEFAULT '',
    results    integer     NOT NULL DEFAULT 0,
    hits       text[]      NOT NULL DEFAULT '{}', -- article IDs it returned, best first
    source     text        NOT NULL DEFAULT '',
    context    text        NOT NULL DEFAULT '',
    path       text        NOT NULL DEFAULT '',
    visitor    text        NOT NULL DEFAULT '',
    -- satisfied: a click on a result, or its visitor's vote on or reading
    -- of an article it returned within 30 minutes (kept by triggers).
    satisfied  boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX searches_created_at ON searches (created_at);
CREATE INDEX searches_normalized ON searches (normalized);
CREATE INDEX searches_visitor ON searches (visitor, created_at);
-- The gap report reads the searches nobody was satisfied by from an index
-- that holds them alone, with every column it reads.
CREATE INDEX searches_failed ON searches (created_at)
    INCLUDE (locale, normalized, query, visitor, results, source, context, path)
    WHERE NOT satisfied;

-- Clicks, votes and readings. search_id is '' when the event follows no
-- recorded search; not a foreign key, since a search row may be written in
-- a later batch than the click that refers to it.
CREATE TABLE events (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type       text        NOT NULL CHECK (type IN ('search', 'click', 'vote', 'view')),
    search_id  text        NOT NULL DEFAULT '',
    article_id text        NOT NULL DEFAULT '',
    locale     text        NOT NULL DEFAULT '',
    position   integer     NOT NULL DEFAULT 0,
    helpful    boolean     NULL,
    reason     text        NOT NULL DEFAULT '',
    comment    text        NOT NULL DEFAULT '',
    source     text        NOT NULL DEFAULT '',
    context    text        NOT NULL DEFAULT '',
    path       text        NOT NULL DEFAULT '',
    visitor    text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);
CREATE INDEX events_created_at ON events (created_at);
CREATE INDEX events_article_id ON events (article_id);
CREATE INDEX events_search_id ON events (search_id);
CREATE INDEX events_visitor ON events (visitor, created_at);

-- A click satisfies its search, whenever the search row is written.
CREATE FUNCTION events_satisfy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.type = 'click' AND NEW.search_id <> '' THEN
        UPDATE searches SET satisfied = true WHERE id = NEW.search_id AND NOT satisfied;
    ELSIF NEW.type IN ('vote', 'view') AND NEW.visitor <> '' AND NEW.article_id <> '' THEN
        -- A vote on, or a reading of, an article a search returned, by its
        -- visitor within 30 minutes of the search's last keystroke (a
        -- visitor hash lasts a day, which bounds the look-up).
        UPDATE searches SET satisfied = true
        WHERE visitor = NEW.visitor AND NOT satisfied AND results > 0
          AND created_at BETWEEN NEW.created_at - interval '1 day' AND NEW.created_at
          AND NEW.created_at <= updated_at + interval '30 minutes'
          AND NEW.article_id = ANY (hits);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER events_satisfy AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_satisfy();

CREATE FUNCTION searches_clicked_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM events e WHERE e.search_id = NEW.id AND e.type = 'click') THEN
        NEW.satisfied := true;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER searches_clicked_before BEFORE INSERT ON searches FOR EACH ROW EXECUTE FUNCTION searches_clicked_before();

-- Openings of the widget's panel, and whether any article fitted the host
-- page.
CREATE TABLE widget_opens (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    locale     text        NOT NULL,
    path       text        NOT NULL DEFAULT '',
    context    text        NOT NULL DEFAULT '',
    matched    boolean     NOT NULL,
    visitor    text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);
CREATE INDEX widget_opens_created_at ON widget_opens (created_at);

-- Server-side secrets, generated on first use (the visitor-hash keys).
CREATE TABLE secrets (
    name  text  NOT NULL PRIMARY KEY,
    value bytea NOT NULL
);

-- Daily totals, kept after raw events are deleted (retention).
CREATE TABLE daily_searches (
    day          date    NOT NULL,
    locale       text    NOT NULL,
    source       text    NOT NULL,
    normalized   text    NOT NULL,
    searches     integer NOT NULL,
    visitors     integer NOT NULL,
    zero_results integer NOT NULL,
    PRIMARY KEY (day, locale, source, normalized)
);
CREATE INDEX daily_searches_normalized ON daily_searches (normalized);

CREATE TABLE daily_articles (
    day         date    NOT NULL,
    article_id  text    NOT NULL,
    locale      text    NOT NULL,
    clicks      integer NOT NULL,
    helpful_yes integer NOT NULL,
    helpful_no  integer NOT NULL,
    PRIMARY KEY (day, article_id, locale)
);

-- API tokens: only a SHA-256 of each is stored; the token itself is
-- printed once when it is made.
CREATE TABLE tokens (
    id         text        NOT NULL PRIMARY KEY,
    name       text        NOT NULL DEFAULT '',
    scope      text        NOT NULL CHECK (scope IN ('admin', 'tickets', 'publish')),
    hash       text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz NULL
);

-- Admin sessions: the cookie holds a random secret, only its SHA-256 is
-- stored. A session ends with its token (revocation deletes it).
CREATE TABLE admin_sessions (
    hash       text        NOT NULL PRIMARY KEY,
    token_id   text        NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX admin_sessions_token ON admin_sessions (token_id);

-- Support tickets from the helpdesk, each linked to the article that
-- answers it.
CREATE TABLE tickets (
    external_id text             NOT NULL PRIMARY KEY,
    subject     text             NOT NULL,
    body        text             NOT NULL DEFAULT '',
    tags        text[]           NOT NULL DEFAULT '{}',
    locale      text             NOT NULL,
    article_ref text             NOT NULL DEFAULT '', -- article ID or URL named by the helpdesk
    source      text             NOT NULL DEFAULT '',
    created_at  timestamptz      NOT NULL,
    received_at timestamptz      NOT NULL,
    updated_at  timestamptz      NOT NULL,
    topic       text             NOT NULL DEFAULT '', -- the subject without forwarding and greeting noise
    article_id  text             NOT NULL DEFAULT '', -- '' when unlinked
    link_method text             NOT NULL DEFAULT '',
    link_score  double precision NOT NULL DEFAULT 0,
    nearest_id  text             NOT NULL DEFAULT '', -- unlinked: the article search found nearest
    linked_key  text             NOT NULL DEFAULT ''  -- the content the link was computed on
);
CREATE INDEX tickets_unlinked ON tickets (created_at) WHERE article_id = '';
CREATE INDEX tickets_linked_key ON tickets (linked_key, external_id);

-- Tickets per article, locale and day (UTC), kept by a trigger so that
-- every writer keeps them right.
CREATE TABLE ticket_daily (
    article_id text    NOT NULL,
    locale     text    NOT NULL,
    day        date    NOT NULL,
    tickets    integer NOT NULL,
    PRIMARY KEY (article_id, locale, day)
);

CREATE FUNCTION tickets_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.article_id = NEW.article_id AND OLD.locale = NEW.locale
       AND (OLD.created_at AT TIME ZONE 'UTC')::date = (NEW.created_at AT TIME ZONE 'UTC')::date THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.article_id <> '' THEN
        UPDATE ticket_daily SET tickets = tickets - 1
        WHERE article_id = OLD.article_id AND locale = OLD.locale AND day = (OLD.created_at AT TIME ZONE 'UTC')::date;
        DELETE FROM ticket_daily
        WHERE article_id = OLD.article_id AND locale = OLD.locale AND day = (OLD.created_at AT TIME ZONE 'UTC')::date
          AND tickets <= 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.article_id <> '' THEN
        INSERT INTO ticket_daily (article_id, locale, day, tickets)
        VALUES (NEW.article_id, NEW.locale, (NEW.created_at AT TIME ZONE 'UTC')::date, 1)
        ON CONFLICT (article_id, locale, day) DO UPDATE SET tickets = ticket_daily.tickets + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tickets_count AFTER INSERT OR DELETE OR UPDATE OF article_id, locale, created_at ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_count();

-- Bumped by every write to tickets, first thing in its transaction (so
-- ticket writes take turns and cannot deadlock on the daily counts); each
-- bump notifies the replicas listening on guichet_tickets, which rank their
-- FAQ again.
CREATE TABLE ticket_state (
    id      integer NOT NULL PRIMARY KEY CHECK (id = 1),
    version bigint  NOT NULL
);
INSERT INTO ticket_state (id, version) VALUES (1, 0);

CREATE FUNCTION ticket_state_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('guichet_tickets', NEW.version::text);
    RETURN NULL;
END $$;
CREATE TRIGGER ticket_state_notify AFTER UPDATE ON ticket_state FOR EACH ROW EXECUTE FUNCTION ticket_state_notify();

-- Topics of tickets the team linked to an article by hand.
CREATE TABLE ticket_topic_links (
    locale     text        NOT NULL,
    topic      text        NOT NULL, -- "text:" + normalised topic, or "key:" + meaning key
    article_id text        NOT NULL,
    gap_id     text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (locale, topic)
);

-- The team's decision on each content gap, and when published content
-- first answered it.
CREATE TABLE gap_decisions (
    id          text        NOT NULL PRIMARY KEY,
    kind        text        NOT NULL,
    locale      text        NOT NULL,
    status      text        NOT NULL DEFAULT '' CHECK (status IN ('', 'new_article', 'product_fix', 'ignored')),
    note        text        NOT NULL DEFAULT '',
    answered_at timestamptz NULL,
    answered_by text        NOT NULL DEFAULT '',
    keys        text[]      NOT NULL DEFAULT '{}', -- meaning keys of the gap's phrasings
    updated_at  timestamptz NOT NULL
);

-- When the current version of each published article was first served
-- (the epoch for those already there when versions were first recorded).
CREATE TABLE article_versions (
    article_id   text        NOT NULL,
    locale       text        NOT NULL,
    version      text        NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (article_id, locale)
);

-- Background jobs that must run once per key, whichever replica asks
-- (see DB.Once): the key each last ran for.
CREATE TABLE job_runs (
    job    text        NOT NULL PRIMARY KEY,
    key    text        NOT NULL,
    ran_at timestamptz NOT NULL
);
