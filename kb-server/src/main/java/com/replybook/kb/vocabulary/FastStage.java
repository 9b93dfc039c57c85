package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * The guides' FAST escalation, in order: each stage has a deadline counted from the customer's first message (a
 * team sets the minutes per channel; the defaults are the guides' 30 min / 1 h / 2 h / 24 h). The help-desk widget
 * shows which stage a ticket is in and how much of its time is left.
 */
public enum FastStage implements Term {
    /** Fact check: the order, the conversation and the tracking read. */
    FACT(30),
    /** Action plan given to the customer. */
    ACTION(60),
    /** Senior escalation, if still unresolved. */
    SENIOR(120),
    /** Trace and learn: the case reviewed and the library updated. */
    TRACE(24 * 60);

    /** Every stage's id, in order: {@code [fact, action, senior, trace]}. */
    public static final List<String> IDS = Term.ids(FastStage.class);

    private final int defaultMinutes;

    FastStage(int defaultMinutes) {
        this.defaultMinutes = defaultMinutes;
    }

    /** The guides' deadline for this stage, in minutes after the customer's first message. */
    public int defaultMinutes() {
        return defaultMinutes;
    }

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }
}
