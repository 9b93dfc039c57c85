-- Response clocks (issue 18): the team's targets per channel, in minutes, set by leads. A channel without a row
-- uses the guides' defaults (chat 1 min, e-mail 24 h, ...). Stage targets are the FAST deadlines counted from the
-- customer's first message: fact check, action plan, senior escalation, trace and learn.
CREATE TABLE clock_targets (
    channel                 VARCHAR(20)  NOT NULL PRIMARY KEY,
    first_response_minutes  INTEGER      NOT NULL,
    fact_minutes            INTEGER      NOT NULL,
    action_minutes          INTEGER      NOT NULL,
    senior_minutes          INTEGER      NOT NULL,
    trace_minutes           INTEGER      NOT NULL
);

-- One row (id 1): when a clock turns amber (the share of its target used), and the version leads edit against.
CREATE TABLE clock_policy (
    id             INTEGER      NOT NULL PRIMARY KEY,
    amber_percent  INTEGER      NOT NULL,
    version        BIGINT       NOT NULL,
    updated_at     BIGINT,
    updated_by     VARCHAR(100)
);
INSERT INTO clock_policy (id, amber_percent, version) VALUES (1, 75, 1);
