package com.replybook.kb.console;

import com.replybook.kb.web.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field errors grouped for a form, in the user's language: each input shows the messages of its field
 * ({@code questions[2]} → questions).
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Translated messages by field, in the order they were found; errors without a field go under {@code _}. */
    public static Map<String, List<String>> byField(List<FieldError> errors, Messages messages) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (FieldError e : errors) {
            out.computeIfAbsent(field(e), k -> new ArrayList<>()).add(ErrorTexts.withPlace(messages, e));
        }
        return out;
    }

    /** The form field an error belongs to: {@code questions[2]} → {@code questions}; {@code _} when none. */
    public static String field(FieldError e) {
        return e.field() == null ? "_" : e.field().replaceAll("\\[\\d+]$", "");
    }
}
