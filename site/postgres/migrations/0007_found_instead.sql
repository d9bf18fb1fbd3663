-- 0007: where visitors went after a failed search (SQLite's 0018;
-- gaps.Record.Found): the first article the search's visitor opened after
-- it within the visit (a click on another search's result, a reading, a
-- "Yes" vote; within 30 minutes of the search's last keystroke) that the
-- search did not return. A reading is recorded once the article was on
-- screen for 10 seconds (site.ReadingDelay): one recorded sooner after the
-- search is of the page the search was typed on. A "No" vote on the
-- article found instead, in the visit, takes it back.
ALTER TABLE searches ADD COLUMN found text NOT NULL DEFAULT '';

CREATE FUNCTION events_found_instead() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- (searches.found: FOUND alone is PL/pgSQL's own variable)
    IF NEW.type IN ('click', 'view', 'vote') AND coalesce(NEW.helpful, true)
       AND NEW.visitor <> '' AND NEW.article_id <> '' THEN
        UPDATE searches SET found = NEW.article_id
        WHERE visitor = NEW.visitor AND NOT satisfied AND searches.found = ''
          AND created_at BETWEEN NEW.created_at - interval '1 day' AND NEW.created_at
          AND (NEW.type <> 'view' OR created_at <= NEW.created_at - interval '10 seconds')
          AND NEW.created_at <= updated_at + interval '30 minutes'
          AND NOT (NEW.article_id = ANY (hits));
    ELSIF NEW.type = 'vote' AND NOT NEW.helpful AND NEW.visitor <> '' AND NEW.article_id <> '' THEN
        UPDATE searches SET found = ''
        WHERE visitor = NEW.visitor AND NOT satisfied AND searches.found = NEW.article_id
          AND created_at BETWEEN NEW.created_at - interval '1 day' AND NEW.created_at
          AND NEW.created_at <= updated_at + interval '30 minutes';
    END IF;
    RETURN NULL;
END $$;
-- It marks only searches that did not return the article, which
-- events_satisfy leaves unsatisfied but for a click on a later page of the
-- search's own results (then satisfied: no longer a failed search).
CREATE TRIGGER events_found_instead AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_found_instead();

DROP INDEX searches_failed;
CREATE INDEX searches_failed ON searches (created_at)
    INCLUDE (locale, normalized, query, visitor, results, source, context, path, found)
    WHERE NOT satisfied;
