package com.replybook.kb.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import com.replybook.kb.vocabulary.Term;

import java.util.List;

/** What an alert rule counts inserts per: one product or one category. Wire form {@code product}, {@code category}. */
public enum AlertKind implements Term {
    PRODUCT, CATEGORY;

    public static final List<String> IDS = Term.ids(AlertKind.class);

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }
}
