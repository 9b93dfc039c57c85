-- Scopes (issue 20) for the ticket loop: a case and a follow-up belong to the shop of the ticket they came from, so a
-- user limited to shops never reads another shop's. NULL when no shop was named: every shop's (read by everyone).
ALTER TABLE cases ADD COLUMN shop VARCHAR(64);
CREATE INDEX cases_shop ON cases (shop, updated_at);
ALTER TABLE followups ADD COLUMN shop VARCHAR(64);
CREATE INDEX followups_shop ON followups (shop, status, due_at);
