-- Scopes (issue 20): an approval is asked in the ticket's shop, decided by that shop's policy and leads.
-- NULL when the ticket named no shop (then only leads of every shop see it).
ALTER TABLE approvals ADD COLUMN shop VARCHAR(64);
CREATE INDEX approvals_shop ON approvals (shop, status);
