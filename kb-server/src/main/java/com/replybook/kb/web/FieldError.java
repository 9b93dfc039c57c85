package com.replybook.kb.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One problem with one input field. {@code line}/{@code column} locate it inside a multi-line field
 * (a script) when known. {@code reason} and {@code args} name the message for clients that translate it
 * ({@link ErrorCode}); {@code message} is the same in English.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer line, Integer column, String reason,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> args) {

    public FieldError {
        args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }

    public FieldError(String field, String message) {
        this(field, message, null, null, null, null);
    }

    public FieldError(String field, String message, Integer line, Integer column) {
        this(field, message, line, column, null, null);
    }

    /** The error {@code code} with {@code args} (in {@link ErrorCode#argNames()} order) on {@code field}. */
    public static FieldError of(String field, ErrorCode code, Object... args) {
        return new FieldError(field, code.message(args), null, null, code.code(), code.args(args));
    }

    /** The same problem reported on another field (a script's problem found in its SMS version). */
    public FieldError onField(String otherField) {
        return new FieldError(otherField, message, line, column, reason, args);
    }

    /** The same problem (its code and arguments) in other English words, e.g. with where it was found. */
    public FieldError withMessage(String english) {
        return new FieldError(field, english, line, column, reason, args);
    }

    /** The same problem at a line and column of the field. */
    public FieldError at(int atLine, int atColumn) {
        return new FieldError(field, message, atLine, atColumn, reason, args);
    }
}
