package com.replybook.kb.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a user may do. Roles are ordered: each includes the rights of those before it.
 * {@code agent} searches, renders and reads; {@code editor} writes entries; {@code lead} publishes and
 * curates cases; {@code admin} manages users, tokens and settings.
 */
public enum Role {
    AGENT, EDITOR, LEAD, ADMIN;

    public boolean atLeast(Role required) {
        return compareTo(required) >= 0;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form; null when unknown so callers can name the field in their error. */
    @JsonCreator
    public static Role fromWire(String value) {
        if (value == null) return null;
        for (Role r : values()) {
            if (r.wire().equals(value.trim().toLowerCase(Locale.ROOT))) return r;
        }
        return null;
    }
}
