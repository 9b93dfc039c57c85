package com.replybook.kb.tone;

import com.replybook.kb.web.ErrorCode;

/** Messages about the tag-to-tone mapping (see {@link ErrorCode}). */
enum ToneError implements ErrorCode {
    RULES_NOT_ARRAY("tone.rulesNotArray", "rules must be an array of {\"tag\",\"tone\"} objects"),
    TOO_MANY("tone.tooMany", "at most {max} rules", "max"),
    TAG_LENGTH("tone.tagLength", "tag must be 1 to 100 characters"),
    TAG_TWICE("tone.tagTwice", "tag '{tag}' appears twice", "tag"),
    TONE("tone.tone", "tone must be one of {tones}, was '{value}'", "tones", "value");

    private final Def def;

    ToneError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
