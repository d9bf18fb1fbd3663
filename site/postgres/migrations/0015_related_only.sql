-- 0015: a search that found only related articles (search's "weak"
-- results: none answers half of what it asks) is recorded with no result
-- (results = 0), as the gap report and the dashboard's no-result rate
-- count it, and keeps the articles it showed (hits). A click on one of
-- them, or a reading or a "Yes" of one, still satisfies it: the triggers
-- ask for results or recorded hits where they asked for results
-- (SQLite's 0025). Searches recorded before keep their counts.
CREATE OR REPLACE FUNCTION events_satisfy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.type = 'click' AND NEW.search_id <> '' THEN
        UPDATE searches SET satisfied = true
        WHERE id = NEW.search_id AND NOT satisfied AND (results > 0 OR cardinality(hits) > 0)
          AND (NEW.article_id = ANY (hits) OR NEW.position > cardinality(hits) AND NEW.position <= results);
    ELSIF (NEW.type = 'view' OR NEW.type = 'vote' AND NEW.helpful IS TRUE) AND NEW.visitor <> '' AND NEW.article_id <> '' THEN
        -- A "Yes" on, or a reading of, an article a search returned, by
        -- its visitor within 30 minutes of the search's last keystroke (a
        -- visitor hash lasts a day, which bounds the look-up).
        UPDATE searches SET satisfied = true
        WHERE visitor = NEW.visitor AND NOT satisfied
          AND created_at BETWEEN NEW.created_at - interval '1 day' AND NEW.created_at
          AND NEW.created_at <= updated_at + interval '30 minutes'
          AND NEW.article_id = ANY (hits);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION searches_clicked_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.results > 0 OR cardinality(NEW.hits) > 0) AND EXISTS (
        SELECT 1 FROM events e WHERE e.search_id = NEW.id AND e.type = 'click'
          AND (e.article_id = ANY (NEW.hits) OR e.position > cardinality(NEW.hits) AND e.position <= NEW.results)) THEN
        NEW.satisfied := true;
    END IF;
    RETURN NEW;
END $$;
