-- Scopes (issue 20): a shop's own customer-tag -> tone mapping, used by its replies instead of tone_rules.
-- rules: JSON array of {"tag","tone"} in order, the first match winning (as tone_rules' positions).
CREATE TABLE shop_tone_mappings (
    shop_key    VARCHAR(64)  NOT NULL PRIMARY KEY,
    rules       TEXT         NOT NULL,
    updated_at  BIGINT       NOT NULL,
    updated_by  VARCHAR(100) NOT NULL
);
