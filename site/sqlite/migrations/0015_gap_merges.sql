-- 0015: the team's corrections to the grouping of gaps (gaps.Decision).
--
-- joined: the meaning keys of the phrasings merged into the gap, its own
-- included, one per line; parted: the keys moved out of it, one per line;
-- merged_into: the gap this one was merged into.
ALTER TABLE gap_decisions ADD COLUMN joined      TEXT NOT NULL DEFAULT '';
ALTER TABLE gap_decisions ADD COLUMN parted      TEXT NOT NULL DEFAULT '';
ALTER TABLE gap_decisions ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';
