-- 0004: finding votes by the same visitor shortly after a search (a search
-- followed by a vote is not a failed search).
CREATE INDEX events_visitor ON events (visitor, created_at);
