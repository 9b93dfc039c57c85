package com.replybook.kb.guardrails.wording;

import com.replybook.kb.web.ErrorCode;

/**
 * What the wording rules find in a script (see {@link ErrorCode}); {@code why} and {@code instead} are the rule's
 * own words, written by a lead, and may be empty.
 */
enum WordingError implements ErrorCode {
    BLOCKED("wording.blocked", "{field} contains \"{found}\", which the wording rules block (phrase \"{phrase}\")",
            "field", "found", "phrase", "why", "instead"),
    BLOCKED_INSTEAD("wording.blockedInstead", "{field} contains \"{found}\", which the wording rules block (phrase "
            + "\"{phrase}\"). Write instead: {instead}", "field", "found", "phrase", "why", "instead"),
    ADVISED("wording.advised", "{field} contains \"{found}\", which the wording rules advise against (phrase "
            + "\"{phrase}\")", "field", "found", "phrase", "why", "instead"),
    ADVISED_INSTEAD("wording.advisedInstead", "{field} contains \"{found}\", which the wording rules advise against "
            + "(phrase \"{phrase}\"). Write instead: {instead}", "field", "found", "phrase", "why", "instead");

    private final Def def;

    WordingError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
