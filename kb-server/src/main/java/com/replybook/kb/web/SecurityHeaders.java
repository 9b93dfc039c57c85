package com.replybook.kb.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers every response carries, errors included: no MIME sniffing, no referrer leaks, no framing (except the
 * help-desk widget's files, which help desks embed), no caching of API data, HTTPS only once a browser has seen it.
 * Pages that need a looser policy (the console's CSP) replace {@code Content-Security-Policy} after {@link #apply}.
 */
public final class SecurityHeaders {

    /** What nothing but a console page may load: no scripts, styles, frames or forms at all. */
    static final String NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final List<String> NAMES = List.of("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
            "Content-Security-Policy", "Cache-Control", "Strict-Transport-Security");

    private SecurityHeaders() {
    }

    /** Sets the headers for {@code req}'s response; call before anything is written. */
    public static void apply(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        if (req.isSecure()) resp.setHeader("Strict-Transport-Security", "max-age=31536000");
        String path = ErrorPages.originalPath(req);
        if (!path.startsWith("/plugin/")) {
            resp.setHeader("X-Frame-Options", "DENY");
            resp.setHeader("Content-Security-Policy", NOTHING);
        }
        if (path.startsWith("/api/")) resp.setHeader("Cache-Control", "no-store");
    }

    /**
     * {@link HttpServletResponse#reset()} that keeps these headers: an error answer drops what the failed handler had
     * set (an ETag, a download's file name) but must stay as protected as any other answer.
     */
    public static void reset(HttpServletResponse resp) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (resp.containsHeader(name)) kept.put(name, resp.getHeader(name));
        }
        resp.reset();
        kept.forEach(resp::setHeader);
    }
}
