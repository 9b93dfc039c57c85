package com.replybook.kb.console;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One console request: its parameters, the signed-in user (if any), the UI language, and helpers to render
 * a page, redirect with a flash message, or answer JSON. Not thread-safe; lives for one request.
 */
final class Page {

    private static final String FLASH = "replybook.flash";
    final HttpServletRequest req;
    final HttpServletResponse resp;
    final Messages msg;
    private final Views views;
    private final SessionAuth sessions;
    private final Principal me;
    private final List<String> path;

    Page(HttpServletRequest req, HttpServletResponse resp, Views views, SessionAuth sessions, Principal me,
         List<String> path) {
        this.req = req;
        this.resp = resp;
        this.views = views;
        this.sessions = sessions;
        this.me = me;
        this.path = path;
        this.msg = Messages.forTag(me != null ? me.locale() : req.getLocale().toLanguageTag());
    }

    /** The signed-in user; 401 when nobody is signed in (the filter normally prevents that). */
    Principal me() {
        if (me == null) throw ApiException.unauthorized("Sign in first");
        return me;
    }

    /** The signed-in user if they have at least {@code role}; 403 otherwise. */
    Principal require(Role role) {
        return me().require(role);
    }

    /** Path segment {@code i} after {@code /console/}. */
    String seg(int i) {
        return path.get(i);
    }

    /** A trimmed request parameter, or null when absent or blank. */
    String param(String name) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A parameter kept exactly as typed (scripts and other free text), or "" when absent. */
    String raw(String name) {
        String v = req.getParameter(name);
        return v == null ? "" : v.replace("\r\n", "\n");
    }

    List<String> params(String name) {
        String[] v = req.getParameterValues(name);
        return v == null ? List.of() : Arrays.asList(v);
    }

    Optional<Long> longParam(String name) {
        String v = param(name);
        if (v == null) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number");
        }
    }

    /** Renders a page template with the common model (user, CSRF token, flash, language). */
    void render(int status, String template, Map<String, Object> model) throws IOException {
        Map<String, Object> root = new HashMap<>(model);
        root.put("me", me);
        root.put("csrf", sessions.csrfToken(req));
        root.put("csrfField", SessionAuth.CSRF_FIELD);
        root.put("base", req.getContextPath() + "/console");
        root.put("flash", takeFlash());
        root.put("isEditor", me != null && me.can(Role.EDITOR));
        root.put("isLead", me != null && me.can(Role.LEAD));
        root.put("isAdmin", me != null && me.can(Role.ADMIN));
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        try (Writer out = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8)) {
            views.render(template, root, msg, out);
        }
    }

    void render(String template, Map<String, Object> model) throws IOException {
        render(200, template, model);
    }

    /** Redirects (303) to {@code /console/<to>}, showing the message {@code flashKey} on the next page. */
    void redirect(String to, String flashKey, Object... args) throws IOException {
        if (flashKey != null) req.getSession(true).setAttribute(FLASH, msg.get(flashKey, args));
        resp.setStatus(303);
        resp.setHeader("Location", req.getContextPath() + "/console/" + to);
    }

    private String takeFlash() {
        HttpSession s = req.getSession(false);
        if (s == null) return null;
        Object f = s.getAttribute(FLASH);
        s.removeAttribute(FLASH);
        return f == null ? null : f.toString();
    }
}
