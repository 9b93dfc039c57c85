-- The customers' emotion words (issue 19): only how often each word of the emotion lexicon occurred per day,
-- never a message. epoch_day is days since 1970-01-01 (UTC); word is the lexicon's canonical form (simplified
-- Chinese, lower-case English); lang 'zh' or 'en'. Rows older than --emotion-word-retention-days are deleted.
CREATE TABLE emotion_word_counts (
    epoch_day    INTEGER     NOT NULL,
    word         VARCHAR(40) NOT NULL,
    lang         VARCHAR(2)  NOT NULL,
    emotion      VARCHAR(20) NOT NULL,
    occurrences  BIGINT      NOT NULL,
    PRIMARY KEY (epoch_day, word)
);
