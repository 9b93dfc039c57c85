package com.replybook.kb.entries;

import com.replybook.kb.web.FieldError;

import java.util.List;

/**
 * Validates an entry's script at save time (syntax, forbidden constructs). Supplied by the rendering
 * feature so that this package does not depend on it; problems carry the line and column.
 */
@FunctionalInterface
public interface ScriptCheck {

    /** Problems found in {@code script}, each with {@code field = "script"}; empty when the script is fine. */
    List<FieldError> check(String script);

    ScriptCheck NONE = script -> List.of();
}
