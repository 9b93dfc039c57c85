-- Customer tag -> tone, first matching rule (lowest position) wins; admins edit it (issue 3).
CREATE TABLE tone_rules (
    position    INTEGER      NOT NULL PRIMARY KEY,
    tag         VARCHAR(100) NOT NULL UNIQUE,
    tone        VARCHAR(20)  NOT NULL,
    updated_at  BIGINT       NOT NULL,
    updated_by  VARCHAR(100) NOT NULL
);
INSERT INTO tone_rules (position, tag, tone, updated_at, updated_by) VALUES
    (1, 'vip', 'formal', 0, 'system'),
    (2, 'b2b', 'formal', 0, 'system'),
    (3, '企业', 'formal', 0, 'system'),
    (4, '企業', 'formal', 0, 'system'),
    (5, 'business', 'formal', 0, 'system'),
    (6, 'young', 'lively', 0, 'system'),
    (7, '学生', 'lively', 0, 'system'),
    (8, '學生', 'lively', 0, 'system'),
    (9, 'student', 'lively', 0, 'system'),
    (10, 'gen-z', 'lively', 0, 'system');
