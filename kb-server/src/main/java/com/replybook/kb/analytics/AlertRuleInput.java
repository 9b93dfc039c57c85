package com.replybook.kb.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.vocabulary.Term;
import com.replybook.kb.vocabulary.UnknownTermException;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.InputError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An alert rule as a lead sent it (API JSON or the console's form), checked into an {@link AlertRule}; every bad
 * field is named at once (422). {@code threshold} 1–{@value #MAX_THRESHOLD}, {@code days} 1–{@value #MAX_DAYS},
 * {@code kind} product or category, at most {@value #MAX_CATEGORIES} categories of at most {@value #MAX_CATEGORY}
 * characters, a label of at most {@value #MAX_LABEL}.
 */
final class AlertRuleInput {

    static final int MAX_THRESHOLD = 100_000;
    static final int MAX_DAYS = 90;
    static final int MAX_CATEGORIES = 20;
    static final int MAX_CATEGORY = 100;
    static final int MAX_LABEL = 60;
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，、\\n]");

    private final List<FieldError> errors = new ArrayList<>();
    private final String label;
    private final String kind;
    private final List<String> categories;
    private final String threshold;
    private final String days;

    private AlertRuleInput(String label, String kind, List<String> categories, String threshold, String days) {
        this.label = label == null ? "" : label.strip();
        this.kind = kind;
        this.categories = categories;
        this.threshold = threshold;
        this.days = days;
    }

    /** From the form: categories as one text, separated by commas or new lines ({@code 投诉, 质量}). */
    static AlertRuleInput fromForm(String label, String kind, String categories, String threshold, String days) {
        List<String> list = categories == null ? List.of()
                : LIST_SEPARATOR.splitAsStream(categories).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new AlertRuleInput(label, kind, list, threshold, days);
    }

    /** From the API: {@code {"label","kind","categories":[…],"threshold":5,"days":7}}. */
    static AlertRuleInput fromJson(JsonNode body) {
        List<String> list = new ArrayList<>();
        JsonNode cats = body.get("categories");
        AlertRuleInput input = new AlertRuleInput(text(body, "label"), text(body, "kind"), list, text(body, "threshold"),
                text(body, "days"));
        if (cats != null && !cats.isNull() && !cats.isArray()) {
            input.errors.add(FieldError.of("categories", InsightsError.CATEGORIES_NOT_ARRAY));
        } else if (cats != null) {
            for (JsonNode c : cats) list.add(c.isTextual() ? c.asText().strip() : "");
        }
        return input;
    }

    /** The rule, with {@code id}, or 422 naming every bad field. */
    AlertRule rule(String id, String user, Instant now) {
        AlertKind k = kind();
        int t = whole("threshold", threshold, MAX_THRESHOLD);
        int d = whole("days", days, MAX_DAYS);
        if (label.length() > MAX_LABEL) errors.add(FieldError.of("label", InsightsError.LABEL_TOO_LONG, MAX_LABEL));
        List<String> cats = categories();
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return new AlertRule(id, label, k, cats, t, d, user, now);
    }

    private AlertKind kind() {
        try {
            AlertKind k = Term.parse(AlertKind.class, "kind", kind, null);
            if (k == null) errors.add(FieldError.of("kind", InsightsError.KIND, String.join(", ", AlertKind.IDS)));
            return k;
        } catch (UnknownTermException e) {
            errors.add(InputError.unknownTerm("kind", e.getMessage()));
            return null;
        }
    }

    private int whole(String field, String value, int max) {
        if (value != null && value.strip().matches("\\d{1,9}")) {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) return n;
        }
        errors.add(value == null ? FieldError.of(field, InsightsError.WHOLE, field, max)
                : FieldError.of(field, InsightsError.WHOLE_WAS, field, max, value));
        return 0;
    }

    private List<String> categories() {
        if (categories.size() > MAX_CATEGORIES) {
            errors.add(FieldError.of("categories", InsightsError.TOO_MANY_CATEGORIES, MAX_CATEGORIES));
        }
        for (String c : categories) {
            if (c.isEmpty() || c.length() > MAX_CATEGORY) {
                errors.add(FieldError.of("categories", InsightsError.CATEGORY_NAME, MAX_CATEGORY));
                break;
            }
        }
        return List.copyOf(new LinkedHashSet<>(categories));
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }
}
