package com.replybook.kb.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in our own words: what was wrong and where (line and column), never Jackson's text, which
 * names its classes and features ({@code StreamReadConstraints.getMaxNestingDepth()}, {@code JsonNode}).
 *
 * <pre>{@code
 * describe(e) // "line 1, column 12: \"type\" appears twice in the same object"
 * }</pre>
 */
public final class JsonErrors {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([^']{1,100})'");
    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)");
    private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '([^']{1,20})'");

    private JsonErrors() {
    }

    /** A 400 for a request body that is not the JSON expected, naming the field when the problem is in one. */
    public static ApiException badRequest(JsonProcessingException e) {
        String field = field(e);
        Problem what = what(e, field);
        return ApiException.badRequest(field, what.reason(), what.args())
                .withMessage("Malformed JSON" + where(e) + ": " + what.english());
    }

    /** The problem as one sentence with its place, e.g. {@code line 3, column 7: the JSON ends early}. */
    public static String describe(JsonProcessingException e) {
        String where = where(e);
        return (where.isEmpty() ? "" : where.substring(4) + ": ") + what(e, field(e)).english();
    }

    /** The problem without its place, as a message code with its arguments, for clients in other languages. */
    public static FieldError problem(JsonProcessingException e) {
        Problem what = what(e, field(e));
        return FieldError.of(null, what.reason(), what.args());
    }

    /** A message code and its arguments. */
    private record Problem(JsonError reason, Object... args) {
        String english() {
            return reason.message(args);
        }
    }

    private static Problem what(JsonProcessingException e, String field) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) return new Problem(limit(m));
        if (e instanceof JsonEOFException) return new Problem(JsonError.ENDED_EARLY);
        if (e instanceof JsonMappingException) {
            if (m.startsWith("Trailing token")) return new Problem(JsonError.TRAILING);
            return field == null ? new Problem(JsonError.WRONG_SHAPE) : new Problem(JsonError.WRONG_TYPE, field);
        }
        Matcher dup = DUPLICATE.matcher(m);
        if (dup.find()) return new Problem(JsonError.DUPLICATE, dup.group(1));
        if (m.startsWith("Invalid UTF-8") || m.startsWith("Invalid UTF8")) return new Problem(JsonError.NOT_UTF8);
        if (m.contains("CTRL-CHAR")) return new Problem(JsonError.CONTROL_CHARACTER);
        if (m.startsWith("Non-standard token")) return new Problem(JsonError.NOT_A_NUMBER);
        if (m.contains("expecting comma") || m.contains("expecting a colon")) return new Problem(JsonError.COMMA_OR_COLON);
        Matcher unexpected = UNEXPECTED.matcher(m);
        if (unexpected.find()) return new Problem(JsonError.UNEXPECTED_CHARACTER, unexpected.group(1));
        Matcher unrecognized = UNRECOGNIZED.matcher(m);
        if (unrecognized.find()) return new Problem(JsonError.UNEXPECTED_WORD, unrecognized.group(1));
        if (m.contains("Leading zeroes") || m.contains("numeric value")) return new Problem(JsonError.NUMBER_FORM);
        return new Problem(JsonError.INVALID);
    }

    private static JsonError limit(String m) {
        if (m.contains("nesting depth")) return JsonError.TOO_DEEP;
        if (m.startsWith("Number value length")) return JsonError.NUMBER_TOO_LONG;
        if (m.startsWith("String value length")) return JsonError.STRING_TOO_LONG;
        if (m.contains("name length")) return JsonError.NAME_TOO_LONG;
        return JsonError.TOO_LARGE;
    }

    /** The field a databind error is about, e.g. {@code messages[0].text}; null when not tied to a field. */
    private static String field(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) return null;
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : mapping.getPath()) {
            if (r.getFieldName() != null) path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) path.append('[').append(r.getIndex()).append(']');
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = location(e);
        if (at == null || at.getLineNr() < 1) return "";
        return " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static JsonLocation location(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (at == null && e.getProcessor() instanceof JsonParser p) at = p.currentLocation();
        return at;
    }
}
