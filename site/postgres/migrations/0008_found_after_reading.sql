-- 0008: a reading is recorded once the article was on screen for 10
-- seconds (site.ReadingDelay; SQLite's 0019), so it began 10 seconds
-- before its time. A reading recorded sooner than that after a failed
-- search is of the page the visitor typed the search on (the article they
-- were reading when they searched for something else), not of one opened
-- after it: it is no longer the article found instead (0007).
CREATE OR REPLACE FUNCTION events_found_instead() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.type IN ('click', 'view', 'vote') AND coalesce(NEW.helpful, true)
       AND NEW.visitor <> '' AND NEW.article_id <> '' THEN
        UPDATE searches SET found = NEW.article_id
        -- (searches.found: FOUND alone is PL/pgSQL's own variable)
        WHERE visitor = NEW.visitor AND NOT satisfied AND searches.found = ''
          AND created_at BETWEEN NEW.created_at - interval '1 day' AND NEW.created_at
          AND (NEW.type <> 'view' OR created_at <= NEW.created_at - interval '10 seconds')
          AND NEW.created_at <= updated_at + interval '30 minutes'
          AND NOT (NEW.article_id = ANY (hits));
    END IF;
    RETURN NULL;
END $$;
