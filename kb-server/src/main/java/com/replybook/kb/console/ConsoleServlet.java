package com.replybook.kb.console;

import com.replybook.kb.auth.AuthError;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.auth.SignInThrottle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.ContainerErrors;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.JsonErrors;
import com.replybook.kb.web.SecurityHeaders;
import com.replybook.kb.web.Router;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /console/*}: the one entry point of the console. In this order it sets the security headers
 * (a strict CSP: scripts and styles only from this server, no inline code), sends anyone not signed in to the
 * sign-in page, refuses any POST without the session's CSRF token, dispatches to the route, and maps every
 * error to an HTML page in the user's language — the console's single exception-to-response mapping.
 */
public final class ConsoleServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ConsoleServlet.class.getName());
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final Set<String> PUBLIC = Set.of("signin", "static");

    private final Views views = new Views();
    private final SessionAuth sessions;
    private final Router<Page> routes;
    private final NavCounts navCounts;

    /**
     * The console over the features' pages in {@code routes}, to which it adds its own: the home page, sign-in
     * and sign-out, and its static files. Every page's navigation shows {@code navCounts}.
     */
    public ConsoleServlet(SessionAuth sessions, SignInThrottle signIns, Router<Page> routes, NavCounts navCounts) {
        this.sessions = sessions;
        this.routes = routes;
        this.navCounts = navCounts;
        new HomePage().routes(routes);
        new ErrorTextEndpoint().routes(routes);
        new SignInPages(signIns, sessions).routes(routes);
        new StaticFiles().routes(routes);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Cache-Control", "no-store");
        req.setCharacterEncoding("UTF-8");
        List<String> path = segments(req);
        Optional<Principal> me = sessions.principal(req);
        Page page = new Page(req, resp, views, sessions, me.orElse(null), navCounts);
        try {
            if (me.isEmpty() && (path.isEmpty() || !PUBLIC.contains(path.getFirst()))) {
                page.redirect("signin", null);
                return;
            }
            if ("POST".equals(req.getMethod()) && !csrfOk(req)) {
                throw ApiException.forbidden(AuthError.CSRF);
            }
            Router.Lookup<Page> lookup = routes.find(req.getMethod(), path);
            if (lookup.found() == null) {
                if (!lookup.pathKnown()) throw ApiException.notFound(InputError.NO_SUCH_RESOURCE, req.getRequestURI());
                throw ApiException.methodNotAllowed(req.getMethod(), lookup.allowed());
            }
            req.setAttribute(Router.MATCHED_TEMPLATE, "/console" + lookup.found().template());
            lookup.found().handler().handle(page.withPath(lookup.found().params()));
        } catch (ApiException e) {
            error(page, e.status(), e);
        } catch (JsonProcessingException e) {
            error(page, 400, JsonErrors.badRequest(e));
        } catch (RuntimeException e) {
            int refused = ContainerErrors.clientStatus(e);
            if (refused != 0) {
                error(page, refused, ContainerErrors.asApiError(refused));
                return;
            }
            LOG.log(Level.SEVERE, "Console error on " + req.getMethod() + " " + req.getRequestURI(), e);
            error(page, 500, e);
        }
    }

    private boolean csrfOk(HttpServletRequest req) {
        String presented = req.getHeader(SessionAuth.CSRF_HEADER);
        if (presented == null) presented = req.getParameter(SessionAuth.CSRF_FIELD);
        return sessions.csrfValid(req, presented);
    }

    private void error(Page page, int status, RuntimeException e) throws IOException {
        if (page.response().isCommitted()) return;
        SecurityHeaders.reset(page.response());
        page.response().setHeader("Content-Security-Policy", CSP);
        if (e instanceof ApiException api) api.headers().forEach(page.response()::setHeader);
        ApiException api = e instanceof ApiException a ? a : null;
        boolean csrf = api != null && AuthError.CSRF.code().equals(api.reason());
        String key = csrf ? "error.csrf" : ErrorTexts.statusKey(status);
        // The user's language only: a 4xx says what was wrong when its message has a code; a 500 never shows its
        // message (it may hold internals), and the API's English never reaches the page.
        String detail = api != null && !csrf && status < 500 && api.reason() != null
                ? ErrorTexts.of(page.messages(), api) : "";
        page.render(status, "error.ftlh", Map.of("messageKey", key, "detail", detail, "status", status));
    }

    private static List<String> segments(HttpServletRequest req) {
        return Router.segments(req.getPathInfo());
    }
}
