package com.replybook.kb.render;

/**
 * A render request names an unknown tone, channel, emotion or malformed context; the API answers 400
 * naming {@link #field()}.
 */
public final class InvalidRenderRequestException extends IllegalArgumentException {

    private final String field;

    InvalidRenderRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code "tone"}. */
    public String field() {
        return field;
    }
}
