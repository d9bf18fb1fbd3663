-- 0017: the days rolled up before the dashboard read a search by the gap
-- report's one rule (gaps.Record.Failure) kept the old split: a search of
-- related articles only (recorded with no result, 0015) that its visitor
-- then satisfied counted under "Searches with no result" there, where the
-- gap report and the days tallied since count it as one that found an
-- answer. Each finished day that has such a search among the raw rows
-- still kept loses its roll-up, so that it is read from those rows again
-- and rolled up anew by the next roll-up (SQLite's 0027). Days whose raw
-- rows retention deleted keep their totals: nothing is left to count them
-- again. The prune lock (lockSpace, lockPrune) keeps a replica's roll-up
-- or prune out meanwhile.
SELECT pg_advisory_xact_lock(1735747939, 1);
CREATE TEMP TABLE reroll_days ON COMMIT DROP AS
    SELECT DISTINCT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
    FROM searches WHERE results <= 0 AND satisfied;
DELETE FROM insight_days WHERE day IN (SELECT day FROM reroll_days);
DELETE FROM insight_article_days WHERE day IN (SELECT day FROM reroll_days);
DELETE FROM insight_rollups WHERE day IN (SELECT day FROM reroll_days);
