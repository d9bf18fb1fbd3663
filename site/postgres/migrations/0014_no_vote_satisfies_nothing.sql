-- 0014: a "No" vote satisfies no search (SQLite's 0024). A vote on an
-- article a search returned satisfied the search whatever it said, so a
-- visitor who voted "No" on a result (one unrelated to the question, that
-- only came third) had "found an answer": the search left the gap report
-- and counted among the dashboard's searches that found one. A reading
-- and a "Yes" still satisfy (a vote replaced in place too, through
-- events_satisfy_vote); searches satisfied before keep their flag.
CREATE OR REPLACE FUNCTION events_satisfy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.type = 'click' AND NEW.search_id <> '' THEN
        UPDATE searches SET satisfied = true
        WHERE id = NEW.search_id AND NOT satisfied AND results > 0
          AND (NEW.article_id = ANY (hits) OR NEW.position > cardinality(hits) AND NEW.position <= results);
    ELSIF (NEW.type = 'view' OR NEW.type = 'vote' AND NEW.helpful IS TRUE) AND NEW.visitor <> '' AND NEW.article_id <> '' THEN
        -- A "Yes" on, or a reading of, an article a search returned, by
        -- its visitor within 30 minutes of the search's last keystroke (a
        -- visitor hash lasts a day, which bounds the look-up).
        UPDATE searches SET satisfied = true
        WHERE visitor = NEW.visitor AND NOT satisfied AND results > 0
          AND created_at BETWEEN NEW.created_at - interval '1 day' AND NEW.created_at
          AND NEW.created_at <= updated_at + interval '30 minutes'
          AND NEW.article_id = ANY (hits);
    END IF;
    RETURN NULL;
END $$;
