-- Alert thresholds set by team leads (issue 19): a rule fires when one product (kind 'product') or one category
-- (kind 'category') gathers at least `threshold` inserts within the last `days` days, counting only entries
-- under `categories` (a JSON array of category prefixes: '质量' covers '质量/到货故障'; '[]' = every entry).
-- The guides' dispute alert comes with a new installation: five or more complaint or quality inserts on one
-- product within seven days, for the sample library's categories in zh-CN, zh-TW and en.
CREATE TABLE insight_alert_rules (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    label       VARCHAR(60)   NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    categories  VARCHAR(4000) NOT NULL,
    threshold   INTEGER       NOT NULL,
    days        INTEGER       NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  BIGINT        NOT NULL
);
INSERT INTO insight_alert_rules (id, label, kind, categories, threshold, days, created_by, created_at)
VALUES ('disputes', '', 'product', '["投诉","质量","客訴","品質","complaints","quality"]', 5, 7, 'replybook', 0);
