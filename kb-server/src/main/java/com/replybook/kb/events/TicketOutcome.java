package com.replybook.kb.events;

import com.fasterxml.jackson.annotation.JsonValue;
import com.replybook.kb.vocabulary.Term;

import java.util.List;

/**
 * How a ticket ended up, as the help-desk reports it in an {@code outcome} event (RT from a scrip on status changes,
 * Zendesk from a trigger): analytics joins it to the entries inserted into the same ticket.
 */
public enum TicketOutcome implements Term {
    RESOLVED, REOPENED, SATISFIED, DISSATISFIED;

    /** Every outcome's id: {@code [resolved, reopened, satisfied, dissatisfied]}. */
    public static final List<String> IDS = Term.ids(TicketOutcome.class);

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }
}
