package com.replybook.kb.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Console sign-in state kept in the servlet session: the signed-in user's id and a per-session CSRF token.
 *
 * <p>Contract: {@link #signIn} always gives the browser a new session id (no session fixation) and a new
 * CSRF token; {@link #principal} re-reads the user on every request, so a disabled user or a changed role
 * takes effect at once; {@link #csrfValid} compares in constant time. The session cookie is HttpOnly and
 * SameSite=Strict, and Secure whenever the request came over HTTPS (see {@code Replybook.mount}).
 */
public final class SessionAuth {

    /** Name of the form field and of the header ({@code X-CSRF-Token}) that carry the token. */
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String USER_ID = "replybook.userId";
    static final String CSRF = "replybook.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore users;

    public SessionAuth(UserStore users) {
        this.users = users;
    }

    /** Signs {@code user} in: rotates the session id, stores the user and a fresh CSRF token. */
    public void signIn(HttpServletRequest req, User user) {
        HttpSession existing = req.getSession(false);
        if (existing != null) existing.invalidate();
        HttpSession session = req.getSession(true);
        // A container may reuse the id a client presented; changing it again guarantees a fresh one.
        req.changeSessionId();
        session.setAttribute(USER_ID, user.id());
        session.setAttribute(CSRF, newToken());
    }

    /** Ends the session, if any. */
    public void signOut(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        if (session != null) session.invalidate();
    }

    /** The signed-in, enabled user of this request, also attached as the request's {@link Principal}. */
    public Optional<Principal> principal(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        if (session == null || !(session.getAttribute(USER_ID) instanceof String id)) return Optional.empty();
        Optional<User> user = users.find(id).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            session.invalidate();
            return Optional.empty();
        }
        Principal p = new Principal(user.get().id(), user.get().username(), user.get().role(), user.get().locale());
        req.setAttribute(Principal.ATTRIBUTE, p);
        return Optional.of(p);
    }

    /**
     * The CSRF token of this request's session, creating a session (for the sign-in form) when there is
     * none yet. Signing in replaces it.
     */
    public String csrfToken(HttpServletRequest req) {
        HttpSession session = req.getSession(true);
        if (session.getAttribute(CSRF) instanceof String token) return token;
        String token = newToken();
        session.setAttribute(CSRF, token);
        return token;
    }

    /** True when {@code presented} equals the session's CSRF token. */
    public boolean csrfValid(HttpServletRequest req, String presented) {
        HttpSession session = req.getSession(false);
        if (session == null || presented == null || !(session.getAttribute(CSRF) instanceof String token)) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
