-- Dense vectors of entries for hybrid search, stored with the entry so that an index rebuild never re-embeds.
-- text_hash identifies the text (locale space, problem, questions) the vector was computed from.
CREATE TABLE entry_vectors (
    entry_id   VARCHAR(40) NOT NULL PRIMARY KEY,
    model      VARCHAR(64) NOT NULL,
    text_hash  VARCHAR(64) NOT NULL,
    dims       INTEGER     NOT NULL,
    vector     BYTEA       NOT NULL
);
