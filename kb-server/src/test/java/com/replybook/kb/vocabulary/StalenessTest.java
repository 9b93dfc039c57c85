package com.replybook.kb.vocabulary;

import com.replybook.kb.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StalenessTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant VERIFIED = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void anEntryIsStaleOnceItsIntervalHasPassedSinceItsLastVerification() {
        assertFalse(Staleness.isStale(VERIFIED, CREATED, 30, VERIFIED.plus(Duration.ofDays(30))));
        assertTrue(Staleness.isStale(VERIFIED, CREATED, 30, VERIFIED.plus(Duration.ofDays(30)).plusMillis(1)));
        assertEquals(VERIFIED.plus(Duration.ofDays(30)), Staleness.dueAt(VERIFIED, CREATED, 30));
    }

    @Test
    void aNeverVerifiedEntryCountsFromItsCreationAndNoIntervalMeansNeverStale() {
        assertTrue(Staleness.isStale(null, CREATED, 30, CREATED.plus(Duration.ofDays(31))));
        assertFalse(Staleness.isStale(null, CREATED, 0, CREATED.plus(Duration.ofDays(3650))));
        assertNull(Staleness.dueAt(null, CREATED, 0));
        assertNull(Staleness.dueAt(null, null, 30));
    }

    @Test
    void theSqlRuleAgreesWithTheJavaRule(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null);
             Connection c = db.connection()) {
            c.createStatement().execute("CREATE TABLE t (verified_at BIGINT, created_at BIGINT, verify_every_days INT)");
            Object[][] rows = {{VERIFIED, CREATED, 30}, {null, CREATED, 30}, {null, CREATED, 0}, {VERIFIED, CREATED, 200}};
            for (Instant now : new Instant[]{VERIFIED.plus(Duration.ofDays(31)), CREATED.plus(Duration.ofDays(400))}) {
                for (Object[] row : rows) {
                    c.createStatement().execute("DELETE FROM t");
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                        ps.setObject(1, row[0] == null ? null : ((Instant) row[0]).toEpochMilli());
                        ps.setLong(2, ((Instant) row[1]).toEpochMilli());
                        ps.setInt(3, (Integer) row[2]);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM t WHERE " + Staleness.SQL)) {
                        ps.setLong(1, now.toEpochMilli());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            boolean expected = Staleness.isStale((Instant) row[0], (Instant) row[1], (Integer) row[2], now);
                            assertEquals(expected ? 1 : 0, rs.getInt(1), "row " + Arrays.toString(row) + " at " + now);
                        }
                    }
                }
            }
        }
    }
}
