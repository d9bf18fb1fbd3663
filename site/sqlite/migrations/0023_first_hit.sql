-- 0023: what a failed search showed first (gaps.Record.FirstHit): the
-- first of the results it recorded (hits, best first), written when the
-- search is, so that the gap report reads it from the failed-search index
-- with the rest (see 0011) rather than from each row's hits. Searches
-- stored before take theirs from their hits.
ALTER TABLE searches ADD COLUMN first_hit TEXT NOT NULL DEFAULT '';

UPDATE searches SET first_hit = substr(hits, 1, instr(hits || char(10), char(10)) - 1)
WHERE hits != '';

DROP INDEX searches_failed;
CREATE INDEX searches_failed ON searches (created_at, locale, normalized, query, visitor, results, source, context, path, found, first_hit)
WHERE satisfied = 0;
