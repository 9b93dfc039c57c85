-- The customers' emotion words per shop (issue 20): the same daily counts as emotion_word_counts, for the tickets that
-- named their shop, so that a lead of some shops sees their customers' words only. Every counted word is also in
-- emotion_word_counts (the figures of every shop); the retention applies to both.
CREATE TABLE emotion_word_shop_counts (
    epoch_day    INTEGER     NOT NULL,
    shop_key     VARCHAR(64) NOT NULL,
    word         VARCHAR(40) NOT NULL,
    lang         VARCHAR(2)  NOT NULL,
    emotion      VARCHAR(20) NOT NULL,
    occurrences  BIGINT      NOT NULL,
    PRIMARY KEY (epoch_day, shop_key, word)
);
