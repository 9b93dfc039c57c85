-- Written in the same transaction as each edit; derived stores (the search index) replay it in seq order.
-- Sequence values can commit out of order under concurrency: readers re-read an overlap window.
CREATE TABLE entry_changes (
    seq         BIGSERIAL PRIMARY KEY,
    entry_id    VARCHAR(40) NOT NULL,
    changed_at  BIGINT      NOT NULL
);
