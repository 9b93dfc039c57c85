package com.replybook.kb.guardrails.wording;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a matching phrase does: {@code block} stops a save or an insert, {@code warn} only shows. */
public enum Severity {
    BLOCK, WARN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity of a wire value, or {@code null} when it is neither {@code block} nor {@code warn}. */
    static Severity fromWire(String value) {
        for (Severity s : values()) {
            if (s.wire().equals(value)) return s;
        }
        return null;
    }
}
