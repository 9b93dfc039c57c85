package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * Who finds an entry: the team library ({@code team}, the default: reviewed, searched by everyone its shops allow) or
 * one user's own snippets ({@code personal}: never reviewed, found only in its owner's searches, changed only by
 * them, until a lead promotes it into the team library).
 */
public enum Visibility implements Term {
    TEAM,
    PERSONAL;

    /** Every visibility's id, in order: {@code [team, personal]}. */
    public static final List<String> IDS = Term.ids(Visibility.class);

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }

    /** Parses a request value; {@code null} or blank means {@link #TEAM}. */
    public static Visibility parse(String value) {
        return Term.parse(Visibility.class, "visibility", value, TEAM);
    }

    /** Reads a stored or serialised value (Jackson, revision snapshots); null or unknown values are {@link #TEAM}. */
    @JsonCreator
    public static Visibility fromWire(String value) {
        try {
            return parse(value);
        } catch (UnknownTermException e) {
            return TEAM;
        }
    }
}
