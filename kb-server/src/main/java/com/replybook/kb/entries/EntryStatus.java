package com.replybook.kb.entries;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Publication state of an entry. Agents only ever see {@link #PUBLISHED}. */
public enum EntryStatus {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED;

    /** The wire form: {@code draft}, {@code in_review}, {@code published}, {@code archived}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form; returns null for an unknown value so callers can report the field. */
    @JsonCreator
    public static EntryStatus fromWire(String value) {
        if (value == null) return null;
        for (EntryStatus s : values()) {
            if (s.wire().equals(value.trim().toLowerCase(Locale.ROOT))) return s;
        }
        return null;
    }
}
