-- 0010: a ticket topic linked by hand keeps the phrasing as the tickets
-- wrote it, as SQLite's 0020 does; topic holds it normalised, for
-- matching. Links made before show their normalised topic.
ALTER TABLE ticket_topic_links ADD COLUMN label TEXT NOT NULL DEFAULT '';
