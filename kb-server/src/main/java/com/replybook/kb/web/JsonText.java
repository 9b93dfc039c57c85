package com.replybook.kb.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Text a client may send: JSON allows {@code \u0000} and half of a surrogate pair as escapes, but neither is text.
 * PostgreSQL refuses both (a 500 where it should be a 400), and they break exports, spreadsheets and the index. Every
 * string and field name of a request body is checked, and the first offender is named.
 */
public final class JsonText {

    private JsonText() {
    }

    /** Throws 400 naming the field (e.g. {@code messages[2].text}) whose text holds NUL or a lone surrogate. */
    public static void check(JsonNode node) {
        check(node, "");
    }

    /** {@link #check(JsonNode)} with field names under {@code prefix}, e.g. {@code [3]} for the fourth imported entry. */
    public static void check(JsonNode node, String prefix) {
        if (node == null) return;
        if (node.isTextual()) {
            JsonError problem = problem(node.textValue(), prefix);
            if (problem != null) throw refused(prefix, problem, "");
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) check(node.get(i), prefix + "[" + i + "]");
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                JsonError problem = problem(field.getKey(), prefix);
                if (problem != null) throw refused(prefix, problem, "A field name in ");
                check(field.getValue(), path);
            }
        }
    }

    /** Why {@code text} (in the field {@code prefix}, empty for the body) is refused, or null when it is fine. */
    static JsonError problem(String text, String prefix) {
        boolean body = prefix.isEmpty();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) return body ? JsonError.BODY_NUL : JsonError.FIELD_NUL;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return body ? JsonError.BODY_SURROGATE : JsonError.FIELD_SURROGATE;
            }
        }
        return null;
    }

    /** The 400 naming {@code prefix}; its English message starts with {@code lead} (the problem is in a field's name). */
    private static ApiException refused(String prefix, JsonError problem, String lead) {
        ApiException e = ApiException.badRequest(prefix.isEmpty() ? null : prefix, problem, prefix);
        return lead.isEmpty() ? e : e.withMessage(lead + e.getMessage());
    }
}
