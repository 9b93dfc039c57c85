package com.replybook.kb.render;

import java.util.Locale;

/** The customer's feeling as detected in the ticket; the tone layout picks its opener from it. */
public enum Emotion {
    ANGRY,
    ANXIOUS,
    DISAPPOINTED,
    /** No strong feeling detected; the default. */
    NEUTRAL;

    /** The lower-case name used in requests and layouts, e.g. {@code "anxious"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a request value; {@code null} or blank means {@link #NEUTRAL}. */
    public static Emotion parse(String value) {
        return Choices.parse(Emotion.class, "emotion", value, NEUTRAL);
    }
}
