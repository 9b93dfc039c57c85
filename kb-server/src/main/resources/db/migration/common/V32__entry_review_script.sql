-- An entry's optional public version for replies to reviews; empty when it has none (the script is then used
-- with its personal values left out).
ALTER TABLE entries ADD COLUMN review_script TEXT NOT NULL DEFAULT '';
