package com.replybook.kb.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Base class of every API servlet: maps {@link ApiException} (and malformed JSON) to the JSON error body in one
 * place, and reads bodies with a size limit. Subclasses override the {@code doXxx} methods as usual.
 */
public abstract class JsonServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(JsonServlet.class.getName());

    /** Default cap for bodies of ordinary calls; imports raise it to the configured maximum. */
    protected static final long DEFAULT_BODY_LIMIT = 1024 * 1024;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            super.service(req, resp);
        } catch (ApiException e) {
            writeError(resp, e);
        } catch (JsonProcessingException e) {
            writeError(resp, ApiException.badRequest(null, "Malformed JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (ServletException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Unhandled error on " + req.getMethod() + " " + req.getRequestURI(), e);
            writeError(resp, new ApiException(500, "internal", "Internal error; see the server log", null));
        }
    }

    /** Reads the body as JSON into {@code type}; 400 naming the problem when it is not valid JSON. */
    protected <T> T readJson(HttpServletRequest req, Class<T> type) throws IOException {
        return Json.MAPPER.readValue(readBody(req, DEFAULT_BODY_LIMIT), type);
    }

    /** Reads the body as a JSON object tree; 400 when it is missing or not an object. */
    protected JsonNode readObject(HttpServletRequest req) throws IOException {
        JsonNode node = Json.MAPPER.readTree(readBody(req, DEFAULT_BODY_LIMIT));
        if (node == null || !node.isObject()) throw ApiException.badRequest(null, "Expected a JSON object as the request body");
        return node;
    }

    /**
     * Bytes of an oversized body read and thrown away before the 413 is sent. Many HTTP clients (Python's
     * http.client and requests among them) write the whole body before they read the response: closing on them
     * mid-body shows up as a broken pipe instead of the 413 and its JSON. A larger body is cut off all the same.
     */
    static final long DRAIN_LIMIT = 16L << 20;

    /** Reads at most {@code limit} bytes of body; 413 beyond that. */
    public static byte[] readBody(HttpServletRequest req, long limit) throws IOException {
        long declared = req.getContentLengthLong();
        try (InputStream in = req.getInputStream()) {
            if (declared > limit) {
                if (declared <= DRAIN_LIMIT) discard(in, declared);
                throw ApiException.tooLarge(limit);
            }
            byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                discard(in, DRAIN_LIMIT);
                throw ApiException.tooLarge(limit);
            }
            return body;
        }
    }

    /** Reads and drops up to {@code max} bytes, or until the body ends. */
    private static void discard(InputStream in, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (long left = max; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) return;
            left -= n;
        }
    }

    public static void writeJson(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        Json.MAPPER.writeValue(resp.getOutputStream(), body);
    }

    public static void writeError(HttpServletResponse resp, ApiException e) throws IOException {
        if (resp.isCommitted()) return;
        resp.reset();
        writeJson(resp, e.status(), Map.of("error", errorBody(e)));
    }

    static Map<String, Object> errorBody(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("field", e.field());
        error.putAll(e.details());
        return error;
    }

    /** The path after the servlet mapping split into non-empty segments; {@code /a/b} → [a, b]. */
    protected static List<String> pathSegments(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.isEmpty() || info.equals("/")) return List.of();
        return List.of(info.substring(1).split("/", -1)).stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Integer query parameter with a default and bounds; 400 naming the parameter when out of range. */
    protected static int intParam(HttpServletRequest req, String name, int dflt, int min, int max) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) throw ApiException.badRequest(name, name + " must be between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number, was '" + v + "'");
        }
    }
}
