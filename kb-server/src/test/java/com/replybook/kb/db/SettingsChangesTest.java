package com.replybook.kb.db;

import com.replybook.kb.testing.TestDatabases.DbTarget;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes (two pools and two feeds on one database, as two servers have): a change written through one is applied
 * by the other when it polls, by the writer at once, and a reload that fails is retried.
 */
class SettingsChangesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aChangeWrittenOnOneNodeIsAppliedOnTheOtherAtItsNextPoll(DbTarget target) {
        String url = target.freshUrl(dir);
        try (Database a = Database.open(url, target.user(), null); Database b = Database.open(url, target.user(), null);
             SettingsChanges onA = SettingsChanges.manual(a, Clock.systemUTC());
             SettingsChanges onB = SettingsChanges.manual(b, Clock.systemUTC())) {
            a.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("CREATE TABLE greeting (text VARCHAR(20))");
                }
            });
            SharedValue<String> greetingOnA = onA.value("test.greeting", () -> greeting(a));
            SharedValue<String> greetingOnB = onB.value("test.greeting", () -> greeting(b));
            AtomicInteger otherKindLoads = new AtomicInteger();
            onB.subscribe("test.other", otherKindLoads::incrementAndGet);
            assertEquals("none", greetingOnB.get());

            onA.write("test.greeting", c -> setGreeting(c, "你好"));
            assertEquals("你好", greetingOnA.get(), "the writing node applies it before write returns");
            assertEquals("none", greetingOnB.get(), "the other node keeps its value until it polls");
            onB.poll();
            assertEquals("你好", greetingOnB.get());
            assertEquals(1, otherKindLoads.get(), "a kind that did not change is not reloaded");
            onB.poll();
            assertEquals(1, otherKindLoads.get());
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aReloadThatFailsIsRetriedAtTheNextPoll(DbTarget target) {
        try (Database db = Database.open(target.freshUrl(dir), target.user(), null);
             SettingsChanges writer = SettingsChanges.manual(db, Clock.systemUTC());
             SettingsChanges reader = SettingsChanges.manual(db, Clock.systemUTC())) {
            AtomicBoolean failing = new AtomicBoolean();
            AtomicInteger applied = new AtomicInteger();
            reader.subscribe("test.flaky", () -> {
                if (failing.get()) throw new IllegalStateException("database busy");
                applied.incrementAndGet();
            });
            writer.write("test.flaky", c -> 0);
            failing.set(true);
            reader.poll();
            assertEquals(1, applied.get());
            failing.set(false);
            reader.poll();
            assertEquals(2, applied.get(), "retried");
            reader.poll();
            assertEquals(2, applied.get(), "and not again once applied");
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aPollingFeedAppliesOtherNodesChangesWithinItsInterval(DbTarget target) throws InterruptedException {
        String url = target.freshUrl(dir);
        try (Database a = Database.open(url, target.user(), null); Database b = Database.open(url, target.user(), null);
             SettingsChanges onA = SettingsChanges.manual(a, Clock.systemUTC());
             SettingsChanges onB = SettingsChanges.polling(b, Clock.systemUTC(), Duration.ofMillis(100))) {
            SharedValue<Long> version = onB.value("test.polled", () -> onB.versions().getOrDefault("test.polled", 0L));
            onA.write("test.polled", c -> 0);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (version.get() != 1L && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(1L, version.get());
        }
    }

    private static String greeting(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT text FROM greeting"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        });
    }

    private static int setGreeting(java.sql.Connection c, String text) throws java.sql.SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM greeting");
             PreparedStatement ins = c.prepareStatement("INSERT INTO greeting (text) VALUES (?)")) {
            del.executeUpdate();
            ins.setString(1, text);
            return ins.executeUpdate();
        }
    }
}
