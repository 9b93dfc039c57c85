package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/** The curated voices an entry can be rendered in; each has a layout {@code templates/tone/<id>.<locale>.ftl}. */
public enum Tone implements Term {
    /** Friendly and neutral; the default. */
    STANDARD,
    /** Empathy first, for upset or worried customers. */
    WARM,
    /** Casual and upbeat, for young shoppers. */
    LIVELY,
    /** Courteous and precise, for business buyers. */
    FORMAL;

    /** Every tone's id, in order: {@code [standard, warm, lively, formal]}. */
    public static final List<String> IDS = Term.ids(Tone.class);

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }

    /** Parses a request value; {@code null} or blank means {@link #STANDARD}. */
    public static Tone parse(String value) {
        return Term.parse(Tone.class, "tone", value, STANDARD);
    }
}
