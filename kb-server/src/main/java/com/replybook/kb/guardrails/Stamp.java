package com.replybook.kb.guardrails;

import java.time.Instant;

/**
 * Who last replaced a locale's rules, and when; version 0 with no time or user means the built-in defaults, which
 * nobody has replaced yet.
 *
 * @param version   1 for the first replacement, then one more each time; optimistic writes send it as {@code If-Match}
 * @param updatedAt when, or {@code null} for the defaults
 * @param updatedBy who, e.g. {@code lead.li}, or {@code null} for the defaults
 */
public record Stamp(long version, Instant updatedAt, String updatedBy) {

    public static final Stamp DEFAULTS = new Stamp(0, null, null);

    public boolean isDefault() {
        return version == 0;
    }

    /** The stamp after a replacement by {@code user} at {@code at}. */
    public Stamp next(Instant at, String user) {
        return new Stamp(version + 1, at, user);
    }
}
