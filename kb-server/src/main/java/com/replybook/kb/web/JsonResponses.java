package com.replybook.kb.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing JSON answers and the one error body, {@code {"error":{"code","message","field",…}}}. */
public final class JsonResponses {

    private JsonResponses() {
    }

    public static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        Json.MAPPER.writeValue(resp.getOutputStream(), body);
    }

    /**
     * Answers {@code e} as the JSON error, unless the response is already on its way. Headers the failed handler had
     * set are dropped, the {@link SecurityHeaders} kept.
     */
    public static void error(HttpServletResponse resp, ApiException e) throws IOException {
        if (resp.isCommitted()) return;
        SecurityHeaders.reset(resp);
        e.headers().forEach(resp::setHeader);
        write(resp, e.status(), Map.of("error", errorBody(e)));
    }

    static Map<String, Object> errorBody(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("field", e.field());
        error.putAll(e.details());
        return error;
    }
}
