package com.replybook.kb.console;

import com.replybook.kb.web.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field errors grouped for a form: each input shows the messages of its field ({@code questions[2]} → questions). */
public final class FormErrors {

    private FormErrors() {
    }

    /** Messages by field, in the order they were found; errors without a field go under {@code _}. */
    public static Map<String, List<String>> byField(List<FieldError> errors) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (FieldError e : errors) {
            String field = e.field() == null ? "_" : e.field().replaceAll("\\[\\d+]$", "");
            out.computeIfAbsent(field, k -> new ArrayList<>()).add(e.message());
        }
        return out;
    }
}
