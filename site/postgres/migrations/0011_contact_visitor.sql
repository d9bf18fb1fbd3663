-- 0011: a contact request keeps its sender's visitor hash of the day, as
-- SQLite's 0021 does: the insights count it as the contact of the
-- sender's visit. Requests made before count for no visit.
ALTER TABLE contact_requests ADD COLUMN visitor TEXT NOT NULL DEFAULT '';
