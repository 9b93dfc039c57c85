-- Scopes and brand voice (issue 20).
-- A shop: a store the team serves (Tmall, JD, its own site), with its own voice. Keys are slugs like 'tmall-flagship'.
-- locales: JSON array of the locales the shop writes in ([] = any); voice: JSON object of the shop's signature,
-- greetings and closings per tone and layout overrides (shops.ShopVoice).
CREATE TABLE shops (
    shop_key    VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    locales     TEXT         NOT NULL,
    voice       TEXT         NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  BIGINT       NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    updated_at  BIGINT       NOT NULL,
    updated_by  VARCHAR(100) NOT NULL
);

-- An entry's shops (JSON array of shop keys; [] = every shop), who may find it (team | personal: only the user who
-- created it) and its per-tone script versions (JSON object tone -> script; {} = none).
ALTER TABLE entries ADD COLUMN shops TEXT NOT NULL DEFAULT '[]';
ALTER TABLE entries ADD COLUMN visibility VARCHAR(10) NOT NULL DEFAULT 'team';
ALTER TABLE entries ADD COLUMN tone_scripts TEXT NOT NULL DEFAULT '{}';
CREATE INDEX entries_visibility ON entries (visibility, created_by);

-- The shops a user works for (JSON array; [] = all): such a user never reads another shop's entries.
ALTER TABLE users ADD COLUMN shops TEXT NOT NULL DEFAULT '[]';

-- The shop a usage event happened in (the help-desk's queue or brand mapped to a shop), for shop-scoped insights.
ALTER TABLE usage_events ADD COLUMN shop VARCHAR(64);
CREATE INDEX usage_events_shop ON usage_events (shop, created_at);
