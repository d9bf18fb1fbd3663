-- 0006: a click satisfies its search only when the article clicked is one
-- of the search's results (SQLite's 0017): one it returned (hits), or one
-- further down its results than the hits recorded (a later page of the
-- same search: its position is past the hits and within the number of
-- results). A click that names the search but another article (an app
-- listing popular articles under "no results") no longer hides the search
-- from the gap report, nor counts a search that found nothing as satisfied.
CREATE OR REPLACE FUNCTION events_satisfy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.type = 'click' AND NEW.search_id <> '' THEN
        UPDATE searches SET satisfied = true
        WHERE id = NEW.search_id AND NOT satisfied AND results > 0
          AND (NEW.article_id = ANY (hits) OR NEW.position > cardinality(hits) AND NEW.position <= results);
    ELSIF NEW.type IN ('vote', 'view') AND NEW.visitor <> '' AND NEW.article_id <> '' THEN
        -- A vote on, or a reading of, an article a search returned, by its
        -- visitor within 30 minutes of the search's last keystroke (a
        -- visitor hash lasts a day, which bounds the look-up).
        UPDATE searches SET satisfied = true
        WHERE visitor = NEW.visitor AND NOT satisfied AND results > 0
          AND created_at BETWEEN NEW.created_at - interval '1 day' AND NEW.created_at
          AND NEW.created_at <= updated_at + interval '30 minutes'
          AND NEW.article_id = ANY (hits);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION searches_clicked_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.results > 0 AND EXISTS (
        SELECT 1 FROM events e WHERE e.search_id = NEW.id AND e.type = 'click'
          AND (e.article_id = ANY (NEW.hits) OR e.position > cardinality(NEW.hits) AND e.position <= NEW.results)) THEN
        NEW.satisfied := true;
    END IF;
    RETURN NEW;
END $$;

-- A search that found nothing was satisfied only by such a click (a vote
-- or a reading needs an article it returned): it failed.
UPDATE searches SET satisfied = false WHERE satisfied AND results = 0;
