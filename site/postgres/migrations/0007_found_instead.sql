-- 0007: where visitors went after a failed search (SQLite's 0018;
-- gaps.Record.Found): the first article the search's visitor opened after
-- it within the visit (a click on another search's result, a reading, a
-- "Yes" vote; within 30 minutes of the search's last keystroke) that the
-- search did not return.
ALTER TABLE searches ADD COLUMN found text NOT NULL DEFAULT '';

CREATE FUNCTION events_found_instead() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.type IN ('click', 'view', 'vote') AND coalesce(NEW.helpful, true)
       AND NEW.visitor <> '' AND NEW.article_id <> '' THEN
        UPDATE searches SET found = NEW.article_id
        -- (searches.found: FOUND alone is PL/pgSQL's own variable)
        WHERE visitor = NEW.visitor AND NOT satisfied AND searches.found = ''
          AND created_at BETWEEN NEW.created_at - interval '1 day' AND NEW.created_at
          AND NEW.created_at <= updated_at + interval '30 minutes'
          AND NOT (NEW.article_id = ANY (hits));
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
