package com.replybook.kb.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Every password check goes through here: it slows down, then stops, guessing. Each attempt spends one token of
 * its account's bucket and one of its client address's; a failed one is answered later and later (from the third
 * failure: 0.25 s, doubling up to {@link #MAX_DELAY}); an empty bucket refuses the attempt before the password is
 * looked at (the right one too) with the wait until the next token, for {@code Retry-After}.
 *
 * <ul>
 *   <li>account: {@value #ACCOUNT_PER_WINDOW} attempts per 15 minutes and {@value #ACCOUNT_PER_DAY} per day, keyed
 *       by the name as typed: an unknown name is throttled exactly like a known one, so neither the answer nor its
 *       timing says whether an account exists;</li>
 *   <li>address: {@value #ADDRESS_PER_WINDOW} per 15 minutes and {@value #ADDRESS_PER_DAY} per day, against trying
 *       one password on many accounts.</li>
 * </ul>
 *
 * <p>The client address is the connection's, or with {@code trustProxy} (the {@code trust-proxy} setting) the last
 * one in {@code X-Forwarded-For}: the address the proxy in front saw; otherwise every user behind the proxy would
 * share its budget. A successful sign-in clears its account's failures and gives its address its token back. The counters live in
 * this node's memory (bucket4j): with N nodes behind a proxy an attacker gets N times the budget, which stays
 * far too small to guess a password (README, "Security"). Memory is bounded: the least recently seen of more than
 * {@value #MAX_KEYS} accounts or addresses are forgotten. Thread-safe.
 */
public final class SignInThrottle {

    static final int ACCOUNT_PER_WINDOW = 10;
    static final int ACCOUNT_PER_DAY = 50;
    static final int ADDRESS_PER_WINDOW = 100;
    static final int ADDRESS_PER_DAY = 1000;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_DELAY = Duration.ofMillis(250);
    static final Duration MAX_DELAY = Duration.ofSeconds(2);
    static final int MAX_KEYS = 50_000;
    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    /** The password check itself ({@link PasswordStore}); a test passes its own. */
    interface PasswordCheck {
        Optional<User> check(String username, String password);
    }

    /** Holds a failed attempt's answer back; a test passes one that only records. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** An attempt's outcome: the user signed in, a failure, or a refusal with the wait until the next attempt. */
    public record Result(Optional<User> user, Duration retryAfter) {

        public boolean throttled() {
            return retryAfter != null;
        }
    }

    private final PasswordCheck passwords;
    private final boolean trustProxy;
    private final TimeMeter time;
    private final Sleeper sleeper;
    private final Keyed accounts = new Keyed(() -> bucket(ACCOUNT_PER_WINDOW, ACCOUNT_PER_DAY));
    private final Keyed addresses = new Keyed(() -> bucket(ADDRESS_PER_WINDOW, ADDRESS_PER_DAY));

    public SignInThrottle(PasswordStore passwords, Clock clock, boolean trustProxy) {
        this(passwords::check, clock, d -> Thread.sleep(d.toMillis()), trustProxy);
    }

    SignInThrottle(PasswordCheck passwords, Clock clock, Sleeper sleeper, boolean trustProxy) {
        this.passwords = passwords;
        this.sleeper = sleeper;
        this.trustProxy = trustProxy;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Checks {@code username}'s {@code password}, sent with {@code request}, within the budgets. */
    public Result signIn(String username, String password, HttpServletRequest request) {
        return signIn(username, password, clientAddress(request));
    }

    /** Checks {@code username}'s {@code password}, sent from {@code clientAddress}, within the budgets. */
    public Result signIn(String username, String password, String clientAddress) {
        String account = accountKey(username);
        String address = clientAddress == null ? "" : clientAddress;
        Bucket byAccount = accounts.get(account);
        Bucket byAddress = addresses.get(address);
        ConsumptionProbe a = byAccount.tryConsumeAndReturnRemaining(1);
        if (!a.isConsumed()) return refused(account, address, a);
        ConsumptionProbe b = byAddress.tryConsumeAndReturnRemaining(1);
        if (!b.isConsumed()) {
            byAccount.addTokens(1);
            return refused(account, address, b);
        }
        Optional<User> user = passwords.check(username, password);
        if (user.isPresent()) {
            accounts.forget(account);
            byAddress.addTokens(1);
            return new Result(user, null);
        }
        holdBack(delay(ACCOUNT_PER_WINDOW - byAccount.getAvailableTokens()));
        return new Result(Optional.empty(), null);
    }

    /** How long the answer to the {@code failures}th failure in a row is held back: 0, 0, 0.25 s, 0.5 s … 2 s. */
    static Duration delay(long failures) {
        if (failures < 3) return Duration.ZERO;
        long millis = FIRST_DELAY.toMillis() << Math.min(failures - 3, 8);
        return Duration.ofMillis(Math.min(millis, MAX_DELAY.toMillis()));
    }

    private Result refused(String account, String address, ConsumptionProbe probe) {
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        Duration retryAfter = wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
        LOG.warning(() -> "Sign-in refused, too many attempts: account '" + printable(account) + "' from " + printable(address)
                + "; next attempt in " + retryAfter.toSeconds() + " s");
        return new Result(Optional.empty(), retryAfter);
    }

    private void holdBack(Duration d) {
        if (d.isZero()) return;
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Bucket bucket(int perWindow, int perDay) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(perWindow).refillGreedy(perWindow, WINDOW))
                .addLimit(l -> l.capacity(perDay).refillGreedy(perDay, Duration.ofDays(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Who sent {@code request}: the connection's address, or the proxy's last {@code X-Forwarded-For} entry. */
    String clientAddress(HttpServletRequest request) {
        String forwarded = trustProxy ? request.getHeader("X-Forwarded-For") : null;
        if (forwarded != null) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            if (!last.isEmpty() && last.length() <= 64 && last.matches("[0-9A-Fa-f:.\\[\\]]+")) return last;
        }
        return request.getRemoteAddr();
    }

    /** The account a name stands for: {@code " Li.Na "} and {@code "li.na"} share one budget. */
    static String accountKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    /** Text a client chose, safe for one log line. */
    private static String printable(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 100 ? flat.substring(0, 100) + "…" : flat;
    }

    /** Buckets by key, the least recently used forgotten beyond {@link #MAX_KEYS}. */
    private static final class Keyed {
        private final Supplier<Bucket> newBucket;
        private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_KEYS;
            }
        };

        Keyed(Supplier<Bucket> newBucket) {
            this.newBucket = newBucket;
        }

        synchronized Bucket get(String key) {
            return buckets.computeIfAbsent(key, k -> newBucket.get());
        }

        synchronized void forget(String key) {
            buckets.remove(key);
        }
    }
}
