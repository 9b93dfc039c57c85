package com.replybook.kb.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with one input field. {@code line}/{@code column} locate it inside a multi-line field
 * (a script) when known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer line, Integer column) {

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }
}
