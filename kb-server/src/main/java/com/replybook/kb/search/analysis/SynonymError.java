package com.replybook.kb.search.analysis;

import com.replybook.kb.web.ErrorCode;

import java.util.Arrays;

/** Messages about synonym rules, which editors write on the console (see {@link ErrorCode}). */
public enum SynonymError implements ErrorCode {
    NOT_ARRAY("synonyms.notArray", "rules must be an array of lines such as \"快递, 物流, 包裹\""),
    TOO_MANY("synonyms.tooMany", "At most {max} rules", "max"),
    ONE_LINE("synonyms.oneLine", "Each rule must be one line of text"),
    LOCALE("synonyms.locale", "Give a BCP 47 locale in the path, e.g. /api/v1/synonyms/zh-CN"),
    TWO_ARROWS("synonyms.twoArrows", "Synonym rule on line {line} has more than one '=>'. " + Rule.HOW, "line"),
    ONE_TERM("synonyms.oneTerm", "Synonym rule on line {line} needs at least two terms separated by commas. "
            + Rule.HOW, "line"),
    EMPTY_TERM("synonyms.emptyTerm", "Synonym rule on line {line} has an empty term. " + Rule.HOW, "line"),
    STOP_WORDS("synonyms.stopWords", "Synonym rule on line {line} has a term made only of stop words: '{term}'. "
            + Rule.HOW, "line", "term");

    private final Def def;

    SynonymError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }

    /** A rule that cannot be read: which one and why, for the API to name. */
    public static final class Rule extends IllegalArgumentException {
        static final String HOW = "Write terms separated by commas (快递, 物流, 包裹) or one-way (快件 => 快递).";
        private final SynonymError error;
        private final transient Object[] args;

        Rule(SynonymError error, Object... args) {
            super(error.message(args));
            this.error = error;
            this.args = Arrays.copyOf(args, args.length);
        }

        public SynonymError error() {
            return error;
        }

        public Object[] args() {
            return Arrays.copyOf(args, args.length);
        }
    }
}
