-- 0020: a ticket topic linked by hand keeps the phrasing as the tickets
-- wrote it ("Scanner beeps twice at checkout"), which the admin page lists
-- under "Topics linked by hand"; topic holds it normalised, for matching.
-- Links made before show their normalised topic.
ALTER TABLE ticket_topic_links ADD COLUMN label TEXT NOT NULL DEFAULT '';
