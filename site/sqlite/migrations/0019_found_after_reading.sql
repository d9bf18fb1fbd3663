-- 0019: a reading is recorded once the article was on screen for 10
-- seconds (site.ReadingDelay), so it began 10 seconds before its time. A
-- reading recorded sooner than that after a failed search is of the page
-- the visitor typed the search on (the article they were reading when
-- they searched for something else), not of one opened after it: it is no
-- longer the article found instead (0018).
DROP TRIGGER events_found_instead;
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
