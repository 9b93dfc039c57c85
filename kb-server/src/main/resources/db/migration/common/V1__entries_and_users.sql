-- Entries are the record; the Lucene index is derived from this table and the change log.
-- Lists (tags, questions, diagnostics, actions) are JSON arrays in TEXT so both vendors read them alike.
-- Times are epoch milliseconds (BIGINT) for the same reason.
CREATE TABLE entries (
    id                 VARCHAR(40)  NOT NULL PRIMARY KEY,
    entry_key          VARCHAR(128) NOT NULL UNIQUE,
    locale             VARCHAR(35)  NOT NULL,
    category           VARCHAR(200) NOT NULL,
    tags               TEXT         NOT NULL,
    problem            TEXT         NOT NULL,
    questions          TEXT         NOT NULL,
    cause              TEXT         NOT NULL,
    script             TEXT         NOT NULL,
    diagnostics        TEXT         NOT NULL,
    actions            TEXT         NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    owner              VARCHAR(100),
    verify_every_days  INTEGER      NOT NULL,
    verified_at        BIGINT,
    version            BIGINT       NOT NULL,
    created_at         BIGINT       NOT NULL,
    created_by         VARCHAR(100) NOT NULL,
    updated_at         BIGINT       NOT NULL,
    updated_by         VARCHAR(100) NOT NULL
);
CREATE INDEX entries_status_locale ON entries (status, locale);
CREATE INDEX entries_category ON entries (category);

-- Every save writes a revision: no earlier text is ever lost, deletions included.
CREATE TABLE entry_revisions (
    entry_id    VARCHAR(40)  NOT NULL,
    version     BIGINT       NOT NULL,
    entry_key   VARCHAR(128) NOT NULL,
    operation   VARCHAR(10)  NOT NULL,
    snapshot    TEXT         NOT NULL,
    changed_at  BIGINT       NOT NULL,
    changed_by  VARCHAR(100) NOT NULL,
    comment     TEXT,
    PRIMARY KEY (entry_id, version)
);

CREATE TABLE users (
    id             VARCHAR(40)  NOT NULL PRIMARY KEY,
    username       VARCHAR(100) NOT NULL UNIQUE,
    display_name   VARCHAR(200) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    locale         VARCHAR(35)  NOT NULL,
    password_hash  VARCHAR(300),
    disabled       INTEGER      NOT NULL DEFAULT 0,
    created_at     BIGINT       NOT NULL
);

-- Only the SHA-256 of a token is stored; the token itself is shown once when issued.
CREATE TABLE api_tokens (
    id            VARCHAR(40)  NOT NULL PRIMARY KEY,
    user_id       VARCHAR(40)  NOT NULL REFERENCES users (id),
    token_hash    VARCHAR(64)  NOT NULL UNIQUE,
    label         VARCHAR(200) NOT NULL,
    created_at    BIGINT       NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);

-- Small server-wide settings (key → JSON value), e.g. the tone mapping.
CREATE TABLE settings (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    value       TEXT         NOT NULL,
    updated_at  BIGINT       NOT NULL,
    updated_by  VARCHAR(100) NOT NULL
);
