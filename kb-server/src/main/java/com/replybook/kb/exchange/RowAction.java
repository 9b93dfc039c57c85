package com.replybook.kb.exchange;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an import does with one row; the wire form is the lower-case name, e.g. {@code pending}. */
public enum RowAction {
    /** A new entry. */
    CREATE,
    /** Saved over the entry as its new text (a draft, an entry in review, or a lead's change to a live one). */
    UPDATE,
    /** A change to a published entry, stored as its pending revision: agents keep the live text until a lead publishes it. */
    PENDING,
    /** The row says what the entry (or its pending revision) says already: skipped. */
    UNCHANGED,
    /** The row has problems and is left out. */
    ERROR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action of a wire name; null when unknown. */
    static RowAction fromWire(String wire) {
        for (RowAction a : values()) if (a.wire().equals(wire)) return a;
        return null;
    }

    /** True when importing the row writes something. */
    boolean writes() {
        return this == CREATE || this == UPDATE || this == PENDING;
    }
}
