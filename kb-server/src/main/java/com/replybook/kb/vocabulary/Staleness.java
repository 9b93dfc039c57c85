package com.replybook.kb.vocabulary;

import java.time.Instant;

/**
 * When an entry is stale: it has a verification interval ({@code verify_every_days > 0}) and it was last
 * verified (or, never verified, created) longer ago than that. One rule, in Java and in SQL.
 */
public final class Staleness {

    /**
     * The rule as a SQL condition on the {@code entries} table (times in epoch milliseconds), with one parameter:
     * now in epoch milliseconds.
     */
    public static final String SQL = "(verify_every_days > 0 AND COALESCE(verified_at, created_at) + "
            + "CAST(verify_every_days AS BIGINT) * 86400000 < ?)";

    private static final long DAY_SECONDS = 86_400L;

    private Staleness() {
    }

    /** The moment the entry turns stale; {@code null} when it never does (no interval, or no date to count from). */
    public static Instant dueAt(Instant verifiedAt, Instant createdAt, int verifyEveryDays) {
        Instant since = verifiedAt != null ? verifiedAt : createdAt;
        if (since == null || verifyEveryDays <= 0) return null;
        return since.plusSeconds(verifyEveryDays * DAY_SECONDS);
    }

    /** True when the entry is stale at {@code now}. */
    public static boolean isStale(Instant verifiedAt, Instant createdAt, int verifyEveryDays, Instant now) {
        Instant due = dueAt(verifiedAt, createdAt, verifyEveryDays);
        return due != null && due.isBefore(now);
    }
}
