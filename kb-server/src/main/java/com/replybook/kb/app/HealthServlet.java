package com.replybook.kb.app;

import com.replybook.kb.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /api/v1/health}: 200 {@code {"status":"ok"}} once the index is ready, 503 before. No auth. */
final class HealthServlet extends JsonServlet {

    private final BooleanSupplier ready;

    HealthServlet(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        if (ready.getAsBoolean()) writeJson(resp, 200, Map.of("status", "ok"));
        else writeJson(resp, 503, Map.of("status", "starting"));
    }
}
