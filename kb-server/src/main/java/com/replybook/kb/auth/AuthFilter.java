package com.replybook.kb.auth;

import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.JsonResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every API request by {@code Authorization: Bearer <token>} and stores the {@link Principal}
 * for the servlets; answers 401 with a JSON body otherwise. Only the paths in {@code publicPaths} (health)
 * pass without a token.
 */
public final class AuthFilter extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private final UserStore users;
    private final Set<String> publicPaths;
    private final SessionAuth sessions;
    private final WarmUpPass warmUp;

    /**
     * Accepts a bearer token, and a signed-in console session (for the console's own scripts) when no bearer token
     * is sent; unsafe methods then need the session's CSRF token in {@code X-CSRF-Token}. Admits the token of
     * {@code warmUp} while one is issued.
     */
    public AuthFilter(UserStore users, Set<String> publicPaths, SessionAuth sessions, WarmUpPass warmUp) {
        this.users = users;
        this.publicPaths = Set.copyOf(publicPaths);
        this.sessions = sessions;
        this.warmUp = warmUp;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (publicPaths.contains(path) || "OPTIONS".equals(req.getMethod())) {
            chain.doFilter(req, resp);
            return;
        }
        if (sessions != null && req.getHeader("Authorization") == null && sessions.principal(req).isPresent()) {
            if (!SAFE_METHODS.contains(req.getMethod()) && !sessions.csrfValid(req, req.getHeader(SessionAuth.CSRF_HEADER))) {
                JsonResponses.error(resp, ApiException.forbidden(AuthError.CSRF_HEADER));
                return;
            }
            chain.doFilter(req, resp);
            return;
        }
        Optional<Principal> principal = bearerToken(req)
                .flatMap(t -> warmUp.admits(t, path) ? Optional.of(WarmUpPass.PRINCIPAL) : users.authenticate(t));
        if (principal.isEmpty()) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"replybook\"");
            JsonResponses.error(resp, ApiException.unauthorized(
                    bearerToken(req).isPresent() ? AuthError.TOKEN_UNKNOWN : AuthError.UNAUTHENTICATED));
            return;
        }
        req.setAttribute(Principal.ATTRIBUTE, principal.get());
        chain.doFilter(req, resp);
    }

    private static Optional<String> bearerToken(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String token = header.substring(7).strip();
        return token.isEmpty() || token.length() > 200 ? Optional.empty() : Optional.of(token);
    }
}
