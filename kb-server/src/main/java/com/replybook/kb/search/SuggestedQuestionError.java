package com.replybook.kb.search;

import com.replybook.kb.web.ErrorCode;

/** Messages about the questions learned from agents' searches (see {@link ErrorCode}). */
enum SuggestedQuestionError implements ErrorCode {
    TEXT_REQUIRED("question.textRequired", "text is required: the suggested question, as GET lists it"),
    NOT_SUGGESTED("question.notSuggested", "'{text}' is not a suggested question of this entry; GET its "
            + "suggested-questions for the current ones", "text"),
    FULL("question.full", "The entry has {count} questions, the most it may have; remove one first", "count");

    private final Def def;

    SuggestedQuestionError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
