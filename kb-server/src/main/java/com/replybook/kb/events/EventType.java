package com.replybook.kb.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Kinds of usage event. The wire form is lower case: {@code search}, {@code view}, {@code insert} (what agents did),
 * {@code outcome} (how a ticket ended up) and {@code approval} (a compensation approval asked, granted or denied).
 */
public enum EventType {
    SEARCH, VIEW, INSERT, OUTCOME, APPROVAL;

    /** Every wire form, in order. */
    public static final List<String> WIRE = Arrays.stream(values()).map(EventType::wire).toList();

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form; null when unknown, so callers can name the field. */
    public static EventType fromWire(String value) {
        if (value == null) return null;
        for (EventType t : values()) {
            if (t.wire().equals(value.trim().toLowerCase(Locale.ROOT))) return t;
        }
        return null;
    }

    /** What a client is told when {@code type} is unknown. */
}
