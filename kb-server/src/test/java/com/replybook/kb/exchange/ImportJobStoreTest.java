package com.replybook.kb.exchange;

import com.replybook.kb.db.Database;
import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Import jobs in the database, on SQLite and PostgreSQL: what one node writes, another reads; a job whose node stopped
 * writing its heartbeat is reported as interrupted (an import can resume, a check cannot), never as running forever.
 */
class ImportJobStoreTest {

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static ImportRow create(int number, String key) {
        EntryDraft d = new EntryDraft(key, "zh-CN", "物流/延误", List.of(), "包裹没动", List.of(), "", "您好", "", "",
                List.of(), List.of(), EntryStatus.DRAFT, null, 90);
        return new ImportRow(number, key, RowAction.CREATE, d, 0, false, false, List.of(), List.of());
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void anImportWhoseNodeStoppedIsReportedAsInterruptedAndCanBeResumed(DbTarget target) {
        try (Database db = Database.open(target.freshUrl(dir), target.user(), null)) {
            MovableClock clock = new MovableClock();
            ImportJobStore thisNode = new ImportJobStore(db, clock);
            ImportJobStore otherNode = new ImportJobStore(db, clock);
            ImportJob job = thisNode.create("job-1", "faq.csv", "u1", "editor");
            thisNode.addRows(job.id(), 0, List.of(create(2, "a.zh-cn"), create(3, "b.zh-cn")));
            thisNode.finish(job.id(), ImportJob.Phase.READY, null);
            assertTrue(thisNode.startImport(job.id()));
            assertFalse(otherNode.startImport(job.id()), "an import runs once");
            thisNode.recordOutcomes(job.id(), Map.of(0, new ImportWriter.Written(create(2, "a.zh-cn"),
                    ImportWriter.Outcome.CREATED, null, null)), 1, 2);

            clock.advance(Duration.ofSeconds(10));
            ImportJob running = otherNode.find(job.id()).orElseThrow();
            assertEquals(ImportJob.Phase.IMPORTING, running.phase(), "another node sees it running");
            assertEquals(50, running.percent());

            clock.advance(ImportJobStore.HEARTBEAT_TIMEOUT); // the node stopped: no heartbeat since
            ImportJob stopped = otherNode.find(job.id()).orElseThrow();
            assertEquals(ImportJob.Phase.INTERRUPTED, stopped.phase());
            assertEquals("interrupted-import", stopped.problem());
            assertEquals(ImportJob.Phase.INTERRUPTED, thisNode.find(job.id()).orElseThrow().phase(), "stored so");

            assertTrue(otherNode.startImport(job.id()), "an interrupted import can be resumed");
            ImportJob resumed = otherNode.find(job.id()).orElseThrow();
            assertEquals(1, resumed.done(), "the row imported before counts as done");
            assertEquals(List.of(1), otherNode.openRows(job.id(), -1, 10).stream().map(ImportJobStore.OpenRow::position).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aCheckWhoseNodeStoppedIsRejectedAndAHeartbeatKeepsAJobAlive(DbTarget target) {
        try (Database db = Database.open(target.freshUrl(dir), target.user(), null)) {
            MovableClock clock = new MovableClock();
            ImportJobStore store = new ImportJobStore(db, clock);
            ImportJob alive = store.create("alive", "big.xlsx", "u1", "editor");
            ImportJob dead = store.create("dead", "big.xlsx", "u1", "editor");
            for (int i = 0; i < 7; i++) { // 35 s: more than the timeout
                clock.advance(ImportJobStore.HEARTBEAT);
                store.heartbeat(List.of(alive.id()));
            }
            assertEquals(ImportJob.Phase.VALIDATING, store.find(alive.id()).orElseThrow().phase());
            ImportJob rejected = store.find(dead.id()).orElseThrow();
            assertEquals(ImportJob.Phase.REJECTED, rejected.phase());
            assertEquals("interrupted-check", rejected.problem());
            assertEquals(List.of("alive", "dead"), store.recent("u1", 10).stream().map(ImportJob::id).sorted().toList());
            assertFalse(store.startImport(dead.id()), "a check cannot be resumed: the file is not kept");
        }
    }
}
