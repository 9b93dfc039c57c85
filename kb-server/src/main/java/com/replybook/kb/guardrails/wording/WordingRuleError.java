package com.replybook.kb.guardrails.wording;

import com.replybook.kb.web.ErrorCode;

/**
 * Messages about a locale's wording rules as a lead edits them (see {@link ErrorCode}); what the rules find in a
 * script is {@link WordingError}. A phrase's problems name the phrase: "the phrase '(快递' has a '(' that is not closed".
 */
enum WordingRuleError implements ErrorCode {
    UNKNOWN_FIELD("wordingRules.unknownField", "Unknown field '{field}'; send {\"rules\":[…]}", "field"),
    RULES_NOT_ARRAY("wordingRules.rulesNotArray", "rules must be an array of {phrase, severity, suggestion, reason}"),
    ROW_NOT_OBJECT("wordingRules.rowNotObject", "each rule must be an object {phrase, severity, suggestion, reason}"),
    SEVERITY("wordingRules.severity", "severity must be block or warn, was '{value}'", "value"),
    DUPLICATE("wordingRules.duplicate", "the phrase '{phrase}' matches exactly what row {other} matches; keep one of "
            + "them", "phrase", "other"),
    MATCHES_EVERYTHING("wordingRules.matchesEverything", "the phrase '{phrase}' can match nothing at all, so it would "
            + "match every text; give it words", "phrase"),
    COMMON_CHARACTER("wordingRules.commonCharacter", "the phrase '{phrase}' can match a single common character, which "
            + "nearly every reply contains; make it a word or a phrase", "phrase"),
    PHRASE_TOO_LONG("wordingRules.phraseTooLong", "the phrase '{phrase}' is longer than {max} characters", "phrase", "max"),
    STRAY("wordingRules.stray", "the phrase '{phrase}' has a '{character}' outside a (…|…) group", "phrase", "character"),
    GAP_FIRST("wordingRules.gapFirst", "the phrase '{phrase}' starts with a gap (…): a gap goes between two parts", "phrase"),
    GAP_LAST("wordingRules.gapLast", "the phrase '{phrase}' ends with a gap (…): a gap goes between two parts", "phrase"),
    TOO_MANY_GAPS("wordingRules.tooManyGaps", "the phrase '{phrase}' has more than {max} gaps (…)", "phrase", "max"),
    UNCLOSED("wordingRules.unclosed", "the phrase '{phrase}' has a '(' that is not closed", "phrase"),
    NESTED("wordingRules.nested", "the phrase '{phrase}' has a group (…|…) with another group or a gap inside", "phrase"),
    TOO_MANY_GROUPS("wordingRules.tooManyGroups", "the phrase '{phrase}' has more than {max} groups (…|…)", "phrase", "max"),
    TOO_MANY_CHOICES("wordingRules.tooManyChoices", "the phrase '{phrase}' has a group with more than {max} choices",
            "phrase", "max"),
    TEXT("wordingRules.text", "text must be the reply's text, a string"),
    CHANGED("wordingRules.changed", "The wording rules changed since you read them (now version {current}); reload "
            + "and apply your change again", "current");

    private final Def def;

    WordingRuleError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
