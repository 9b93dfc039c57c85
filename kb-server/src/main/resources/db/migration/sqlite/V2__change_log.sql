-- Written in the same transaction as each edit; derived stores (the search index) replay it in seq order.
CREATE TABLE entry_changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id    VARCHAR(40) NOT NULL,
    changed_at  BIGINT      NOT NULL
);
