package com.replybook.kb.auth;

import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.JsonServlet;
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

    private final UserStore users;
    private final Set<String> publicPaths;

    public AuthFilter(UserStore users, Set<String> publicPaths) {
        this.users = users;
        this.publicPaths = Set.copyOf(publicPaths);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (publicPaths.contains(path) || "OPTIONS".equals(req.getMethod())) {
            chain.doFilter(req, resp);
            return;
        }
        Optional<Principal> principal = bearerToken(req).flatMap(users::authenticate);
        if (principal.isEmpty()) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"replybook\"");
            JsonServlet.writeError(resp, ApiException.unauthorized(
                    bearerToken(req).isPresent() ? "The token is unknown or revoked"
                            : "Authentication required: send Authorization: Bearer <token>"));
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
