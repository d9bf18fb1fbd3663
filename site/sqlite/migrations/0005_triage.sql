-- 0005: what the team decided about each content gap. A gap is identified
-- by its kind, locale and meaning (the key of the gap report).
CREATE TABLE gap_triage (
    id          TEXT    NOT NULL PRIMARY KEY, -- gaps.ID(kind, locale, key)
    kind        TEXT    NOT NULL,
    locale      TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('new_article', 'product_fix', 'ignored', 'answered')),
    note        TEXT    NOT NULL DEFAULT '',
    answered_at INTEGER NULL,     -- set when published content first answered it
    updated_at  INTEGER NOT NULL
) STRICT;
