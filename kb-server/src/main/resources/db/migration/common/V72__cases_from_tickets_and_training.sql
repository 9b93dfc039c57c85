-- Cases captured from the ticket view (issue 18) name the ticket they came from.
ALTER TABLE cases ADD COLUMN helpdesk VARCHAR(20);
ALTER TABLE cases ADD COLUMN ticket_id VARCHAR(20);
-- The help-desk's name for the agent who captured it (a help-desk bridge acts for many agents).
ALTER TABLE cases ADD COLUMN agent VARCHAR(200);
CREATE INDEX cases_ticket ON cases (helpdesk, ticket_id);

-- Training: agents read the collections a lead has published (0 = only editors and up see it yet).
ALTER TABLE case_collections ADD COLUMN published INTEGER NOT NULL DEFAULT 0;

-- Who studied which collection: one mark per person (user_name, and agent as for follow-ups), when.
CREATE TABLE collection_studies (
    collection_id  VARCHAR(40)   NOT NULL,
    user_name      VARCHAR(100)  NOT NULL,
    agent          VARCHAR(200)  NOT NULL,
    studied_at     BIGINT        NOT NULL,
    PRIMARY KEY (collection_id, user_name, agent)
);
CREATE INDEX collection_studies_agent ON collection_studies (agent);
