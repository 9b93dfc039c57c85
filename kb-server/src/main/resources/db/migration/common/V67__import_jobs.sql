-- Import jobs of the console (exchange): a dry run, then the import of the rows the user kept. Kept in the
-- database so that any node can report them, and a restart cannot leave one "running" forever: the node working on
-- a job writes heartbeat_at every few seconds, and a job whose heartbeat stopped is reported as interrupted.
-- Times are epoch milliseconds, as in V1.
CREATE TABLE import_jobs (
    id            VARCHAR(40)  NOT NULL PRIMARY KEY,
    file_name     VARCHAR(300) NOT NULL,
    owner_id      VARCHAR(40)  NOT NULL,
    owner_name    VARCHAR(100) NOT NULL,
    -- validating, ready, rejected, importing, done, failed, interrupted
    phase         VARCHAR(20)  NOT NULL,
    done_rows     INTEGER      NOT NULL,
    total_rows    INTEGER      NOT NULL,
    -- a problem with the whole file, or why the import failed, in words for the user
    problem       TEXT,
    created_at    BIGINT       NOT NULL,
    heartbeat_at  BIGINT       NOT NULL,
    finished_at   BIGINT
);
CREATE INDEX import_jobs_owner ON import_jobs (owner_id, created_at);

-- One row of an import's file as the dry run planned it. action: create, update, pending, unchanged, error;
-- selected: 1 when the user keeps the row in the import; outcome: what importing it did (created, updated,
-- pending, unchanged, stale, failed), null until then. draft, changes and errors are JSON.
CREATE TABLE import_job_rows (
    job_id            VARCHAR(40)  NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    position          INTEGER      NOT NULL,
    source_row        INTEGER      NOT NULL,
    entry_key         VARCHAR(200),
    action            VARCHAR(16)  NOT NULL,
    selected          INTEGER      NOT NULL,
    replaces_pending  INTEGER      NOT NULL,
    draft             TEXT,
    changes           TEXT,
    errors            TEXT,
    outcome           VARCHAR(16),
    PRIMARY KEY (job_id, position)
);
