package com.replybook.kb.auth;

import com.replybook.kb.db.Database;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console sessions kept in the database ({@link ConsoleSessions}), so that any node accepts a session another node
 * started and no servlet-container session is ever created. The cookie {@value #COOKIE} carries 256 random bits;
 * only their SHA-256 is stored.
 *
 * <p>Contract: {@link #signIn} always issues a new cookie value (no session fixation) with a new CSRF token and
 * ends the session the browser had; {@link #principal} re-reads the user with the session on every request, so a
 * disabled user or a changed role takes effect at once; a session ends after {@code idle} without requests or
 * {@code maxAge} after sign-in, whichever comes first; activity is written at most once a minute per session.
 * Before sign-in the cookie holds a random value with no row, and the sign-in form's CSRF token is derived from
 * it. The cookie is HttpOnly and SameSite=Strict, and Secure on HTTPS or, with {@code trustProxy}, when the
 * proxy's {@code X-Forwarded-Proto} says https. CSRF tokens are compared in constant time. Thread-safe.
 */
public final class SessionAuth {

    /** Name of the form field and of the header ({@code X-CSRF-Token}) that carry the token. */
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String COOKIE = "RBSESSION";
    private static final String STATE = SessionAuth.class.getName() + ".state";
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** What this request presented: its cookie value (or null) and the live session it names (or null). */
    private record State(String cookie, ConsoleSessions.Row row) {
    }

    private final ConsoleSessions store;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;
    private final boolean trustProxy;

    /**
     * @param idle       a session without requests for this long ends
     * @param maxAge     a session ends this long after sign-in
     * @param trustProxy whether {@code X-Forwarded-Proto} may mark a request as HTTPS
     */
    public SessionAuth(Database db, Clock clock, Duration idle, Duration maxAge, boolean trustProxy) {
        this.store = new ConsoleSessions(db);
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
        this.trustProxy = trustProxy;
    }

    /** Signs {@code user} in: ends the browser's previous session and starts a new one with a fresh cookie. */
    public void signIn(HttpServletRequest req, HttpServletResponse resp, User user) {
        State before = state(req);
        if (before.cookie() != null) store.delete(hash(before.cookie()));
        long now = clock.millis();
        store.deleteExpired(now, now - idle.toMillis()); // sign-ins bound the table: old rows go with each new one
        String cookie = newToken();
        String csrf = newToken();
        store.insert(hash(cookie), user.id(), csrf, now, now + maxAge.toMillis());
        setCookie(req, resp, cookie, false);
        req.setAttribute(STATE, new State(cookie, new ConsoleSessions.Row(hash(cookie), user.id(), user.username(),
                user.role(), user.locale(), user.disabled(), csrf, now, now, now + maxAge.toMillis(), null, user.shops())));
    }

    /** Ends this browser's session, if any, and clears its cookie. */
    public void signOut(HttpServletRequest req, HttpServletResponse resp) {
        State s = state(req);
        if (s.cookie() != null) store.delete(hash(s.cookie()));
        setCookie(req, resp, "", true);
        req.setAttribute(STATE, new State(null, null));
    }

    /** Ends every session of this request's user, on every node and in every browser; returns how many. */
    public int signOutEverywhere(HttpServletRequest req, HttpServletResponse resp) {
        ConsoleSessions.Row row = state(req).row();
        int ended = row == null ? 0 : store.deleteForUser(row.userId());
        signOut(req, resp);
        return ended;
    }

    /**
     * After {@code user}'s password changed (which ended all their sessions): when this request was made in one of
     * them, starts a new one, so the person who changed it stays signed in here and nowhere else.
     */
    public void keepSignedInAfterPasswordChange(HttpServletRequest req, HttpServletResponse resp, User user) {
        ConsoleSessions.Row row = state(req).row();
        if (row != null && row.userId().equals(user.id())) signIn(req, resp, user);
    }

    /** The signed-in, enabled user of this request, also attached as the request's {@link Principal}. */
    public Optional<Principal> principal(HttpServletRequest req) {
        ConsoleSessions.Row row = state(req).row();
        if (row == null) return Optional.empty();
        Principal p = new Principal(row.userId(), row.username(), row.role(), row.locale(), row.shops());
        req.setAttribute(Principal.ATTRIBUTE, p);
        return Optional.of(p);
    }

    /**
     * The CSRF token for this request's forms: the session's, or before sign-in one derived from the cookie, which
     * is set now when the browser has none yet. Signing in replaces it.
     */
    public String csrfToken(HttpServletRequest req, HttpServletResponse resp) {
        State s = state(req);
        if (s.row() != null) return s.row().csrf();
        if (s.cookie() != null) return anonymousCsrf(s.cookie());
        String cookie = newToken();
        setCookie(req, resp, cookie, false);
        req.setAttribute(STATE, new State(cookie, null));
        return anonymousCsrf(cookie);
    }

    /** True when {@code presented} equals this request's CSRF token. */
    public boolean csrfValid(HttpServletRequest req, String presented) {
        State s = state(req);
        String expected = s.row() != null ? s.row().csrf() : s.cookie() != null ? anonymousCsrf(s.cookie()) : null;
        if (expected == null || presented == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps {@code message} for the next page this session shows; dropped when nobody is signed in. */
    public void flash(HttpServletRequest req, String message) {
        ConsoleSessions.Row row = state(req).row();
        if (row != null) store.setFlash(row.idHash(), message);
    }

    /** The message kept by {@link #flash}, once: it is removed as it is read. */
    public Optional<String> takeFlash(HttpServletRequest req) {
        State s = state(req);
        ConsoleSessions.Row row = s.row();
        if (row == null || row.flash() == null) return Optional.empty();
        store.clearFlash(row.idHash());
        req.setAttribute(STATE, new State(s.cookie(), withoutFlash(row)));
        return Optional.of(row.flash());
    }

    /** The session this request presents, looked up once per request; an expired or disabled one is removed. */
    private State state(HttpServletRequest req) {
        if (req.getAttribute(STATE) instanceof State s) return s;
        String cookie = cookie(req);
        ConsoleSessions.Row row = cookie == null ? null : store.find(hash(cookie)).orElse(null);
        long now = clock.millis();
        if (row != null && (row.disabled() || now >= row.expiresAt() || now - row.lastSeenAt() >= idle.toMillis())) {
            store.delete(row.idHash());
            row = null;
        }
        if (row != null && now - row.lastSeenAt() >= touchEvery()) store.touch(row.idHash(), now);
        State s = new State(cookie, row);
        req.setAttribute(STATE, s);
        return s;
    }

    /** Activity is recorded at most this often, and often enough that the idle timeout stays accurate. */
    private long touchEvery() {
        return Math.min(TOUCH_EVERY.toMillis(), idle.toMillis() / 4);
    }

    private static String cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && COOKIE_VALUE.matcher(c.getValue()).matches()) {
                return c.getValue();
            }
        }
        return null;
    }

    /** Written as a header: the Servlet cookie API of every container does not yet write SameSite the same way. */
    private void setCookie(HttpServletRequest req, HttpServletResponse resp, String value, boolean expire) {
        String path = req.getContextPath().isEmpty() ? "/" : req.getContextPath() + "/";
        StringBuilder header = new StringBuilder(COOKIE).append('=').append(value).append("; Path=").append(path)
                .append("; HttpOnly; SameSite=Strict");
        if (secure(req)) header.append("; Secure");
        if (expire) header.append("; Max-Age=0");
        resp.addHeader("Set-Cookie", header.toString());
    }

    /** HTTPS as the browser sees it: directly, or at the trusted proxy in front. */
    boolean secure(HttpServletRequest req) {
        if (req.isSecure()) return true;
        if (!trustProxy) return false;
        String proto = req.getHeader("X-Forwarded-Proto");
        if (proto == null) return false;
        int comma = proto.indexOf(',');
        return "https".equalsIgnoreCase((comma < 0 ? proto : proto.substring(0, comma)).strip());
    }

    private static ConsoleSessions.Row withoutFlash(ConsoleSessions.Row r) {
        return new ConsoleSessions.Row(r.idHash(), r.userId(), r.username(), r.role(), r.locale(), r.disabled(),
                r.csrf(), r.createdAt(), r.lastSeenAt(), r.expiresAt(), null, r.shops());
    }

    /** The form token of a browser that has not signed in: bound to its cookie, which another site cannot read. */
    private static String anonymousCsrf(String cookie) {
        return Tokens.hash("replybook-signin-csrf:" + cookie);
    }

    private static String hash(String cookie) {
        return Tokens.hash(cookie);
    }

    private static String newToken() {
        return Tokens.random();
    }
}
