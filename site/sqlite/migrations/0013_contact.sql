-- 0013: the contact form, its delivery queue, and "tell me when this is
-- answered" subscriptions.

-- Contact requests as the customer sent them, without the address (it is
-- only in the queued deliveries, erased once they are done). Each is also a
-- ticket (tickets.external_id = 'contact:' || id), so it counts for the FAQ.
CREATE TABLE contact_requests (
    id          TEXT    NOT NULL PRIMARY KEY,
    subject     TEXT    NOT NULL,
    description TEXT    NOT NULL,
    locale      TEXT    NOT NULL,
    context     TEXT    NOT NULL DEFAULT '',
    path        TEXT    NOT NULL DEFAULT '',
    search_id   TEXT    NOT NULL DEFAULT '', -- the suggestions' search
    article_id  TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX contact_requests_created ON contact_requests (created_at);
CREATE INDEX contact_requests_search ON contact_requests (search_id) WHERE search_id != '';

-- The delivery queue: one row per message to send, by e-mail or webhook.
-- target and payload (the address, the message) are erased once the
-- message is delivered or has failed for good.
CREATE TABLE deliveries (
    id         INTEGER PRIMARY KEY,
    channel    TEXT    NOT NULL CHECK (channel IN ('mail', 'webhook')),
    purpose    TEXT    NOT NULL, -- contact, confirm, notify
    ref        TEXT    NOT NULL DEFAULT '', -- the contact request or subscription
    target     TEXT    NOT NULL DEFAULT '', -- recipient address or webhook URL
    payload    BLOB    NOT NULL,
    state      TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    next_at    INTEGER NOT NULL, -- when it is due (pending)
    last_error TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    done_at    INTEGER NULL
) STRICT;
CREATE INDEX deliveries_due ON deliveries (next_at) WHERE state = 'pending';
CREATE INDEX deliveries_ref ON deliveries (ref);

-- Subscriptions: the address is kept for the confirmation and the one
-- notification, then deleted (and after 180 days at the latest). token_hash
-- is the SHA-256 of the secret in the confirmation and unsubscribe links;
-- dedupe, of the locale, address and normalised query, makes the same
-- request one subscription.
CREATE TABLE subscriptions (
    id           TEXT    NOT NULL PRIMARY KEY,
    token_hash   TEXT    NOT NULL UNIQUE,
    dedupe       TEXT    NOT NULL UNIQUE,
    email        TEXT    NOT NULL,
    locale       TEXT    NOT NULL,
    query        TEXT    NOT NULL, -- personal data redacted
    normalized   TEXT    NOT NULL,
    visitor      TEXT    NOT NULL DEFAULT '',
    results      INTEGER NOT NULL DEFAULT 0,
    source       TEXT    NOT NULL DEFAULT '',
    confirmed_at INTEGER NULL,
    notified_at  INTEGER NULL, -- its notification is queued
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX subscriptions_created ON subscriptions (created_at);

-- A new decision, 'fixed' (the product fix is made): the table is rebuilt,
-- since SQLite cannot change a CHECK constraint in place.
CREATE TABLE gap_decisions_new (
    id          TEXT    NOT NULL PRIMARY KEY,
    kind        TEXT    NOT NULL,
    locale      TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT '' CHECK (status IN ('', 'new_article', 'product_fix', 'fixed', 'ignored')),
    note        TEXT    NOT NULL DEFAULT '',
    answered_at INTEGER NULL,
    answered_by TEXT    NOT NULL DEFAULT '',
    keys        TEXT    NOT NULL DEFAULT '',
    updated_at  INTEGER NOT NULL
) STRICT;
INSERT INTO gap_decisions_new SELECT id, kind, locale, status, note, answered_at, answered_by, keys, updated_at FROM gap_decisions;
DROP TABLE gap_decisions;
ALTER TABLE gap_decisions_new RENAME TO gap_decisions;
