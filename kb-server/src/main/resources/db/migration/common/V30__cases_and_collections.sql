-- The case library: handled conversations worth learning from, with personal data masked on capture.
-- Lists (tags, linked entry keys) are JSON arrays in TEXT, times epoch milliseconds, as in V1.
CREATE TABLE cases (
    id             VARCHAR(40)  NOT NULL PRIMARY KEY,
    title          VARCHAR(300) NOT NULL,
    excerpt_html   TEXT         NOT NULL,
    agent_did      TEXT         NOT NULL,
    why_it_worked  TEXT         NOT NULL,
    outcome        TEXT         NOT NULL,
    tags           TEXT         NOT NULL,
    entry_keys     TEXT         NOT NULL,
    rating         INTEGER      NOT NULL,
    source         VARCHAR(300),
    created_at     BIGINT       NOT NULL,
    created_by     VARCHAR(100) NOT NULL,
    updated_at     BIGINT       NOT NULL,
    updated_by     VARCHAR(100) NOT NULL
);
CREATE INDEX cases_updated ON cases (updated_at);

-- Collections: ordered sets of cases and entries curated by leads, e.g. "new-hire week 1".
CREATE TABLE case_collections (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    description  TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    updated_at   BIGINT       NOT NULL,
    updated_by   VARCHAR(100) NOT NULL
);

-- item_type is 'case' (item_ref = case id) or 'entry' (item_ref = entry key, which survives re-imports).
CREATE TABLE case_collection_items (
    collection_id  VARCHAR(40)  NOT NULL REFERENCES case_collections (id),
    position       INTEGER      NOT NULL,
    item_type      VARCHAR(10)  NOT NULL,
    item_ref       VARCHAR(128) NOT NULL,
    PRIMARY KEY (collection_id, position)
);
