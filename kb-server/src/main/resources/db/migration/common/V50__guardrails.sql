-- Guardrails (issue 16): the compensation policy and the wording rules per locale, each replaced whole by a lead,
-- and the approvals leads give above the policy. A locale without a row here uses the built-in defaults.
-- Amounts are decimal strings (exact on SQLite and PostgreSQL alike); times are epoch milliseconds.
CREATE TABLE compensation_policies (
    locale      VARCHAR(35)  NOT NULL PRIMARY KEY,
    currency    VARCHAR(3)   NOT NULL,
    version     BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    updated_by  VARCHAR(100) NOT NULL
);
CREATE TABLE compensation_rules (
    locale         VARCHAR(35)  NOT NULL,
    position       INTEGER      NOT NULL,
    category       VARCHAR(200) NOT NULL,
    order_min      VARCHAR(20)  NOT NULL,
    order_max      VARCHAR(20),
    customer_tags  VARCHAR(1200) NOT NULL,
    offer          VARCHAR(20)  NOT NULL,
    max_amount     VARCHAR(20)  NOT NULL,
    max_percent    VARCHAR(20),
    PRIMARY KEY (locale, position)
);
CREATE TABLE wording_rule_sets (
    locale      VARCHAR(35)  NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    updated_by  VARCHAR(100) NOT NULL
);
CREATE TABLE wording_rules (
    locale      VARCHAR(35)  NOT NULL,
    position    INTEGER      NOT NULL,
    phrase      VARCHAR(200) NOT NULL,
    severity    VARCHAR(10)  NOT NULL,
    suggestion  VARCHAR(600) NOT NULL,
    reason      VARCHAR(600) NOT NULL,
    PRIMARY KEY (locale, position)
);
CREATE TABLE approvals (
    id            VARCHAR(40)  NOT NULL PRIMARY KEY,
    status        VARCHAR(10)  NOT NULL,
    ticket_id     VARCHAR(100) NOT NULL,
    helpdesk      VARCHAR(40)  NOT NULL,
    locale        VARCHAR(35)  NOT NULL,
    category      VARCHAR(200) NOT NULL,
    order_amount  VARCHAR(20),
    customer_tags VARCHAR(1200) NOT NULL,
    offer         VARCHAR(20)  NOT NULL,
    amount        VARCHAR(20)  NOT NULL,
    currency      VARCHAR(3)   NOT NULL,
    policy_max    VARCHAR(20)  NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    entry_id      VARCHAR(40),
    requested_by  VARCHAR(100) NOT NULL,
    agent         VARCHAR(200),
    requested_at  BIGINT       NOT NULL,
    decided_by    VARCHAR(100),
    decided_at    BIGINT,
    note          VARCHAR(1000)
);
CREATE INDEX approvals_status_time ON approvals (status, requested_at);
CREATE INDEX approvals_requester ON approvals (requested_by, requested_at);
CREATE INDEX approvals_ticket ON approvals (helpdesk, ticket_id);
