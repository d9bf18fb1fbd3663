-- 0016: each gap decision keeps the gap's phrasing as most of its
-- visitors typed it (gaps.Decision.Query), so that a gap whose records
-- are all gone is named as people wrote it ("Dog Grooming Booth"), not by
-- its stored, normalised text. Decisions saved before keep '' and are
-- named by that text.
ALTER TABLE gap_decisions ADD COLUMN query TEXT NOT NULL DEFAULT '';
