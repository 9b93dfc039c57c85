package com.replybook.kb.vocabulary;

/** A value that is not one of the terms a field accepts; {@link #field()} names the field, e.g. {@code tone}. */
public final class UnknownTermException extends IllegalArgumentException {

    private final String field;

    UnknownTermException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
