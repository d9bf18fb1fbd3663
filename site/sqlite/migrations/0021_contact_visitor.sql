-- 0021: a contact request keeps its sender's visitor hash of the day, so
-- that the insights count the request as the contact of the sender's
-- visit (a visit that opened the contact form and sent nothing is no
-- contact). Requests made before count for no visit.
ALTER TABLE contact_requests ADD COLUMN visitor TEXT NOT NULL DEFAULT '';
