-- 0025: a search that found only related articles (search's "weak"
-- results: none answers half of what it asks) is recorded with no result
-- (results = 0), as the gap report and the dashboard's no-result rate
-- count it, and keeps the articles it showed (hits). A click on one of
-- them, or a reading or a "Yes" of one, still satisfies it: the triggers
-- ask for results or recorded hits where they asked for results
-- (PostgreSQL's 0015). Searches recorded before keep their counts.
DROP TRIGGER events_reading_satisfies;
CREATE TRIGGER events_reading_satisfies AFTER INSERT ON events
WHEN (NEW.type = 'view' OR NEW.type = 'vote' AND NEW.helpful = 1) AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET satisfied = 1
    WHERE visitor = NEW.visitor AND satisfied = 0 AND hits != ''
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND NEW.created_at <= updated_at + 1800000
      AND instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) > 0;
END;

DROP TRIGGER events_vote_satisfies;
CREATE TRIGGER events_vote_satisfies AFTER UPDATE OF helpful, created_at ON events
WHEN NEW.type = 'vote' AND NEW.helpful = 1 AND NEW.visitor != '' AND NEW.article_id != '' BEGIN
    UPDATE searches SET satisfied = 1
    WHERE visitor = NEW.visitor AND satisfied = 0 AND hits != ''
      AND created_at BETWEEN NEW.created_at - 86400000 AND NEW.created_at
      AND NEW.created_at <= updated_at + 1800000
      AND instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) > 0;
END;

DROP TRIGGER events_click_satisfies;
CREATE TRIGGER events_click_satisfies AFTER INSERT ON events
WHEN NEW.type = 'click' AND NEW.search_id != '' BEGIN
    UPDATE searches SET satisfied = 1
    WHERE id = NEW.search_id AND satisfied = 0 AND (results > 0 OR hits != '')
      AND (instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) > 0
           OR NEW.position > CASE WHEN hits = '' THEN 0 ELSE length(hits) - length(replace(hits, char(10), '')) + 1 END
              AND NEW.position <= results);
END;

DROP TRIGGER searches_clicked_before;
CREATE TRIGGER searches_clicked_before AFTER INSERT ON searches
WHEN (NEW.results > 0 OR NEW.hits != '') AND EXISTS (
    SELECT 1 FROM events e WHERE e.search_id = NEW.id AND e.type = 'click'
      AND (instr(char(10) || NEW.hits || char(10), char(10) || e.article_id || char(10)) > 0
           OR e.position > CASE WHEN NEW.hits = '' THEN 0 ELSE length(NEW.hits) - length(replace(NEW.hits, char(10), '')) + 1 END
              AND e.position <= NEW.results)) BEGIN
    UPDATE searches SET satisfied = 1 WHERE id = NEW.id;
END;
