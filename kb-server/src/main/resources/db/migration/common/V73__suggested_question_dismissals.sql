-- Questions learned from agents' searches (issue 18) are computed from usage events; an editor's dismissal of one
-- is kept for good, by entry and by the normalised text (width, case and traditional/simplified folded).
CREATE TABLE suggested_question_dismissals (
    entry_id      VARCHAR(40)  NOT NULL,
    normalized    VARCHAR(500) NOT NULL,
    text          VARCHAR(500) NOT NULL,
    dismissed_at  BIGINT       NOT NULL,
    dismissed_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (entry_id, normalized)
);
