-- 0027: the days rolled up before the dashboard read a search by the gap
-- report's one rule (gaps.Record.Failure) kept the old split: a search of
-- related articles only (recorded with no result, 0025) that its visitor
-- then satisfied counted under "Searches with no result" there, where the
-- gap report and the days tallied since count it as one that found an
-- answer. Each finished day that has such a search among the raw rows
-- still kept loses its roll-up, so that it is read from those rows again
-- and rolled up anew by the next roll-up (PostgreSQL's 0017). Days whose
-- raw rows retention deleted keep their totals: nothing is left to count
-- them again.
CREATE TEMP TABLE reroll_days AS
    SELECT DISTINCT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS day
    FROM searches WHERE results <= 0 AND satisfied = 1;
DELETE FROM insight_days WHERE day IN (SELECT day FROM reroll_days);
DELETE FROM insight_article_days WHERE day IN (SELECT day FROM reroll_days);
DELETE FROM insight_rollups WHERE day IN (SELECT day FROM reroll_days);
DROP TABLE reroll_days;
