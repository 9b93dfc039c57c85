package com.replybook.kb.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Kinds of usage event. The wire form is lower case: {@code search}, {@code view}, {@code insert}. */
public enum EventType {
    SEARCH, VIEW, INSERT;

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
}
