-- 0017: a click satisfies its search only when the article clicked is one
-- of the search's results: one it returned (hits), or one further down its
-- results than the hits recorded (a later page of the same search: its
-- position is past the hits and within the number of results). A click
-- that names the search but another article (an app listing popular
-- articles under "no results") no longer hides the search from the gap
-- report, nor counts a search that found nothing as satisfied.
DROP TRIGGER events_click_satisfies;
CREATE TRIGGER events_click_satisfies AFTER INSERT ON events
WHEN NEW.type = 'click' AND NEW.search_id != '' BEGIN
    UPDATE searches SET satisfied = 1
    WHERE id = NEW.search_id AND satisfied = 0 AND results > 0
      AND (instr(char(10) || hits || char(10), char(10) || NEW.article_id || char(10)) > 0
           OR NEW.position > CASE WHEN hits = '' THEN 0 ELSE length(hits) - length(replace(hits, char(10), '')) + 1 END
              AND NEW.position <= results);
END;

DROP TRIGGER searches_clicked_before;
CREATE TRIGGER searches_clicked_before AFTER INSERT ON searches
WHEN NEW.results > 0 AND EXISTS (
    SELECT 1 FROM events e WHERE e.search_id = NEW.id AND e.type = 'click'
      AND (instr(char(10) || NEW.hits || char(10), char(10) || e.article_id || char(10)) > 0
           OR e.position > CASE WHEN NEW.hits = '' THEN 0 ELSE length(NEW.hits) - length(replace(NEW.hits, char(10), '')) + 1 END
              AND e.position <= NEW.results)) BEGIN
    UPDATE searches SET satisfied = 1 WHERE id = NEW.id;
END;

-- A search that found nothing was satisfied only by such a click (a vote
-- or a reading needs an article it returned): it failed.
UPDATE searches SET satisfied = 0 WHERE satisfied = 1 AND results = 0;
