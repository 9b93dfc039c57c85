-- Issue 15. Whether a search found a good match (the search answer's "confident"): a search that found
-- nothing confident is a gap in the library, even though it listed weaker hits. Null for older events.
ALTER TABLE usage_events ADD COLUMN confident BOOLEAN;
-- For an insert: the entry's follow-up actions the agent ticked as done, a JSON array of their texts.
ALTER TABLE usage_events ADD COLUMN actions TEXT;
