package com.replybook.kb.tone;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The customer's mood as far as the text shows it; the renderer picks its empathy opener from it. */
public enum Emotion {
    ANGRY, ANXIOUS, DISAPPOINTED, NEUTRAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
