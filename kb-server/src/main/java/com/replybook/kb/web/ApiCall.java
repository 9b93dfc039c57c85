package com.replybook.kb.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One API request as its handler sees it: the path parameters the route bound, query parameters, the body
 * read with a size limit, and the JSON answer. Not thread-safe; lives for one request.
 *
 * <pre>{@code
 * router.get("/api/v1/cases/{id}", call -> call.json(200, store.find(call.path("id"))));
 * }</pre>
 */
public final class ApiCall {

    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final Map<String, String> params;

    public ApiCall(HttpServletRequest req, HttpServletResponse resp, Map<String, String> params) {
        this.req = req;
        this.resp = resp;
        this.params = Map.copyOf(params);
    }

    public HttpServletRequest request() {
        return req;
    }

    public HttpServletResponse response() {
        return resp;
    }

    /** The path parameter {@code name} of the route, e.g. {@code ref} of {@code /api/v1/entries/{ref}}. */
    public String path(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalArgumentException("The route has no parameter {" + name + "}");
        return v;
    }

    /** A query parameter, stripped; null when absent or blank. */
    public String query(String name) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Integer query parameter with a default and bounds; 400 naming the parameter when out of range. */
    public int intQuery(String name, int dflt, int min, int max) {
        String v = query(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw ApiException.badRequest(name, InputError.OUT_OF_RANGE, name, min, max);
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, InputError.NOT_WHOLE_NUMBER, name, v);
        }
    }

    /** An ISO-8601 instant query parameter, or null when absent; 400 naming the parameter when malformed. */
    public Instant instantQuery(String name) {
        String v = query(name);
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, InputError.NOT_INSTANT, name);
        }
    }

    /** A request header, or null. */
    public String header(String name) {
        return req.getHeader(name);
    }

    /** The body, at most {@code limit} bytes; 413 beyond that. */
    public byte[] body(long limit) throws IOException {
        return RequestBodies.read(req, limit);
    }

    /**
     * The body as a JSON object tree (at most 1 MiB); 400 in our words when it is missing, not an object, not strict
     * JSON (a field twice, trailing text) or holds text that is not text (NUL, a lone surrogate), naming the field.
     */
    public JsonNode readObject() throws IOException {
        JsonNode node = readTree();
        if (node == null || !node.isObject()) throw ApiException.badRequest(null, InputError.NOT_OBJECT);
        return node;
    }

    /**
     * The body as a JSON object tree, or an empty object when there is no body (actions whose body is optional, e.g.
     * {@code POST …/send-back}); checked as {@link #readObject} checks it.
     */
    public JsonNode readOptionalObject() throws IOException {
        byte[] bytes = body(RequestBodies.DEFAULT_LIMIT);
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) return Json.MAPPER.createObjectNode();
        JsonNode node = parse(bytes);
        if (node == null || !node.isObject()) throw ApiException.badRequest(null, InputError.NOT_OBJECT_OR_NONE);
        return node;
    }

    /** The body read as JSON into {@code type} (at most 1 MiB), checked as {@link #readObject} checks it. */
    public <T> T readJson(Class<T> type) throws IOException {
        JsonNode node = readTree();
        try {
            return node == null || node.isMissingNode() ? null : Json.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw JsonErrors.badRequest(e);
        }
    }

    private JsonNode readTree() throws IOException {
        return parse(body(RequestBodies.DEFAULT_LIMIT));
    }

    /** {@code bytes} as strict JSON whose text is text; 400 naming the field otherwise. */
    private static JsonNode parse(byte[] bytes) throws IOException {
        try {
            JsonNode node = Json.DOCUMENT.readTree(bytes);
            JsonText.check(node);
            return node;
        } catch (JsonProcessingException e) {
            throw JsonErrors.badRequest(e);
        }
    }

    public void setHeader(String name, String value) {
        resp.setHeader(name, value);
    }

    /** Answers {@code body} as JSON with {@code status}. */
    public void json(int status, Object body) throws IOException {
        JsonResponses.write(resp, status, body);
    }

    /** Answers 204 No Content. */
    public void noContent() {
        resp.setStatus(204);
    }
}
