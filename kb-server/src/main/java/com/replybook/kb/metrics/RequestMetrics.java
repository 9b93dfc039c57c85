package com.replybook.kb.metrics;

import com.replybook.kb.auth.WarmUpPass;
import com.replybook.kb.web.Router;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Times every request as {@code http_server_requests_seconds{method, route, status}}. The route is the template the
 * router matched ({@code /api/v1/entries/{ref}}, put on the request by the API and console servlets), so the number
 * of series stays bounded however many entries there are; a request refused before dispatch (401) is looked up in
 * the routers, and a path no route knows is {@code unmatched}.
 */
final class RequestMetrics extends HttpFilter {

    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "unmatched";
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    private final MeterRegistry registry;
    private final Router<?> api;
    private final Router<?> console;

    RequestMetrics(MeterRegistry registry, Router<?> api, Router<?> console) {
        this.registry = registry;
        this.api = api;
        this.console = console;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(req, resp);
            status = resp.getStatus();
        } finally {
            // The start-up replay's requests are not the agents': their latency would only blur the histogram.
            if (!WarmUpPass.carries(req)) {
                Timer.builder(NAME).tag("method", METHODS.contains(req.getMethod()) ? req.getMethod() : "other")
                        .tag("route", route(req)).tag("status", Integer.toString(status))
                        .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }

    private String route(HttpServletRequest req) {
        if (req.getAttribute(Router.MATCHED_TEMPLATE) instanceof String template) return template;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Router.Lookup<?> lookup = path.startsWith("/console/") || path.equals("/console")
                ? console.find(req.getMethod(), path.substring("/console".length()))
                : api.find(req.getMethod(), path);
        if (lookup.found() == null) return UNMATCHED;
        return (path.startsWith("/console") ? "/console" : "") + lookup.found().template();
    }
}
