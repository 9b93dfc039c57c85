package com.replybook.kb.events;

import com.fasterxml.jackson.annotation.JsonValue;
import com.replybook.kb.vocabulary.Term;

import java.util.List;

/**
 * A step of a compensation approval, reported in an {@code approval} event: an agent asked a lead for more than
 * their authority, and a lead granted or denied it. Analytics counts approvals asked and granted from these.
 */
public enum ApprovalStep implements Term {
    ASKED, GRANTED, DENIED;

    /** Every step's id: {@code [asked, granted, denied]}. */
    public static final List<String> IDS = Term.ids(ApprovalStep.class);

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }
}
