package com.replybook.kb.render;

import java.util.Locale;

/** Where the reply goes; each has a layout {@code templates/channel/<id>.<locale>.ftl}. */
public enum Channel {
    /** Online chat or messaging; the default. */
    CHAT,
    /** Email: a plain-text and an HTML version, structured and signed with the agent's name and ID. */
    EMAIL,
    /** Short text message; length is counted in segments. */
    SMS,
    /** Public reply to a product review: never shows personal data. */
    REVIEW;

    /** The lower-case name used in requests and template file names, e.g. {@code "sms"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a request value; {@code null} or blank means {@link #CHAT}. */
    public static Channel parse(String value) {
        return Choices.parse(Channel.class, "channel", value, CHAT);
    }
}
