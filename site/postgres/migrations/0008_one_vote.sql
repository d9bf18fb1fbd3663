-- 0008: one vote per visitor, article and day (UTC), held by the database
-- (SQLite's 0019). Replicas used to delete a visitor's earlier vote and
-- insert theirs in separate statements: two replicas writing the same
-- visitor's votes at once (a "No" and its reason a few seconds later, a
-- "Yes" and then a "No") could both keep theirs, and the vote first
-- committed was replaced even when it was the later one. A unique index now
-- holds the rule, and a vote upserts: the later by its time stays.
--
-- Votes counted more than once before: the latest of the day stays (on
-- equal times, the last written).
DELETE FROM events e USING events f
WHERE e.type = 'vote' AND f.type = 'vote' AND e.visitor <> ''
  AND f.visitor = e.visitor AND f.article_id = e.article_id
  AND (f.created_at AT TIME ZONE 'UTC')::date = (e.created_at AT TIME ZONE 'UTC')::date
  AND (f.created_at, f.id) > (e.created_at, e.id);

CREATE UNIQUE INDEX events_one_vote ON events (article_id, visitor, ((created_at AT TIME ZONE 'UTC')::date))
    WHERE type = 'vote' AND visitor <> '';

-- A vote replaced in place does what a new one did: it satisfies the
-- searches that returned its article, marks or takes back the article
-- found instead.
CREATE TRIGGER events_satisfy_vote AFTER UPDATE OF helpful, created_at ON events
    FOR EACH ROW WHEN (NEW.type = 'vote') EXECUTE FUNCTION events_satisfy();
CREATE TRIGGER events_found_instead_vote AFTER UPDATE OF helpful, created_at ON events
    FOR EACH ROW WHEN (NEW.type = 'vote') EXECUTE FUNCTION events_found_instead();
