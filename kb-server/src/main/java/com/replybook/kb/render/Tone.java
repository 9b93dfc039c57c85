package com.replybook.kb.render;

import java.util.Locale;

/** The curated voices an entry can be rendered in; each has a layout {@code templates/tone/<id>.<locale>.ftl}. */
public enum Tone {
    /** Friendly and neutral; the default. */
    STANDARD,
    /** Empathy first, for upset or worried customers. */
    WARM,
    /** Casual and upbeat, for young shoppers. */
    LIVELY,
    /** Courteous and precise, for business buyers. */
    FORMAL;

    /** The lower-case name used in requests and template file names, e.g. {@code "warm"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a request value; {@code null} or blank means {@link #STANDARD}. */
    public static Tone parse(String value) {
        return Choices.parse(Tone.class, "tone", value, STANDARD);
    }
}
