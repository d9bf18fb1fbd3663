-- 0002: the contact form, its delivery queue, and "tell me when this is
-- answered" subscriptions (as site/sqlite's 0013).

-- Contact requests as the customer sent them, without the address (it is
-- only in the queued deliveries, erased once they are done). Each is also a
-- ticket (tickets.external_id = 'contact:' || id).
CREATE TABLE contact_requests (
    id          text        NOT NULL PRIMARY KEY,
    subject     text        NOT NULL,
    description text        NOT NULL,
    locale      text        NOT NULL,
    context     text        NOT NULL DEFAULT '',
    path        text        NOT NULL DEFAULT '',
    search_id   text        NOT NULL DEFAULT '',
    article_id  text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL
);
CREATE INDEX contact_requests_created ON contact_requests (created_at);
CREATE INDEX contact_requests_search ON contact_requests (search_id) WHERE search_id <> '';

-- The delivery queue; target and payload are erased once a message is
-- delivered or has failed for good. Replicas claim due rows with
-- FOR UPDATE SKIP LOCKED.
CREATE TABLE deliveries (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel    text        NOT NULL CHECK (channel IN ('mail', 'webhook')),
    purpose    text        NOT NULL,
    ref        text        NOT NULL DEFAULT '',
    target     text        NOT NULL DEFAULT '',
    payload    bytea       NOT NULL,
    state      text        NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts   integer     NOT NULL DEFAULT 0,
    next_at    timestamptz NOT NULL,
    last_error text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    done_at    timestamptz NULL
);
CREATE INDEX deliveries_due ON deliveries (next_at) WHERE state = 'pending';
CREATE INDEX deliveries_ref ON deliveries (ref);

-- Subscriptions: the address is kept for the confirmation and the one
-- notification, then deleted (and after 180 days at the latest).
CREATE TABLE subscriptions (
    id           text        NOT NULL PRIMARY KEY,
    token_hash   text        NOT NULL UNIQUE,
    dedupe       text        NOT NULL UNIQUE,
    email        text        NOT NULL,
    locale       text        NOT NULL,
    query        text        NOT NULL,
    normalized   text        NOT NULL,
    visitor      text        NOT NULL DEFAULT '',
    results      integer     NOT NULL DEFAULT 0,
    source       text        NOT NULL DEFAULT '',
    confirmed_at timestamptz NULL,
    notified_at  timestamptz NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX subscriptions_created ON subscriptions (created_at);

-- A new decision, 'fixed' (the product fix is made).
ALTER TABLE gap_decisions DROP CONSTRAINT gap_decisions_status_check;
ALTER TABLE gap_decisions ADD CONSTRAINT gap_decisions_status_check
    CHECK (status IN ('', 'new_article', 'product_fix', 'fixed', 'ignored'));
