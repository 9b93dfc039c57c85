-- Scopes (issue 20): a shop may keep its own wording rules, compensation policy and synonyms for a locale, stored
-- beside the locale's under the key '<locale>/<shop>' (e.g. 'zh-CN/tmall-flagship', shops.ShopSetting), which is
-- longer than a locale tag. SQLite does not enforce VARCHAR lengths, so only PostgreSQL needs this.
ALTER TABLE wording_rule_sets ALTER COLUMN locale TYPE VARCHAR(100);
ALTER TABLE wording_rules ALTER COLUMN locale TYPE VARCHAR(100);
ALTER TABLE compensation_policies ALTER COLUMN locale TYPE VARCHAR(100);
ALTER TABLE compensation_rules ALTER COLUMN locale TYPE VARCHAR(100);
ALTER TABLE search_synonyms ALTER COLUMN locale TYPE VARCHAR(100);
