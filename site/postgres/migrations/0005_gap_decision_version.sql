-- 0005: how many times each gap decision was saved (SQLite's 0016;
-- gaps.Decision.Version), so that a correction made on decisions another
-- replica changed meanwhile is refused and made again on the new ones
-- rather than overwriting them.
ALTER TABLE gap_decisions ADD COLUMN version bigint NOT NULL DEFAULT 0;
