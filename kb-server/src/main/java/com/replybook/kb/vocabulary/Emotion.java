package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/** The customer's feeling as far as the ticket shows it; the tone layout picks its empathy opener from it. */
public enum Emotion implements Term {
    ANGRY,
    ANXIOUS,
    DISAPPOINTED,
    /** No strong feeling detected; the default. */
    NEUTRAL;

    /** Every emotion's id, in order. */
    public static final List<String> IDS = Term.ids(Emotion.class);

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }

    /** Parses a request value; {@code null} or blank means {@link #NEUTRAL}. */
    public static Emotion parse(String value) {
        return Term.parse(Emotion.class, "emotion", value, NEUTRAL);
    }
}
