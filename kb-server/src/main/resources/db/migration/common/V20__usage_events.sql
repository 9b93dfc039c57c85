-- Usage events from the help-desk widget: what agents searched, viewed and inserted (issue 3).
-- Append-only; analytics reads it. Times are epoch milliseconds like the rest of the schema.
CREATE TABLE usage_events (
    id             VARCHAR(40)  NOT NULL PRIMARY KEY,
    event_type     VARCHAR(10)  NOT NULL,
    entry_id       VARCHAR(40),
    entry_version  BIGINT,
    tone           VARCHAR(20),
    channel        VARCHAR(20),
    emotion        VARCHAR(20),
    helpdesk       VARCHAR(40),
    ticket_id      VARCHAR(100),
    query          VARCHAR(500),
    hits           INTEGER,
    agent          VARCHAR(200),
    user_name      VARCHAR(100) NOT NULL,
    created_at     BIGINT       NOT NULL
);
CREATE INDEX usage_events_type_time ON usage_events (event_type, created_at);
CREATE INDEX usage_events_entry ON usage_events (entry_id);
CREATE INDEX usage_events_ticket ON usage_events (helpdesk, ticket_id);
