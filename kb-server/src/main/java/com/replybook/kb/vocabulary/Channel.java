package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/** Where a reply goes; each has a layout {@code templates/channel/<id>.<locale>.ftl}. */
public enum Channel implements Term {
    /** Online chat or messaging; the default. */
    CHAT,
    /** Email: a plain-text and an HTML version, structured and signed with the agent's name and ID. */
    EMAIL,
    /** Short text message; length is counted in the messages a gateway bills. */
    SMS,
    /** Public reply to a product review: never shows personal data. */
    REVIEW;

    /** Every channel's id, in order: {@code [chat, email, sms, review]}. */
    public static final List<String> IDS = Term.ids(Channel.class);

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }

    /** Parses a request value; {@code null} or blank means {@link #CHAT}. */
    public static Channel parse(String value) {
        return Term.parse(Channel.class, "channel", value, CHAT);
    }
}
