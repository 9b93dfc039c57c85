package com.replybook.kb.auth;

import com.replybook.kb.db.Database;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Console sessions in the database, on a real SQLite file with a clock the test moves: timeouts, throttled activity
 * writes, clean-up, what is stored, and the cookie's attributes. Browsers over HTTP: ConsoleSessionTest.
 */
class SessionAuthTest {

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration MAX = Duration.ofHours(8);

    @TempDir
    Path dir;
    Database db;
    MovableClock clock = new MovableClock();
    User ed;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("s.db"), null, null);
        ed = new UserStore(db, clock).createUser("ed", "Ed", Role.EDITOR, "en");
    }

    @AfterEach
    void close() {
        db.close();
    }

    SessionAuth sessions(boolean trustProxy) {
        return new SessionAuth(db, clock, IDLE, MAX, trustProxy);
    }

    /** Signs ed in and returns the cookie value the browser got. */
    String signIn(SessionAuth sessions) {
        Browser b = new Browser(null);
        sessions.signIn(b.request(), b.response(), ed);
        return b.cookieValue();
    }

    @Test
    void aSessionWorksUntilItHasBeenIdleLongerThanTheIdleTimeout() {
        SessionAuth sessions = sessions(false);
        String cookie = signIn(sessions);
        clock.advance(IDLE.minusMinutes(1));
        assertTrue(sessions.principal(new Browser(cookie).request()).isPresent(), "a request within the idle timeout");
        clock.advance(IDLE.minusMinutes(1));
        assertTrue(sessions.principal(new Browser(cookie).request()).isPresent(), "the last request restarted the idle time");
        clock.advance(IDLE.plusSeconds(1));
        assertFalse(sessions.principal(new Browser(cookie).request()).isPresent(), "idle too long");
        assertEquals(0, count("SELECT COUNT(*) FROM console_sessions"), "an ended session's row is removed");
    }

    @Test
    void aSessionEndsAtItsAbsoluteTimeoutHoweverActive() {
        SessionAuth sessions = sessions(false);
        String cookie = signIn(sessions);
        for (Duration t = Duration.ZERO; t.compareTo(MAX.minusMinutes(20)) < 0; t = t.plusMinutes(20)) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(sessions.principal(new Browser(cookie).request()).isPresent(), "active at " + t);
        }
        clock.advance(Duration.ofMinutes(20));
        assertFalse(sessions.principal(new Browser(cookie).request()).isPresent());
    }

    @Test
    void activityIsWrittenAtMostOnceAMinuteNotOnEveryRequest() {
        SessionAuth sessions = sessions(false);
        String cookie = signIn(sessions);
        long signedInAt = clock.millis();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            sessions.principal(new Browser(cookie).request());
        }
        assertEquals(signedInAt, count("SELECT last_seen_at FROM console_sessions"), "50 s of requests wrote nothing");
        clock.advance(Duration.ofSeconds(11));
        sessions.principal(new Browser(cookie).request());
        assertEquals(clock.millis(), count("SELECT last_seen_at FROM console_sessions"));
    }

    @Test
    void theDatabaseHoldsOnlyAHashOfTheCookie() {
        String cookie = signIn(sessions(false));
        assertEquals(1, count("SELECT COUNT(*) FROM console_sessions"));
        assertEquals(0, count("SELECT COUNT(*) FROM console_sessions WHERE id_hash = '" + cookie + "'"));
        assertEquals(0, countWithParameter("SELECT COUNT(*) FROM console_sessions WHERE id_hash LIKE ?", "%" + cookie + "%"));
    }

    @Test
    void signingInRemovesSessionsThatHaveEnded() {
        SessionAuth sessions = sessions(false);
        signIn(sessions);
        signIn(sessions);
        clock.advance(IDLE.plusMinutes(1));
        signIn(sessions);
        assertEquals(1, count("SELECT COUNT(*) FROM console_sessions"), "the two idle ones went with the new sign-in");
    }

    @Test
    void signInReplacesTheSessionTheBrowserHad() {
        SessionAuth sessions = sessions(false);
        String first = signIn(sessions);
        Browser same = new Browser(first);
        sessions.signIn(same.request(), same.response(), ed);
        assertNotEquals(first, same.cookieValue());
        assertFalse(sessions.principal(new Browser(first).request()).isPresent(), "the old cookie no longer works");
        assertTrue(sessions.principal(new Browser(same.cookieValue()).request()).isPresent());
    }

    @Test
    void theCookieIsSecureOnHttpsAndBehindATrustedProxyOnly() {
        assertCookie(sessions(false), false, Map.of(), false);
        assertCookie(sessions(false), true, Map.of(), true);
        assertCookie(sessions(false), false, Map.of("X-Forwarded-Proto", "https"), false); // not trusted: a client may send it
        assertCookie(sessions(true), false, Map.of("X-Forwarded-Proto", "https"), true);
        assertCookie(sessions(true), false, Map.of("X-Forwarded-Proto", "HTTPS, http"), true);
        assertCookie(sessions(true), false, Map.of("X-Forwarded-Proto", "http"), false);
        assertCookie(sessions(true), false, Map.of(), false);
    }

    private void assertCookie(SessionAuth sessions, boolean https, Map<String, String> headers, boolean secure) {
        Browser b = new Browser(null, https, headers);
        sessions.signIn(b.request(), b.response(), ed);
        String header = b.setCookies.getFirst();
        assertTrue(header.contains("HttpOnly") && header.contains("SameSite=Strict") && header.contains("Path=/"), header);
        assertEquals(secure, header.contains("; Secure"), https + " " + headers + ": " + header);
    }

    private long count(String sql) {
        return countWithParameter(sql, null);
    }

    private long countWithParameter(String sql, String parameter) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (parameter != null) ps.setString(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** One request of a browser that presents {@code cookie} (or none), and what the server set in return. */
    static final class Browser {
        final String cookie;
        final boolean https;
        final Map<String, String> headers;
        final Map<String, Object> attributes = new HashMap<>();
        final List<String> setCookies = new ArrayList<>();

        Browser(String cookie) {
            this(cookie, false, Map.of());
        }

        Browser(String cookie, boolean https, Map<String, String> headers) {
            this.cookie = cookie;
            this.https = https;
            this.headers = headers;
        }

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getCookies" -> cookie == null ? null : new Cookie[]{new Cookie(SessionAuth.COOKIE, cookie)};
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "getContextPath" -> "";
                        case "isSecure" -> https;
                        case "getHeader" -> headers.get((String) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> {
                        if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                            return setCookies.add((String) args[1]) ? null : null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        String cookieValue() {
            Matcher m = Pattern.compile(SessionAuth.COOKIE + "=([^;]*)").matcher(setCookies.getLast());
            assertTrue(m.find(), setCookies.toString());
            return m.group(1);
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
