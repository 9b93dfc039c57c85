package com.replybook.kb.render;

import com.replybook.kb.vocabulary.ScriptVariables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ticket's values, cleaned of anything a reply must never show: blank strings and {@code "null"}
 * become absent, template syntax is defused, control characters and oversized values are cut.
 * Immutable once built.
 */
final class TicketContext {

    private static final int MAX_DEPTH = 4;
    private static final int MAX_ITEMS = 100;
    private static final int MAX_CHARS = 1_000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Co}]");
    private static final Set<String> NOTHING = Set.of("null", "undefined", "nil", "none");

    private final Map<String, Object> values;

    private TicketContext(Map<String, Object> values) {
        this.values = values;
    }

    static TicketContext of(Map<String, ?> raw) {
        return new TicketContext(map(raw, 0));
    }

    Map<String, Object> values() {
        return values;
    }

    /** The string at a dotted path such as {@code customer.name}, or {@code null} when absent. */
    String get(String path) {
        Object node = values;
        for (String key : path.split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node instanceof String s ? s : null;
    }

    /** Every string value that is personal data in a public reply, by dotted path. */
    Map<String, String> personalValues() {
        Map<String, String> found = new LinkedHashMap<>();
        collect("", values, found);
        found.keySet().removeAll(ScriptVariables.PUBLIC);
        return found;
    }

    private static void collect(String path, Object node, Map<String, String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(path.isEmpty() ? k.toString() : path + "." + k, v, found));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(path, item, found));
        } else if (node instanceof String s) {
            found.putIfAbsent(path, s);
        }
    }

    private static Map<String, Object> map(Map<?, ?> raw, int depth) {
        Map<String, Object> clean = new LinkedHashMap<>();
        if (raw == null || depth > MAX_DEPTH) {
            return clean;
        }
        raw.forEach((k, v) -> {
            Object value = value(v, depth + 1);
            if (k != null && value != null) {
                clean.put(k.toString(), value);
            }
        });
        return clean;
    }

    private static Object value(Object raw, int depth) {
        if (raw instanceof Map<?, ?> map) {
            return map(map, depth);
        }
        if (raw instanceof List<?> list) {
            List<Object> clean = new ArrayList<>();
            for (Object item : list.subList(0, Math.min(list.size(), MAX_ITEMS))) {
                Object value = value(item, depth + 1);
                if (value != null) {
                    clean.add(value);
                }
            }
            return depth > MAX_DEPTH ? null : clean;
        }
        if (raw instanceof BigDecimal decimal) {
            return text(decimal.toPlainString());
        }
        return raw instanceof String || raw instanceof Number || raw instanceof Boolean ? text(raw.toString()) : null;
    }

    /** A value as it may appear in a reply, or {@code null} when it says nothing. */
    private static String text(String raw) {
        String s = CONTROL.matcher(raw).replaceAll("").strip();
        if (s.length() > MAX_CHARS) {
            s = s.substring(0, MAX_CHARS);
        }
        // Ticket text is data: a customer called "${order.id}" must print as written, never look like a placeholder.
        s = s.replace("${", "$ {").replace("#{", "# {");
        return s.isEmpty() || NOTHING.contains(s.toLowerCase(Locale.ROOT)) ? null : s;
    }
}
