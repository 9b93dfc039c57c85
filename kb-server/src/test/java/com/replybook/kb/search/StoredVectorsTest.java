package com.replybook.kb.search;

import com.replybook.kb.db.Database;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vectors are stored with the entry in the database, on SQLite and on PostgreSQL, so rebuilds never re-embed. */
class StoredVectorsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aRebuildReusesStoredVectorsAndAChangedTextIsEmbeddedAgain(DbTarget target) throws Exception {
        try (Database db = Database.open(target.freshUrl(dir), target.user(), null)) {
            AtomicInteger embedded = new AtomicInteger();
            MemoryFeed feed = TestCorpus.feed();
            try (StoredVectors vectors = new StoredVectors(new VectorStore(db), e -> {
                embedded.incrementAndGet();
                return new float[]{0.6f, 0.8f};
            })) {
                try (EntryIndex index = EntryIndex.open(dir.resolve("index"), feed, vectors)) {
                    vectors.onEmbedded(index::reindex);
                    assertTrue(index.awaitReady(Duration.ofSeconds(30)));
                    awaitCount(embedded, TestCorpus.ENTRIES.size());
                }
                Entry first = TestCorpus.ENTRIES.get(0);
                assertArrayEquals(new float[]{0.6f, 0.8f}, vectors.storedVectorOf(first));

                try (var files = java.nio.file.Files.list(dir.resolve("index"))) {
                    for (Path f : files.toList()) java.nio.file.Files.delete(f); // index missing: rebuild
                }
                try (EntryIndex index = EntryIndex.open(dir.resolve("index"), feed, vectors)) {
                    assertTrue(index.awaitReady(Duration.ofSeconds(30)));
                    Thread.sleep(200);
                    assertEquals(TestCorpus.ENTRIES.size(), embedded.get(), "rebuild must not re-embed");
                }
                assertNull(vectors.storedVectorOf(MemoryFeed.withProblem(first, "changed text")));
            }
        }
    }

    private static void awaitCount(AtomicInteger n, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (n.get() < expected && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(expected, n.get());
    }
}
