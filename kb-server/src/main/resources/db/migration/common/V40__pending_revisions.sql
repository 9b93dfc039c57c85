-- The review loop of a live library (issue 15).
-- A pending revision: a proposed change to a published entry, kept beside it until a lead publishes it, so that
-- agents go on reading, searching and rendering the live text meanwhile. At most one per entry; every save of it
-- is also kept in entry_revisions (proposal = 1), so no proposed text is ever lost.
CREATE TABLE entry_pending (
    entry_id      VARCHAR(40)  NOT NULL PRIMARY KEY,
    based_on      BIGINT       NOT NULL,  -- the entry version the proposal started from
    snapshot      TEXT         NOT NULL,  -- the proposed entry, as JSON like entry_revisions.snapshot
    status        VARCHAR(20)  NOT NULL,  -- draft | in_review
    proposed_by   VARCHAR(100) NOT NULL,
    proposed_at   BIGINT       NOT NULL,
    updated_by    VARCHAR(100) NOT NULL,
    updated_at    BIGINT       NOT NULL,
    submitted_at  BIGINT
);
CREATE INDEX entry_pending_status ON entry_pending (status);

-- A lead's "send back" note on an entry's working copy (a draft entry, or a pending revision): to whom it went back,
-- and why. Kept until the work is submitted again, published, discarded or deleted.
CREATE TABLE entry_send_backs (
    entry_id  VARCHAR(40)  NOT NULL PRIMARY KEY,
    author    VARCHAR(100) NOT NULL,
    comment   TEXT         NOT NULL,
    sent_by   VARCHAR(100) NOT NULL,
    sent_at   BIGINT       NOT NULL
);
CREATE INDEX entry_send_backs_author ON entry_send_backs (author);

-- 1 when a revision's snapshot is a proposed change (a pending revision), 0 when it is the entry as stored.
ALTER TABLE entry_revisions ADD COLUMN proposal INTEGER NOT NULL DEFAULT 0;
