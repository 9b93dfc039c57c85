-- One row per kind of shared setting (synonyms, the tone mapping, rules and policies): its version moves with
-- every change, in the same transaction as the change. Every node polls this small table and reloads a kind
-- whose version moved, so a change made on one node is applied on all within the poll interval.
CREATE TABLE settings_changes (
    kind        VARCHAR(100) NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    changed_at  BIGINT       NOT NULL
);
