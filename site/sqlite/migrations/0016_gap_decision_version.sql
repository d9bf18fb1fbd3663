-- 0016: how many times each gap decision was saved (gaps.Decision.Version),
-- so that a correction made on decisions another process changed
-- meanwhile (two colleagues, the command line beside the server) is
-- refused and made again on the new ones rather than overwriting them.
ALTER TABLE gap_decisions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
