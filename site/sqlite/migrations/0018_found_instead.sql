-- 0018: where visitors went after a failed search (gaps.Record.Found).
--
-- found is the first article the search's visitor opened after it within
-- the visit (a click on another search's result, a reading, a "Yes" vote;
-- within 30 minutes of the search's last keystroke, as for satisfied) that
-- the search did not return (a popular article clicked under "no results"
-- too): the answer exists, but these words did not find it. Only failed
-- searches keep one, so the failed-search index holds it too.
ALTER TABLE searches ADD COLUMN found TEXT NOT NULL DEFAULT '';

-- A reading is recorded once the article was on screen for 10 seconds
-- (site.ReadingDelay), so it began 10 seconds before its time: one
-- recorded sooner than that after the search is of the page the visitor
-- typed the search on, not of one opened after it.
CREATE TRIGGER events_found_instead AFTER INSERT ON events
WHEN NEW.type IN ('click', 'view', 'vote') AND coalesce(NEW.helpful, 1) = 1
  AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET found = NEW.article_id
    WHERE visitor = NEW.visitor AND satisfied = 0 AND found = ''
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND (NEW.type != 'view' OR created_at <= NEW.created_at - 10000)
      AND NEW.created_at <= updated_at + 1800000
      AND instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) = 0;
END;

-- A "No" vote on the article found instead, in the visit, says it was not
-- the answer after all.
CREATE TRIGGER events_found_unhelpful AFTER INSERT ON events
WHEN NEW.type = 'vote' AND NEW.helpful = 0 AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET found = ''
    WHERE visitor = NEW.visitor AND satisfied = 0 AND found = NEW.article_id
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND NEW.created_at <= updated_at + 1800000;
END;

DROP INDEX searches_failed;
CREATE INDEX searches_failed ON searches (created_at, locale, normalized, query, visitor, results, source, context, path, found)
WHERE satisfied = 0;
