-- Promised follow-ups (issue 18): a call-back or an update an agent promised on a ticket, due at a time.
-- user_name is the kb-server user whose token recorded it; agent the help-desk's own name for the agent when a
-- help-desk bridge token acts for many agents (RT adds it on the server side), else the user name again.
CREATE TABLE followups (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    helpdesk    VARCHAR(20)   NOT NULL,
    ticket_id   VARCHAR(20)   NOT NULL,
    due_at      BIGINT        NOT NULL,
    note        VARCHAR(1000) NOT NULL,
    entry_id    VARCHAR(40),
    status      VARCHAR(10)   NOT NULL,
    user_name   VARCHAR(100)  NOT NULL,
    agent       VARCHAR(200)  NOT NULL,
    created_at  BIGINT        NOT NULL,
    done_at     BIGINT,
    done_by     VARCHAR(200)
);
CREATE INDEX followups_owner_due ON followups (user_name, agent, status, due_at);
CREATE INDEX followups_status_due ON followups (status, due_at);
CREATE INDEX followups_ticket ON followups (helpdesk, ticket_id);
