package com.replybook.kb.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads typed fields from request JSON while collecting every problem as a {@link FieldError}, so a caller
 * can report all of them at once instead of stopping at the first.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * The string in {@code field}, stripped; adds an error (type, required, blank, longer than {@code max})
     * and returns what it could read otherwise. Null when absent.
     */
    public static String text(JsonNode json, String field, int max, boolean required, List<FieldError> errors) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            if (required) errors.add(FieldError.of(field, InputError.REQUIRED, field));
            return null;
        }
        if (!n.isTextual()) {
            errors.add(FieldError.of(field, InputError.NOT_STRING, field));
            return null;
        }
        String v = n.asText().strip();
        if (required && v.isEmpty()) errors.add(FieldError.of(field, InputError.BLANK, field));
        if (v.length() > max) errors.add(FieldError.of(field, InputError.TOO_LONG, field, max));
        return v;
    }

    /**
     * The distinct non-blank strings of the array in {@code field}, stripped, in order; adds an error per
     * problem, naming the item's index. Empty when absent.
     */
    public static List<String> strings(JsonNode json, String field, int maxItems, int maxLength, List<FieldError> errors) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) {
            errors.add(FieldError.of(field, InputError.NOT_ARRAY, field));
            return List.of();
        }
        if (n.size() > maxItems) errors.add(FieldError.of(field, InputError.TOO_MANY_ITEMS, field, maxItems));
        Set<String> items = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (!item.isTextual()) {
                errors.add(FieldError.of(field + "[" + i + "]", InputError.ITEM_NOT_STRING, field, i));
                continue;
            }
            String v = item.asText().strip();
            if (v.length() > maxLength) {
                errors.add(FieldError.of(field + "[" + i + "]", InputError.ITEM_TOO_LONG, field, i, maxLength));
            }
            if (!v.isEmpty()) items.add(v);
        }
        return List.copyOf(items);
    }
}
