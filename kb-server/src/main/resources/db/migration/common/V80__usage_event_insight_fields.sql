-- Insights for team leads (issue 19): what usage events carry beyond search/view/insert.
-- product: the ticket's product or order line, as the help-desk's custom/ticket field has it.
-- outcome, score: 'outcome' events (resolved, reopened, satisfied, dissatisfied; the customer's rating 0-100).
-- compensation_*: what an insert gave (offer coupon/refund/gift/shipping, amount in minor units so sums are
-- exact, the lead's approval id if one was needed), or what an 'approval' event asked for.
-- approval: 'approval' events: asked, granted or denied.
ALTER TABLE usage_events ADD COLUMN product VARCHAR(200);
ALTER TABLE usage_events ADD COLUMN outcome VARCHAR(20);
ALTER TABLE usage_events ADD COLUMN score INTEGER;
ALTER TABLE usage_events ADD COLUMN compensation_offer VARCHAR(20);
ALTER TABLE usage_events ADD COLUMN compensation_minor BIGINT;
ALTER TABLE usage_events ADD COLUMN approval_id VARCHAR(100);
ALTER TABLE usage_events ADD COLUMN approval VARCHAR(10);
CREATE INDEX usage_events_product ON usage_events (product, created_at);
