package com.replybook.kb.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error with its HTTP status, answered as {@code {"error":{"code","message","field"}}} by {@link JsonResponses}.
 * Messages say what was wrong and how to fix it; {@code field} names the offending input when there is one.
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
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    public ApiException(int status, String code, String message, String field) {
        this(status, code, message, field, null);
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
        return new ApiException(405, "method_not_allowed", "Method " + method + " is not allowed here; use "
                + String.join(", ", allowed), null, Map.of("allowed", List.copyOf(allowed)))
                .withHeader("Allow", String.join(", ", allowed));
    }

    /** This error with a response header, e.g. {@code Allow} on 405 or {@code Retry-After} on 429. */
    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, code, getMessage(), field, details, more);
    }

    /** A stale or conflicting write; {@code details} carries e.g. the current version. */
    public static ApiException conflict(String message, Map<String, Object> details) {
        return new ApiException(409, "conflict", message, null, details);
    }

    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "too_large", "Request body exceeds the limit of " + limit + " bytes", null);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "unsupported_media_type", message, null);
    }

    /** Well-formed input that breaks a rule, e.g. a script with a syntax error at a line and column. */
    public static ApiException unprocessable(String field, String message, Map<String, Object> details) {
        return new ApiException(422, "invalid", message, field, details);
    }

    /** Several field errors at once; the first names {@code field}, all are listed under {@code errors}. */
    public static ApiException invalid(List<FieldError> errors) {
        FieldError first = errors.getFirst();
        return new ApiException(422, "invalid", first.message(), first.field(), Map.of("errors", errors));
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

    /** Headers the error response carries. */
    public Map<String, String> headers() {
        return headers;
    }
}
