package com.replybook.kb.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error with its HTTP status, answered as {@code {"error":{"code","message","field","reason","args"}}} by
 * {@link JsonResponses}. {@code code} is the kind of error ({@code invalid}, {@code forbidden}, {@code not_found}…);
 * {@code reason} and {@code args}, when present, name the exact message ({@link ErrorCode}) for clients that show
 * it in the user's language. Messages say what was wrong and how to fix it; {@code field} names the offending
 * input when there is one.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final Map<String, Object> details;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message, String field, Map<String, Object> details) {
        this(status, code, message, field, details, Map.of());
    }

    private ApiException(int status, String code, String message, String field, Map<String, Object> details,
                         Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.headers = Map.copyOf(headers);
    }

    public ApiException(int status, String code, String message, String field) {
        this(status, code, message, field, null);
    }

    /**
     * An error of kind {@code code} whose message is {@code reason} with {@code args}; {@code details} are more
     * fields of the error body (e.g. {@code currentVersion}).
     */
    public static ApiException of(int status, String code, String field, ErrorCode reason, Map<String, Object> details,
                                  Object... args) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("reason", reason.code());
        all.put("args", reason.args(args));
        if (details != null) all.putAll(details);
        return new ApiException(status, code, reason.message(args), field, all);
    }

    public static ApiException badRequest(String field, ErrorCode reason, Object... args) {
        return of(400, "bad_request", field, reason, null, args);
    }

    public static ApiException unauthorized(ErrorCode reason, Object... args) {
        return of(401, "unauthorized", null, reason, null, args);
    }

    public static ApiException forbidden(ErrorCode reason, Object... args) {
        return of(403, "forbidden", null, reason, null, args);
    }

    public static ApiException notFound(ErrorCode reason, Object... args) {
        return of(404, "not_found", null, reason, null, args);
    }

    public static ApiException unprocessable(String field, ErrorCode reason, Object... args) {
        return of(422, "invalid", field, reason, null, args);
    }

    public static ApiException conflict(ErrorCode reason, Map<String, Object> details, Object... args) {
        return of(409, "conflict", null, reason, details, args);
    }

    /** A 400 for one problem already worded and coded (a file that cannot be read), naming its field. */
    public static ApiException badRequest(FieldError problem) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (problem.reason() != null) {
            details.put("reason", problem.reason());
            details.put("args", problem.args());
        }
        return new ApiException(400, "bad_request", problem.message(), problem.field(), details);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "bad_request", message, field);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    /** A known path asked with a method it does not serve; the message and {@code Allow} name those it does. */
    public static ApiException methodNotAllowed(String method, Collection<String> allowed) {
        return of(405, "method_not_allowed", null, InputError.METHOD_NOT_ALLOWED,
                Map.of("allowed", List.copyOf(allowed)), method, String.join(", ", allowed))
                .withHeader("Allow", String.join(", ", allowed));
    }

    /** This error with a response header, e.g. {@code Allow} on 405 or {@code Retry-After} on 429. */
    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, code, getMessage(), field, details, more);
    }

    /**
     * This error with another English message, keeping its reason and arguments: for a message that adds what only
     * English clients read (the place of a JSON syntax error), e.g. {@code "Line 3 is not valid JSON (…)"}.
     */
    public ApiException withMessage(String english) {
        return new ApiException(status, code, english, field, details, headers);
    }

    /** A stale or conflicting write; {@code details} carries e.g. the current version. */
    public static ApiException conflict(String message, Map<String, Object> details) {
        return new ApiException(409, "conflict", message, null, details);
    }

    public static ApiException tooLarge(long limit) {
        return of(413, "too_large", null, InputError.TOO_LARGE, null, limit);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "unsupported_media_type", message, null);
    }

    /** Well-formed input that breaks a rule, e.g. a script with a syntax error at a line and column. */
    public static ApiException unprocessable(String field, String message, Map<String, Object> details) {
        return new ApiException(422, "invalid", message, field, details);
    }

    /**
     * Several field errors at once; the first names {@code field} (and {@code reason}), all are listed under
     * {@code errors}.
     */
    public static ApiException invalid(List<FieldError> errors) {
        FieldError first = errors.getFirst();
        Map<String, Object> details = new LinkedHashMap<>();
        if (first.reason() != null) {
            details.put("reason", first.reason());
            details.put("args", first.args());
        }
        details.put("errors", errors);
        return new ApiException(422, "invalid", first.message(), first.field(), details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The message's code ({@link ErrorCode#code()}), or null for a message without one. */
    public String reason() {
        return details.get("reason") instanceof String r ? r : null;
    }

    /** The message's arguments by name; empty without a {@link #reason()}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> args() {
        return details.get("args") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** This error as a problem of {@code onField} (a row of an import), keeping its code and arguments. */
    public FieldError toFieldError(String onField) {
        return new FieldError(onField, getMessage(), null, null, reason(), args());
    }

    /** The field errors of an {@link #invalid} error; empty otherwise. */
    @SuppressWarnings("unchecked")
    public List<FieldError> errors() {
        return details.get("errors") instanceof List<?> l ? (List<FieldError>) l : List.of();
    }

    /** Headers the error response carries. */
    public Map<String, String> headers() {
        return headers;
    }
}
