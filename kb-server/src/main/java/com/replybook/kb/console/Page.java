package com.replybook.kb.console;

import com.replybook.kb.auth.AuthError;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.JsonResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
public final class Page {

    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final Messages msg;
    private final Views views;
    private final SessionAuth sessions;
    private final Principal me;
    private final NavCounts navCounts;
    private Map<String, String> path = Map.of();

    Page(HttpServletRequest req, HttpServletResponse resp, Views views, SessionAuth sessions, Principal me,
         NavCounts navCounts) {
        this.req = req;
        this.resp = resp;
        this.views = views;
        this.sessions = sessions;
        this.me = me;
        this.navCounts = navCounts;
        this.msg = Messages.forTag(me != null && me.locale() != null ? me.locale() : req.getLocale().toLanguageTag());
    }

    /** Binds the path parameters of the route that matched. */
    Page withPath(Map<String, String> params) {
        this.path = Map.copyOf(params);
        return this;
    }

    public HttpServletRequest request() {
        return req;
    }

    public HttpServletResponse response() {
        return resp;
    }

    /** The UI text in this user's language. */
    public Messages messages() {
        return msg;
    }

    /** The signed-in user; 401 when nobody is signed in (the filter normally prevents that). */
    public Principal me() {
        if (me == null) throw ApiException.unauthorized(AuthError.SIGN_IN_FIRST);
        return me;
    }

    /** The signed-in user if they have at least {@code role}; 403 otherwise. */
    public Principal require(Role role) {
        return me().require(role);
    }

    /** The path parameter {@code name} of the route, e.g. {@code id} of {@code /cases/{id}}. */
    public String path(String name) {
        String v = path.get(name);
        if (v == null) throw new IllegalArgumentException("The route has no parameter {" + name + "}");
        return v;
    }

    /** A trimmed request parameter, or null when absent or blank. */
    public String param(String name) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A parameter kept exactly as typed (scripts and other free text), or "" when absent. */
    public String raw(String name) {
        String v = req.getParameter(name);
        return v == null ? "" : v.replace("\r\n", "\n");
    }

    public List<String> params(String name) {
        String[] v = req.getParameterValues(name);
        return v == null ? List.of() : Arrays.asList(v);
    }

    public Optional<Long> longParam(String name) {
        String v = param(name);
        if (v == null) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, InputError.NOT_WHOLE_NUMBER, name, v);
        }
    }

    /** Renders a page template with the common model (user, CSRF token, flash, language). */
    public void render(int status, String template, Map<String, Object> model) throws IOException {
        Map<String, Object> root = new HashMap<>(model);
        root.put("me", me);
        root.put("csrf", sessions.csrfToken(req, resp));
        root.put("csrfField", SessionAuth.CSRF_FIELD);
        root.put("base", req.getContextPath() + "/console");
        root.put("flash", takeFlash());
        root.put("isEditor", me != null && me.can(Role.EDITOR));
        root.put("isLead", me != null && me.can(Role.LEAD));
        root.put("isAdmin", me != null && me.can(Role.ADMIN));
        root.put("navCounts", me == null ? Map.of() : navCounts.of(me));
        root.put("myLocale", me == null || me.locale() == null ? "" : me.locale());
        root.put("uiLocales", Messages.SUPPORTED);
        root.put("here", req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        try (Writer out = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8)) {
            views.render(template, root, msg, out);
        }
    }

    public void render(String template, Map<String, Object> model) throws IOException {
        render(200, template, model);
    }

    /** Redirects (303) to {@code /console/<to>}, showing the message {@code flashKey} on the next page. */
    public void redirect(String to, String flashKey, Object... args) throws IOException {
        redirectSaying(to, flashKey == null ? null : msg.get(flashKey, args));
    }

    /** Redirects (303) to {@code /console/<to>}, showing {@code flashText} (in words; null: none) on the next page. */
    public void redirectSaying(String to, String flashText) throws IOException {
        if (flashText != null) sessions.flash(req, flashText);
        resp.setStatus(303);
        resp.setHeader("Location", req.getContextPath() + "/console/" + to);
    }

    /** Answers {@code body} as JSON (for the console's own scripts). */
    public void json(int status, Object body) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        JsonResponses.write(resp, status, body);
    }

    /** The flash message kept in the database session (so the next page may be served by another node). */
    private String takeFlash() {
        return sessions.takeFlash(req).orElse(null);
    }
}
