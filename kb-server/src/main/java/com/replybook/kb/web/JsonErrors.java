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
        return ApiException.badRequest(field, "Malformed JSON" + where(e) + ": " + what(e, field));
    }

    /** The problem as one sentence with its place, e.g. {@code line 3, column 7: the JSON ends early}. */
    public static String describe(JsonProcessingException e) {
        String where = where(e);
        return (where.isEmpty() ? "" : where.substring(4) + ": ") + what(e, field(e));
    }

    private static String what(JsonProcessingException e, String field) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) return limit(m);
        if (e instanceof JsonEOFException) return "the body ended before the JSON was complete";
        if (e instanceof JsonMappingException) {
            if (m.startsWith("Trailing token")) return "there is more after the JSON value; send exactly one value";
            return field == null ? "the body does not have the expected shape" : field + " has the wrong type";
        }
        Matcher dup = DUPLICATE.matcher(m);
        if (dup.find()) return "\"" + dup.group(1) + "\" appears twice in the same object";
        if (m.startsWith("Invalid UTF-8") || m.startsWith("Invalid UTF8")) return "the body is not valid UTF-8 text";
        if (m.contains("CTRL-CHAR")) return "a control character inside a string must be escaped (\\n, \\t, \\u0001)";
        if (m.startsWith("Non-standard token")) return "NaN and Infinity are not JSON numbers";
        if (m.contains("expecting comma") || m.contains("expecting a colon")) return "a comma or colon is missing";
        Matcher unexpected = UNEXPECTED.matcher(m);
        if (unexpected.find()) return "unexpected character '" + unexpected.group(1) + "'";
        Matcher unrecognized = UNRECOGNIZED.matcher(m);
        if (unrecognized.find()) return "unexpected word '" + unrecognized.group(1) + "' (text must be in double quotes)";
        if (m.contains("Leading zeroes") || m.contains("numeric value")) return "a number is not written as JSON numbers are";
        return "the body is not valid JSON";
    }

    private static String limit(String m) {
        if (m.contains("nesting depth")) return "the JSON is nested too deep (more than 64 levels of objects and arrays)";
        if (m.startsWith("Number value length")) return "a number is too long (more than 1000 digits)";
        if (m.startsWith("String value length")) return "a string is too long";
        if (m.contains("name length")) return "a field name is too long";
        return "the JSON is too large";
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
        JsonLocation at = e.getLocation();
        if (at == null && e.getProcessor() instanceof JsonParser p) at = p.currentLocation();
        if (at == null || at.getLineNr() < 1) return "";
        return " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
