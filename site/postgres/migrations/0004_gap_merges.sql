-- 0004: the team's corrections to the grouping of gaps (SQLite's 0015;
-- gaps.Decision).
--
-- joined: the meaning keys of the phrasings merged into the gap, its own
-- included; parted: the keys moved out of it; merged_into: the gap this
-- one was merged into.
ALTER TABLE gap_decisions ADD COLUMN joined      text[] NOT NULL DEFAULT '{}';
ALTER TABLE gap_decisions ADD COLUMN parted      text[] NOT NULL DEFAULT '{}';
ALTER TABLE gap_decisions ADD COLUMN merged_into text   NOT NULL DEFAULT '';
