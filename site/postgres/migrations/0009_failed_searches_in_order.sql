-- 0009: the index of failed searches holds them in the order the gap
-- report reads them (created_at, then seq for equal times), as SQLite's
-- 0011 does (there, the rowid ends every index entry). Keyed on
-- created_at alone, it held neither seq nor the order: PostgreSQL read the
-- whole table (all searches, satisfied or not) and sorted the failed ones
-- on disk for each report. Now they are read from the index alone, in
-- order, with nothing to sort.
DROP INDEX searches_failed;
CREATE INDEX searches_failed ON searches (created_at, seq)
    INCLUDE (locale, normalized, query, visitor, results, source, context, path, found)
    WHERE NOT satisfied;
