-- 0013: what a failed search showed first (gaps.Record.FirstHit), as
-- SQLite's 0023 keeps it: the first of the results it recorded (hits,
-- best first), a column the database keeps from hits on every write
-- (searches stored before included), which the failed-search index holds
-- with the rest (see 0009) so that the gap report reads it from the index
-- alone.
ALTER TABLE searches ADD COLUMN first_hit text NOT NULL
    GENERATED ALWAYS AS (coalesce(hits[1], '')) STORED;

DROP INDEX searches_failed;
CREATE INDEX searches_failed ON searches (created_at, seq)
    INCLUDE (locale, normalized, query, visitor, results, source, context, path, found, first_hit)
    WHERE NOT satisfied;
