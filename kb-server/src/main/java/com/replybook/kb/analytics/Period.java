package com.replybook.kb.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The period insights cover: {@code days} whole days (UTC) ending with today, today included, so daily series
 * have one value per calendar day. E.g. 7 days at 2026-12-10T15:00Z run from 2026-12-04T00:00Z to that instant.
 *
 * @param from the start of the first day
 * @param to   now
 */
record Period(int days, Instant from, Instant to) {

    static final long DAY_MS = Duration.ofDays(1).toMillis();

    static Period lastDays(int days, Instant now) {
        LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L);
        return new Period(days, first.atStartOfDay(ZoneOffset.UTC).toInstant(), now);
    }

    long fromMillis() {
        return from.toEpochMilli();
    }

    /** The first day as days since 1970-01-01. */
    long firstEpochDay() {
        return Math.floorDiv(fromMillis(), DAY_MS);
    }

    /** Every day of the period, oldest first. */
    List<LocalDate> dates() {
        return LongStream.range(0, days).mapToObj(i -> LocalDate.ofEpochDay(firstEpochDay() + i)).toList();
    }

    /** SQL for the UTC day (days since 1970-01-01) of an epoch-millisecond {@code column}: integer division. */
    static String epochDayOf(String column) {
        return "(" + column + " / " + DAY_MS + ")";
    }

    /** A daily series of the period: {@code counts} by epoch day, 0 for days without. */
    List<Long> series(java.util.Map<Long, Long> counts) {
        return LongStream.range(0, days).mapToObj(i -> counts.getOrDefault(firstEpochDay() + i, 0L)).toList();
    }
}
