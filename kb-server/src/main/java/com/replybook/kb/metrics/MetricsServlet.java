package com.replybook.kb.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the registry in the Prometheus text exposition format, for a scraper that sends
 * {@code Authorization: Bearer <metrics-token>}. Without the token, with another one, or when no token is configured,
 * 401 (plain text: a scraper is not a browser or an API client).
 */
final class MetricsServlet extends HttpServlet {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry;
    private final byte[] token;

    /** @param token the configured metrics token, or null: then every scrape is refused */
    MetricsServlet(PrometheusMeterRegistry registry, String token) {
        this.registry = registry;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        if (!authorized(req.getHeader("Authorization"))) {
            resp.setStatus(401);
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"replybook-metrics\"");
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write(token == null
                    ? "Metrics are off: start the server with --metrics-token (REPLYBOOK_METRICS_TOKEN) and scrape with it.\n"
                    : "Send Authorization: Bearer <metrics token>.\n");
            return;
        }
        resp.setContentType(CONTENT_TYPE);
        resp.getOutputStream().write(registry.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private boolean authorized(String header) {
        if (token == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, presented);
    }
}
