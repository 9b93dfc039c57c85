package com.replybook.kb.search.semantic;

import com.replybook.kb.db.Database;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.MemoryFeed;
import com.replybook.kb.search.index.SearchFields;
import com.replybook.kb.search.index.TestCorpus;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vectors are stored with the entry in the database, on SQLite and on PostgreSQL, so rebuilds never re-embed; they
 * are reused only for the text and the model they were computed from.
 */
class StoredVectorsTest {

    static final float[] CENTROID = {0.6f, 0.8f};
    static final byte[] EXAMPLES = ExampleVectors.pack(List.of(new float[]{1f, 0f}, new float[]{0f, 1f}));

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aRebuildReusesStoredVectorsAndAChangedTextIsEmbeddedAgain(DbTarget target) throws Exception {
        try (Database db = Database.open(target.freshUrl(dir), target.user(), null)) {
            AtomicInteger embedded = new AtomicInteger();
            MemoryFeed feed = TestCorpus.feed();
            Entry first = TestCorpus.ENTRIES.get(0);
            try (StoredVectors vectors = counting(new VectorStore(db), embedded, feed)) {
                try (EntryIndex index = EntryIndex.open(dir.resolve("index"), feed, vectors)) {
                    vectors.onEmbedded(index::reindex);
                    assertTrue(index.awaitReady(Duration.ofSeconds(30)));
                    awaitCount(embedded, TestCorpus.ENTRIES.size());
                }
                EntryEmbedding stored = vectors.storedVectorOf(first);
                assertArrayEquals(CENTROID, stored.centroid());
                assertArrayEquals(EXAMPLES, stored.examples());

                try (var files = java.nio.file.Files.list(dir.resolve("index"))) {
                    for (Path f : files.toList()) java.nio.file.Files.delete(f); // index missing: rebuild
                }
                try (EntryIndex index = EntryIndex.open(dir.resolve("index"), feed, vectors)) {
                    assertTrue(index.awaitReady(Duration.ofSeconds(30)));
                    Thread.sleep(200);
                    assertEquals(TestCorpus.ENTRIES.size(), embedded.get(), "rebuild must not re-embed");
                    assertArrayEquals(EXAMPLES, indexedExamples(index, first), "examples indexed from the store");
                }
                assertNull(vectors.storedVectorOf(MemoryFeed.withProblem(first, "changed text")));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aCentroidStoredBeforeExampleVectorsServesUntilTheEntryIsReEmbedded(DbTarget target) throws Exception {
        try (Database db = Database.open(target.freshUrl(dir), target.user(), null)) {
            Entry entry = TestCorpus.ENTRIES.get(0);
            VectorStore store = new VectorStore(db);
            store.put(entry.id(), Embedders.Space.of(entry).model, VectorStore.hash(Embedders.entryText(entry)),
                    new EntryEmbedding(CENTROID, null)); // a row as written before migration V13
            AtomicInteger embedded = new AtomicInteger();
            try (StoredVectors vectors = counting(store, embedded)) {
                EntryEmbedding served = vectors.vectorOf(entry);
                assertNotNull(served, "the old centroid keeps serving");
                assertArrayEquals(CENTROID, served.centroid());
                awaitCount(embedded, 1);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (vectors.storedVectorOf(entry).examples() == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertArrayEquals(EXAMPLES, vectors.vectorOf(entry).examples());
                Thread.sleep(200);
                assertEquals(1, embedded.get(), "complete vectors are not embedded again");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aVectorOfAnotherModelIsNotReusedButEmbeddedAgain(DbTarget target) throws Exception {
        try (Database db = Database.open(target.freshUrl(dir), target.user(), null)) {
            Entry entry = TestCorpus.ENTRIES.get(0);
            VectorStore store = new VectorStore(db);
            // Same text, same dimensions: only the model identifier tells this vector from one of today's model.
            store.put(entry.id(), "bge-small-zh-v1.0", VectorStore.hash(Embedders.entryText(entry)),
                    new EntryEmbedding(new float[]{0.8f, 0.6f}, EXAMPLES));
            AtomicInteger embedded = new AtomicInteger();
            try (StoredVectors vectors = counting(store, embedded)) {
                assertNull(vectors.vectorOf(entry), "another model's vector is not indexed");
                awaitCount(embedded, 1);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (vectors.storedVectorOf(entry) == null && System.nanoTime() < deadline) Thread.sleep(20);
                assertEquals(Embedders.Space.of(entry).model, store.get(entry.id()).orElseThrow().model());
                assertArrayEquals(CENTROID, vectors.vectorOf(entry).centroid());
                Thread.sleep(200);
                assertEquals(1, embedded.get(), "the new model's vector is reused");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void vectorsStoredUnderTheSpaceNameAreReusedAfterMigration(DbTarget target) throws Exception {
        String url = target.freshUrl(dir);
        Entry zh = TestCorpus.ENTRIES.get(0);
        Entry en = TestCorpus.ENTRIES.stream().filter(e -> e.locale().equals("en")).findFirst().orElseThrow();
        Flyway.configure().dataSource(url, target.user(), null)
                .locations("classpath:db/migration/common",
                        "classpath:db/migration/" + target.name().toLowerCase(java.util.Locale.ROOT))
                .target("13").load().migrate();
        try (Connection c = DriverManager.getConnection(url, target.user(), null);
             PreparedStatement ps = c.prepareStatement("INSERT INTO entry_vectors (entry_id, model, text_hash, dims,"
                     + " vector, examples) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Entry e : List.of(zh, en)) { // as written before V14: model is the space's name
                ps.setString(1, e.id());
                ps.setString(2, Embedders.Space.of(e).name());
                ps.setString(3, VectorStore.hash(Embedders.entryText(e)));
                ps.setInt(4, CENTROID.length);
                ps.setBytes(5, VectorStore.encode(CENTROID));
                ps.setBytes(6, EXAMPLES);
                ps.executeUpdate();
            }
        }
        try (Database db = Database.open(url, target.user(), null)) {
            VectorStore store = new VectorStore(db);
            assertEquals("bge-small-zh-v1.5-q", store.get(zh.id()).orElseThrow().model());
            assertEquals("all-minilm-l6-v2-q", store.get(en.id()).orElseThrow().model(), "V14 names the model");
            AtomicInteger embedded = new AtomicInteger();
            try (StoredVectors vectors = counting(store, embedded)) {
                assertArrayEquals(EXAMPLES, vectors.vectorOf(zh).examples());
                Thread.sleep(200);
                assertEquals(0, embedded.get(), "the Chinese model is unchanged: nothing re-embedded");
                // The English space has since become MiniLM + bge-small-en: MiniLM's vectors are not reused.
                assertEquals(null, vectors.vectorOf(en));
                awaitCount(embedded, 1);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (vectors.storedVectorOf(en) == null && System.nanoTime() < deadline) Thread.sleep(20);
                assertEquals(Embedders.Space.EN.model, store.get(en.id()).orElseThrow().model());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aQueuedEntryIsLookedUpWhenItsTurnComes(DbTarget target) throws Exception {
        try (Database db = Database.open(target.freshUrl(dir), target.user(), null)) {
            MemoryFeed feed = TestCorpus.feed();
            Entry first = feed.find(TestCorpus.ENTRIES.get(0).id()).orElseThrow();
            Entry edited = feed.find(TestCorpus.ENTRIES.get(1).id()).orElseThrow();
            Entry deleted = feed.find(TestCorpus.ENTRIES.get(2).id()).orElseThrow();
            CountDownLatch busy = new CountDownLatch(1);
            List<String> embeddedProblems = new CopyOnWriteArrayList<>();
            try (StoredVectors vectors = new StoredVectors(new VectorStore(db), e -> {
                embeddedProblems.add(e.problem());
                if (e.id().equals(first.id())) {
                    try {
                        busy.await(); // the worker is busy: the others wait in the backlog
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                }
                return new EntryEmbedding(CENTROID, EXAMPLES);
            }, feed::find)) {
                vectors.vectorOf(first);
                vectors.vectorOf(edited);
                vectors.vectorOf(deleted);
                Entry newer = feed.put(MemoryFeed.withProblem(edited, "edited while it waited"));
                vectors.vectorOf(newer); // already queued: not queued twice
                feed.delete(deleted.id());
                busy.countDown();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (vectors.storedVectorOf(newer) == null && System.nanoTime() < deadline) Thread.sleep(20);
                Thread.sleep(200);
                assertEquals(List.of(first.problem(), "edited while it waited"), embeddedProblems);
                assertNull(vectors.storedVectorOf(deleted));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theBacklogKeepsAtMostItsCapacityOfIdsInMemoryAndASweepFindsTheRest() throws Exception {
        try (Database db = Database.open(DbTarget.SQLITE.freshUrl(dir), null, null)) {
            MemoryFeed feed = new MemoryFeed();
            List<Entry> entries = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                entries.add(feed.put(MemoryFeed.entry("bulk-" + i, "zh-CN", "物流/延误", "包裹第 " + i + " 天没动",
                        List.of("快递不动了 " + i), "中转站爆仓", "您好")));
            }
            CountDownLatch busy = new CountDownLatch(1);
            List<String> embeddedIds = new CopyOnWriteArrayList<>();
            try (StoredVectors vectors = new StoredVectors(new VectorStore(db), e -> {
                try {
                    busy.await(); // the worker is busy with the first entry: the rest pile up
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
                embeddedIds.add(e.id());
                return new EntryEmbedding(CENTROID, EXAMPLES);
            }, feed, 5)) {
                for (Entry e : entries) vectors.vectorOf(e);
                assertTrue(vectors.queued() <= 5, "at most the capacity in memory: " + vectors.queued());
                assertEquals(30, vectors.backlog(), "every entry counted, queued or not");
                assertEquals(30, vectors.pendingAmong(entries.stream().map(Entry::id).toList()));

                busy.countDown();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (vectors.backlog() > 0 && System.nanoTime() < deadline) {
                    assertTrue(vectors.queued() <= 5, "never more than the capacity: " + vectors.queued());
                    Thread.sleep(5);
                }
                assertEquals(0, vectors.backlog());
                assertEquals(30, embeddedIds.size(), "each entry embedded once: " + embeddedIds);
                assertEquals(30, new java.util.HashSet<>(embeddedIds).size());
                assertEquals(0, vectors.pendingAmong(entries.stream().map(Entry::id).toList()));
                for (Entry e : entries) assertNotNull(vectors.storedVectorOf(e));
            }
        }
    }

    /** Vectors whose "model" counts its calls and always answers {@code CENTROID} and {@code EXAMPLES}. */
    private static StoredVectors counting(VectorStore store, AtomicInteger embedded, MemoryFeed feed) {
        return new StoredVectors(store, e -> {
            embedded.incrementAndGet();
            return new EntryEmbedding(CENTROID, EXAMPLES);
        }, feed::find);
    }

    private static StoredVectors counting(VectorStore store, AtomicInteger embedded) {
        return counting(store, embedded, TestCorpus.feed());
    }

    private static byte[] indexedExamples(EntryIndex index, Entry entry) throws Exception {
        index.refresh();
        IndexSearcher s = index.searchers().acquire();
        try {
            int doc = s.search(new TermQuery(new Term(SearchFields.ID, entry.id())), 1).scoreDocs[0].doc;
            var leaf = s.getIndexReader().leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc,
                    s.getIndexReader().leaves()));
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), Embedders.Space.of(entry).examplesField);
            assertTrue(values.advanceExact(doc - leaf.docBase), "the document has example vectors");
            BytesRef b = values.binaryValue();
            return java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
        } finally {
            index.searchers().release(s);
        }
    }

    private static void awaitCount(AtomicInteger n, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (n.get() < expected && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(expected, n.get());
    }
}
