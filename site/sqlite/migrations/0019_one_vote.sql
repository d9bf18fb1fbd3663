-- 0019: one vote per visitor, article and day (UTC), held by the database
-- (PostgreSQL's 0008). A vote used to delete the visitor's earlier vote of
-- the day and insert itself: the one written last stayed, even when it was
-- the earlier (a "No" reaching the store after its reason). A unique index
-- now holds the rule, and a vote upserts: the later by its time stays.
--
-- Votes counted more than once before: the latest of the day stays (on
-- equal times, the last written).
DELETE FROM events
WHERE type = 'vote' AND visitor != '' AND EXISTS (
    SELECT 1 FROM events f
    WHERE f.type = 'vote' AND f.visitor = events.visitor AND f.article_id = events.article_id
      AND f.created_at / 86400000 = events.created_at / 86400000
      AND (f.created_at > events.created_at OR f.created_at = events.created_at AND f.id > events.id));

CREATE UNIQUE INDEX events_one_vote ON events (article_id, visitor, created_at / 86400000)
WHERE type = 'vote' AND visitor != '';

-- A vote replaced in place does what a new one did (0010, 0018): it
-- satisfies the searches that returned its article, marks or takes back
-- the article found instead.
CREATE TRIGGER events_vote_satisfies AFTER UPDATE OF helpful, created_at ON events
WHEN NEW.type = 'vote' AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET satisfied = 1
    WHERE visitor = NEW.visitor AND satisfied = 0 AND results > 0
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND NEW.created_at <= updated_at + 1800000
      AND instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) > 0;
END;

CREATE TRIGGER events_vote_found_instead AFTER UPDATE OF helpful, created_at ON events
WHEN NEW.type = 'vote' AND NEW.helpful = 1 AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET found = NEW.article_id
    WHERE visitor = NEW.visitor AND satisfied = 0 AND found = ''
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND NEW.created_at <= updated_at + 1800000
      AND instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) = 0;
END;

CREATE TRIGGER events_vote_found_unhelpful AFTER UPDATE OF helpful, created_at ON events
WHEN NEW.type = 'vote' AND NEW.helpful = 0 AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET found = ''
    WHERE visitor = NEW.visitor AND satisfied = 0 AND found = NEW.article_id
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND NEW.created_at <= updated_at + 1800000;
END;
