-- Issue 15. The variables whose stand-in word an entry's editor accepts when a ticket lacks the value, a JSON
-- array such as ["product.name"]. Every other missing value is asked of the agent before inserting (a missing
-- carrier no longer silently becomes "快递公司"). Existing entries accept none: the agent is asked.
ALTER TABLE entries ADD COLUMN accepted_fallbacks TEXT NOT NULL DEFAULT '[]';
