-- Console sign-in sessions, kept in the database so that every node accepts them (no sticky sessions).
-- Only the SHA-256 of the cookie value is stored; the cookie itself is the secret. Times are epoch milliseconds.
-- A session ends at expires_at (absolute timeout) or when idle past the idle timeout since last_seen_at;
-- last_seen_at is written at most once a minute per session, not on every request.
CREATE TABLE console_sessions (
    id_hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id       VARCHAR(40)  NOT NULL REFERENCES users (id),
    csrf_token    VARCHAR(64)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    last_seen_at  BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL,
    flash         TEXT
);
CREATE INDEX console_sessions_user ON console_sessions (user_id);
CREATE INDEX console_sessions_expires ON console_sessions (expires_at);
