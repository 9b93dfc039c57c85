package com.replybook.kb.console;

import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.ErrorCode;
import com.replybook.kb.web.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where an error's code ({@link ErrorCode}) becomes text in the user's language: the bundle key
 * {@code error.<code>} with its named placeholders filled ({@code {max}}; not MessageFormat, so apostrophes are
 * literal). Argument values that are words of the product (a status, a role, a field) are shown by their label.
 * An error without a code, or with a code the bundles do not know, gets its kind's general text
 * ({@code error.400}…), never the API's English message. Stateless.
 */
public final class ErrorTexts {

    /** Bundle prefixes that label an argument's value, tried in order (field {@code problem} → {@code entry.problem}). */
    private static final Map<String, List<String>> LABELS = Map.of(
            "status", List.of("status.", "approvals.status."),
            "role", List.of("role."),
            "required", List.of("role."),
            "actual", List.of("role."),
            "helpdesk", List.of("followups.helpdesk."),
            "variable", List.of("var."),
            "field", List.of("entry.", "case.", "users.", "compensation.", "wording."));

    /** A field that is an item of a list, {@code questions[2]}. */
    private static final Pattern LIST_ITEM = Pattern.compile("^(.*)\\[(\\d+)]$");

    private ErrorTexts() {
    }

    /** The bundle key of a code, e.g. {@code error.entry.key.pattern}. */
    public static String key(String code) {
        return "error." + code;
    }

    /** The text of an API error: its own message if it has a code, else the general text of its status. */
    public static String of(Messages m, ApiException e) {
        if (e.reason() == null && !e.errors().isEmpty()) return of(m, e.errors().getFirst());
        return text(m, e.reason(), e.args(), statusKey(e.status()));
    }

    /** The text of one field error (without its line and column). */
    public static String of(Messages m, FieldError e) {
        String text = text(m, e.reason(), e.args(), "error.fieldInvalid");
        return Boolean.TRUE.equals(e.args().get("publicReply")) ? m.get("error.script.inPublicReply", text) : text;
    }

    /** A field error with its place in a script when it has one: "第 3 行第 7 列：…". */
    public static String withPlace(Messages m, FieldError e) {
        return e.line() == null ? of(m, e) : m.get("script.problemAt", e.line(), e.column(), of(m, e));
    }

    /** The text of {@code code} with {@code args}, or the text under {@code fallbackKey}. */
    public static String text(Messages m, String code, Map<String, ?> args, String fallbackKey) {
        if (code == null || !m.has(key(code))) return m.get(fallbackKey);
        return ErrorCode.fill(m.get(key(code)), labelled(m, args));
    }

    /** The bundle key of the general text for an error of HTTP {@code status}. */
    static String statusKey(int status) {
        return switch (status) {
            case 401 -> "error.401";
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 405 -> "error.405";
            case 409 -> "error.409";
            case 400, 413, 422 -> "error.400";
            case 503 -> "error.503";
            default -> "error.500";
        };
    }

    /** The label of a form field, e.g. {@code questions[2]} → 相似问法 (3); the name itself when it has none. */
    public static String fieldLabel(Messages m, String field) {
        Matcher item = LIST_ITEM.matcher(field);
        String name = item.matches() ? item.group(1) : field;
        String label = String.valueOf(label(m, "field", name));
        return item.matches() ? label + " (" + (Integer.parseInt(item.group(2)) + 1) + ")" : label;
    }

    private static Map<String, Object> labelled(Messages m, Map<String, ?> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        args.forEach((name, value) -> out.put(name, label(m, name, value)));
        return out;
    }

    private static Object label(Messages m, String name, Object value) {
        for (String prefix : LABELS.getOrDefault(name, List.of())) {
            if (m.has(prefix + value)) return m.get(prefix + value);
        }
        return value;
    }
}
