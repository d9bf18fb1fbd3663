-- 0003: daily aggregates, kept after raw events are deleted (retention).
-- One row per day (UTC, 'YYYY-MM-DD'), locale, source and normalised query.
CREATE TABLE daily_searches (
    day          TEXT    NOT NULL,
    locale       TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    normalized   TEXT    NOT NULL,
    searches     INTEGER NOT NULL,
    visitors     INTEGER NOT NULL,
    zero_results INTEGER NOT NULL,
    PRIMARY KEY (day, locale, source, normalized)
) STRICT;

-- One row per day, article and locale: clicks and votes.
CREATE TABLE daily_articles (
    day         TEXT    NOT NULL,
    article_id  TEXT    NOT NULL,
    locale      TEXT    NOT NULL,
    clicks      INTEGER NOT NULL,
    helpful_yes INTEGER NOT NULL,
    helpful_no  INTEGER NOT NULL,
    PRIMARY KEY (day, article_id, locale)
) STRICT;
