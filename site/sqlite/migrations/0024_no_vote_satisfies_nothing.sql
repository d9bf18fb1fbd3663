-- 0024: a "No" vote satisfies no search (PostgreSQL's 0014). A vote on an
-- article a search returned satisfied the search whatever it said, so a
-- visitor who voted "No" on a result (one unrelated to the question, that
-- only came third) had "found an answer": the search left the gap report
-- and counted among the dashboard's searches that found one. A reading
-- and a "Yes" still satisfy; searches satisfied before keep their flag.
DROP TRIGGER events_reading_satisfies;
CREATE TRIGGER events_reading_satisfies AFTER INSERT ON events
WHEN (NEW.type = 'view' OR NEW.type = 'vote' AND NEW.helpful = 1) AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET satisfied = 1
    WHERE visitor = NEW.visitor AND satisfied = 0 AND results > 0
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND NEW.created_at <= updated_at + 1800000
      AND instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) > 0;
END;

-- A vote replaced in place (0019) satisfies when it is now a "Yes".
DROP TRIGGER events_vote_satisfies;
CREATE TRIGGER events_vote_satisfies AFTER UPDATE OF helpful, created_at ON events
WHEN NEW.type = 'vote' AND NEW.helpful = 1 AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET satisfied = 1
    WHERE visitor = NEW.visitor AND satisfied = 0 AND results > 0
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND NEW.created_at <= updated_at + 1800000
      AND instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) > 0;
END;
