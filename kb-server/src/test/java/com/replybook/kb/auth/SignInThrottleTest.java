package com.replybook.kb.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits on guessing passwords, on a clock the test moves and with delays it records instead of sleeping. */
class SignInThrottleTest {

    static final String RIGHT = "the right password";
    final User ed = new User("u1", "ed", "Ed", Role.EDITOR, "en", false, Instant.EPOCH, List.of());
    Instant now = Instant.parse("2026-12-07T08:00:00Z");
    final List<Duration> delays = new ArrayList<>();
    final SignInThrottle throttle = new SignInThrottle(
            (name, password) -> "ed".equals(name) && RIGHT.equals(password) ? Optional.of(ed) : Optional.empty(),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            }, delays::add, false);

    @Test
    void failuresAreAnsweredLaterAndLaterAndThenEvenTheRightPasswordIsRefusedWithTheWait() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_PER_WINDOW; i++) {
            SignInThrottle.Result r = throttle.signIn("ed", "guess " + i, "10.0.0.1");
            assertTrue(r.user().isEmpty() && !r.throttled(), "attempt " + (i + 1));
        }
        assertEquals(List.of(ms(250), ms(500), ms(1000), ms(2000), ms(2000), ms(2000), ms(2000), ms(2000)), delays);
        SignInThrottle.Result refused = throttle.signIn("ed", RIGHT, "10.0.0.1");
        assertTrue(refused.throttled() && refused.user().isEmpty(), "the 11th attempt is refused, right password or not");
        assertEquals(Duration.ofSeconds(90), refused.retryAfter(), "one attempt back every 15 min / 10");

        now = now.plusSeconds(90);
        assertTrue(throttle.signIn("ed", RIGHT, "10.0.0.1").user().isPresent(), "after the wait the right password works");
    }

    @Test
    void anAccountThatDoesNotExistIsThrottledExactlyLikeOneThatDoes() {
        List<String> known = attempts("ed");
        List<Duration> knownDelays = List.copyOf(delays);
        delays.clear();
        List<String> unknown = attempts("nobody");
        assertEquals(known, unknown);
        assertEquals(knownDelays, delays);
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        for (int i = 0; i < 5; i++) throttle.signIn("ed", "guess", "10.0.0.1");
        assertTrue(throttle.signIn("ed", RIGHT, "10.0.0.1").user().isPresent());
        delays.clear();
        throttle.signIn("ed", "typo", "10.0.0.1");
        assertEquals(List.of(), delays, "the first failure after a sign-in is answered at once");
    }

    @Test
    void oneAddressTryingOnePasswordOnManyAccountsIsStoppedByItsOwnBudget() {
        for (int i = 0; i < SignInThrottle.ADDRESS_PER_WINDOW; i++) {
            assertFalse(throttle.signIn("user" + i, "Summer2026!", "10.0.0.66").throttled(), "account " + i);
        }
        assertTrue(throttle.signIn("user-next", "Summer2026!", "10.0.0.66").throttled());
        assertFalse(throttle.signIn("user-next", "Summer2026!", "10.0.0.67").throttled(), "another address is not");
    }

    @Test
    void aNameTypedWithOtherCaseOrSpacesSharesTheAccountsBudget() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_PER_WINDOW; i++) {
            throttle.signIn(i % 2 == 0 ? " ED " : "Ed", "guess", "10.0.0." + i);
        }
        assertTrue(throttle.signIn("ed", RIGHT, "10.0.0.99").throttled());
    }

    @Test
    void theDailyBudgetHoldsWhereThe15MinuteOneWouldLetAGuesserGoOn() {
        int allowed = 0;
        for (int hour = 0; hour < 24; hour++) { // 12 an hour: within the 15-minute budget, far beyond the daily one
            for (int i = 0; i < 12; i++) {
                if (!throttle.signIn("ed", "guess", "10.0." + hour + "." + i).throttled()) allowed++;
            }
            now = now.plus(Duration.ofHours(1));
        }
        assertTrue(allowed <= 2 * SignInThrottle.ACCOUNT_PER_DAY, "attempts allowed in a day: " + allowed);
    }

    private List<String> attempts(String name) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i <= SignInThrottle.ACCOUNT_PER_WINDOW; i++) {
            SignInThrottle.Result r = throttle.signIn(name, "guess", "10.1.0." + name.length());
            outcomes.add(r.throttled() ? "429 after " + r.retryAfter().toSeconds() + " s" : "401");
        }
        return outcomes;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void behindATrustedProxyTheClientIsTheLastAddressTheProxyAppended() {
        SignInThrottle trusting = new SignInThrottle((n, p) -> Optional.empty(), Clock.systemUTC(), d -> { }, true);
        assertEquals("203.0.113.7", trusting.clientAddress(request("10.0.0.2", "198.51.100.1, 203.0.113.7")),
                "the first entries are the client's to write; the last is the proxy's");
        assertEquals("10.0.0.2", trusting.clientAddress(request("10.0.0.2", "bogus<script>")));
        assertEquals("10.0.0.2", trusting.clientAddress(request("10.0.0.2", null)));
        assertEquals("10.0.0.2", throttle.clientAddress(request("10.0.0.2", "203.0.113.7")), "not trusted by default");
    }

    /** A request from {@code remote} with {@code forwardedFor} as its X-Forwarded-For header, and nothing else. */
    private static jakarta.servlet.http.HttpServletRequest request(String remote, String forwardedFor) {
        return (jakarta.servlet.http.HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(
                SignInThrottleTest.class.getClassLoader(), new Class<?>[]{jakarta.servlet.http.HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) ? forwardedFor : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
