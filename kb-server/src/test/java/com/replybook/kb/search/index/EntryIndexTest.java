package com.replybook.kb.search.index;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryFeed;
import com.replybook.kb.search.EntrySearcher;
import com.replybook.kb.search.SearchHit;
import com.replybook.kb.search.SearchRequest;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.EntryVectors;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryIndexTest {

    @TempDir
    Path dir;

    /** Vectors of {@link Embedders}' models as far as the index can tell; the models are not the point here. */
    private static final EntryVectors HYBRID = entry -> null;

    private EntryIndex open(EntryFeed feed) throws InterruptedException {
        return open(feed, EntryVectors.NONE);
    }

    private EntryIndex open(EntryFeed feed, EntryVectors vectors) throws InterruptedException {
        EntryIndex index = EntryIndex.open(dir, feed, vectors);
        assertTrue(index.awaitReady(Duration.ofSeconds(30)), "index ready");
        return index;
    }

    /** Replaces the user data of the index's last commit, as an older or differently configured server left it. */
    private void commitUserData(Map<String, String> data) throws Exception {
        try (var d = FSDirectory.open(dir);
             var w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
    }

    private static int segments(EntryIndex index) throws Exception {
        IndexSearcher s = index.searchers().acquire();
        try {
            return s.getIndexReader().leaves().size();
        } finally {
            index.searchers().release(s);
        }
    }

    private static void awaitOneSegment(EntryIndex index) throws Exception {
        for (int i = 0; i < 100; i++) {
            index.refresh();
            if (segments(index) == 1) return;
            Thread.sleep(100);
        }
        throw new AssertionError("not merged into one segment within 10 s");
    }

    /** Waits for the merges under way (after a rebuild: into one segment, building the graphs) to finish. */
    static void awaitMerged(EntryIndex index) throws Exception {
        for (int i = 0; i < 600 && index.merging(); i++) Thread.sleep(100);
        assertFalse(index.merging(), "merged within 60 s");
        index.refresh();
    }

    private static List<String> keys(EntryIndex index, String q) {
        return EntrySearcher.over(index).search(SearchRequest.of(q, 10)).hits().stream().map(SearchHit::key).toList();
    }

    @Test
    void missingIndexIsBuiltFromTheStore() throws Exception {
        try (EntryIndex index = open(TestCorpus.feed())) {
            assertEquals(EntryIndex.Opening.MISSING, index.opening());
            assertEquals(TestCorpus.ENTRIES.size(), index.searchers().acquire().getIndexReader().numDocs());
            assertEquals(TestCorpus.ENTRIES.size(), index.appliedSeq());
        }
    }

    @Test
    void rebuiltIndexIsOneSegmentSortedByLocaleAndStatusThenKey() throws Exception {
        try (EntryIndex index = open(TestCorpus.feed())) {
            awaitOneSegment(index); // a lexical index is merged in the background once searchable
            IndexSearcher s = index.searchers().acquire();
            try {
                List<LeafReaderContext> leaves = s.getIndexReader().leaves();
                assertEquals(1, leaves.size());
                var sort = leaves.get(0).reader().getMetaData().sort();
                assertEquals(SearchFields.SCOPE, sort.getSort()[0].getField());
                SortedDocValues scopes = DocValues.getSorted(leaves.get(0).reader(), SearchFields.SCOPE);
                SortedDocValues keys = DocValues.getSorted(leaves.get(0).reader(), SearchFields.KEY);
                String previous = "";
                String previousKey = "";
                for (int doc = 0; doc < leaves.get(0).reader().maxDoc(); doc++) {
                    assertTrue(scopes.advanceExact(doc));
                    String scope = scopes.lookupOrd(scopes.ordValue()).utf8ToString();
                    assertTrue(scope.compareTo(previous) >= 0, scope + " after " + previous);
                    if (scope.equals(previous)) {
                        assertTrue(keys.advanceExact(doc));
                        String key = keys.lookupOrd(keys.ordValue()).utf8ToString();
                        assertTrue(key.compareTo(previousKey) > 0, "within a scope by key: " + key + " after " + previousKey);
                        previousKey = key;
                    } else {
                        assertTrue(keys.advanceExact(doc));
                        previousKey = keys.lookupOrd(keys.ordValue()).utf8ToString();
                    }
                    previous = scope;
                }
            } finally {
                index.searchers().release(s);
            }
        }
    }

    @Test
    void reopenedIndexCatchesUpWithChangesMadeWhileClosed() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        try (EntryIndex index = open(feed)) {
            assertEquals(List.of("signed-not-received"), keys(index, "驿站").subList(0, 1));
        }
        feed.silent(true);
        Entry first = TestCorpus.ENTRIES.get(0);
        feed.put(MemoryFeed.withProblem(first, "海关清关延误"));
        feed.delete("wrong-item");
        feed.silent(false);
        try (EntryIndex index = open(new ReplayingFeed(feed))) {
            assertEquals(EntryIndex.Opening.REUSED, index.opening());
            assertEquals("logistics-stuck", keys(index, "海关清关").get(0));
            assertTrue(keys(index, "发错货").stream().noneMatch("wrong-item"::equals));
        }
    }

    @Test
    void storeWritesBecomeSearchableThroughTheListener() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        try (EntryIndex index = open(feed)) {
            feed.put(MemoryFeed.entry("invoice", "zh-CN", "售后/发票", "怎么开发票", List.of("我要开增值税发票"),
                    "", "发票会在三个工作日内开好。"));
            index.refresh();
            assertEquals("invoice", keys(index, "增值税发票").get(0));
        }
    }

    @Test
    void writesBecomeVisibleWithinOneSecondWithoutExplicitRefresh() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        try (EntryIndex index = open(feed)) {
            feed.put(MemoryFeed.entry("price-drop", "zh-CN", "售后/价保", "刚买就降价了", List.of("买完就降价"),
                    "", "我们为您申请价保。"));
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (keys(index, "降价").isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals("price-drop", keys(index, "降价").get(0));
        }
    }

    @Test
    void corruptIndexIsRebuilt() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        open(feed).close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (int i = bytes.length / 2; i < bytes.length; i++) bytes[i] ^= 0x5a;
                Files.write(f, bytes);
            }
        }
        try (EntryIndex index = open(feed)) {
            assertEquals(EntryIndex.Opening.CORRUPT, index.opening());
            assertEquals("wrong-item", keys(index, "发错货").get(0));
        }
    }

    @Test
    void anIndexAheadOfItsDatabaseIsRebuiltAsAfterRestoringAnOlderBackup() throws Exception {
        MemoryFeed before = TestCorpus.feed();
        before.put(MemoryFeed.entry("written-after-backup", "zh-CN", "售后/发票", "怎么开增值税发票", List.of("开发票"),
                "财务流程", "您好，发票会在三个工作日内开具。"));
        open(before).close();
        MemoryFeed restored = TestCorpus.feed();
        try (EntryIndex index = open(restored)) {
            assertEquals(EntryIndex.Opening.AHEAD_OF_STORE, index.opening());
            assertEquals(TestCorpus.ENTRIES.size(), index.searchers().acquire().getIndexReader().numDocs());
            assertFalse(keys(index, "增值税发票").contains("written-after-backup"), "an entry the database no longer has");
        }
    }

    @Test
    void indexOfAnOlderSchemaIsRebuilt() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        open(feed).close();
        commitUserData(Map.of(EntryIndex.SCHEMA_KEY, "0", EntryIndex.MODELS_KEY, "none", EntryIndex.SEQ_KEY, "9"));
        try (EntryIndex index = open(feed)) {
            assertEquals(EntryIndex.Opening.OLD_SCHEMA, index.opening());
            assertEquals(TestCorpus.ENTRIES.size(), index.searchers().acquire().getIndexReader().numDocs());
        }
    }

    @Test
    void indexOfOtherModelsIsRebuiltAndOneOfTheSameModelsIsReused() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        open(feed, HYBRID).close();
        try (EntryIndex index = open(feed, HYBRID)) {
            assertEquals(EntryIndex.Opening.REUSED, index.opening());
        }
        // Another English model of the same dimensions: nothing but the recorded identifiers tells them apart.
        commitUserData(Map.of(EntryIndex.SCHEMA_KEY, Integer.toString(EntryIndex.SCHEMA_VERSION),
                EntryIndex.MODELS_KEY, "ZH=bge-small-zh-v1.5-q EN=paraphrase-minilm-l3-v2",
                EntryIndex.SEQ_KEY, Integer.toString(TestCorpus.ENTRIES.size())));
        try (EntryIndex index = open(feed, HYBRID)) {
            assertEquals(EntryIndex.Opening.OTHER_MODELS, index.opening());
            assertEquals(TestCorpus.ENTRIES.size(), index.searchers().acquire().getIndexReader().numDocs());
        }
        try (EntryIndex index = open(feed, HYBRID)) {
            assertEquals(EntryIndex.Opening.REUSED, index.opening(), "the rebuilt index records the models");
        }
    }

    @Test
    void turningSemanticSearchOnOrOffRebuildsTheIndexOnce() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        open(feed).close();
        try (EntryIndex index = open(feed)) {
            assertEquals(EntryIndex.Opening.REUSED, index.opening(), "lexical-only servers reuse their index");
        }
        try (EntryIndex index = open(feed, HYBRID)) {
            assertEquals(EntryIndex.Opening.OTHER_MODELS, index.opening(), "no entry has vectors yet");
        }
        try (EntryIndex index = open(feed)) {
            assertEquals(EntryIndex.Opening.OTHER_MODELS, index.opening(), "vectors nobody searches");
        }
        try (EntryIndex index = open(feed)) {
            assertEquals(EntryIndex.Opening.REUSED, index.opening());
        }
    }

    @Test
    void indexCommittedBeforeModelsWereRecordedIsRebuilt() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        open(feed).close();
        commitUserData(Map.of(EntryIndex.SCHEMA_KEY, Integer.toString(EntryIndex.SCHEMA_VERSION),
                EntryIndex.SEQ_KEY, Integer.toString(TestCorpus.ENTRIES.size())));
        try (EntryIndex index = open(feed)) {
            assertEquals(EntryIndex.Opening.OTHER_MODELS, index.opening());
        }
    }

    @Test
    void closeCommitsSchemaVersionModelsAndSeq() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        open(feed, HYBRID).close();
        try (var d = FSDirectory.open(dir); var r = DirectoryReader.open(d)) {
            Map<String, String> data = r.getIndexCommit().getUserData();
            assertEquals(Integer.toString(EntryIndex.SCHEMA_VERSION), data.get(EntryIndex.SCHEMA_KEY));
            assertEquals("ZH=bge-small-zh-v1.5-q EN=all-minilm-l6-v2-q+bge-small-en-v1.5-q", data.get(EntryIndex.MODELS_KEY));
            assertEquals(Integer.toString(TestCorpus.ENTRIES.size()), data.get(EntryIndex.SEQ_KEY));
        }
    }

    /**
     * A rebuild writes its segments without HNSW graphs and builds the graph in its final merge, in the background:
     * the index finds each entry's own vector first as soon as it is ready (by comparing with every vector until the
     * graph exists), and the merged index has one graph over every vector.
     */
    @Test
    void rebuiltIndexHasOneGraphOverEveryVector() throws Exception {
        int entries = 1000;
        VectorLibrary library = VectorLibrary.of(entries, 7);
        try (EntryIndex index = open(library.feed(), library.stored())) {
            for (String key : List.of("vec-1", "vec-998")) {
                assertEquals(key, library.nearest(index, key), "nearest vector as soon as ready");
            }
            awaitMerged(index);
            IndexSearcher s = index.searchers().acquire();
            try {
                List<LeafReaderContext> leaves = s.getIndexReader().leaves();
                assertEquals(1, leaves.size());
                var perField = (org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat.FieldsReader)
                        ((CodecReader) FilterLeafReader.unwrap(leaves.get(0).reader())).getVectorReader();
                var graphs = (org.apache.lucene.codecs.hnsw.HnswGraphProvider)
                        perField.getFieldReader(Embedders.Space.EN.field);
                assertEquals(entries, graphs.getGraph(Embedders.Space.EN.field).size(), "nodes in the graph");
                for (String key : List.of("vec-0", "vec-499", "vec-999")) {
                    var top = s.search(library.nearestTo(key, 5), 5);
                    assertTrue(top.totalHits.value() < entries, "the graph was searched, not every vector");
                    assertEquals(key, HitCard.of(s, top.scoreDocs[0].doc).key());
                }
            } finally {
                index.searchers().release(s);
            }
        }
    }

    /** Every document has a length norm in every text field, even without a cause or actions (dense norms). */
    @Test
    void textFieldsHaveANormInEveryDocument() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        feed.put(MemoryFeed.entry("no-cause", "en", "shipping", "Parcel late", List.of("where is it"), "", "Sorry."));
        try (EntryIndex index = open(feed)) {
            IndexSearcher s = index.searchers().acquire();
            try {
                for (LeafReaderContext context : s.getIndexReader().leaves()) {
                    var leaf = context.reader();
                    for (String field : List.of(SearchFields.PROBLEM, SearchFields.QUESTIONS, SearchFields.CAUSE,
                            SearchFields.words(SearchFields.CAUSE), SearchFields.SCRIPT, SearchFields.ACTIONS)) {
                        var norms = leaf.getNormValues(field);
                        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                            assertTrue(norms.advanceExact(doc), field + " norm of document " + doc);
                        }
                    }
                }
                assertEquals("no-cause", keys(index, "parcel late").get(0), "still found first by its problem");
                assertEquals(0, s.count(new org.apache.lucene.search.TermQuery(
                        new org.apache.lucene.index.Term(SearchFields.CAUSE, ""))), "the empty field adds no term");
            } finally {
                index.searchers().release(s);
            }
        }
    }

    /** Entries written one by one leave small segments; once they are a tenth of the index it is merged again. */
    @Test
    void aScatteredIndexIsMergedIntoOneSegment() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        try (EntryIndex index = open(feed)) {
            awaitOneSegment(index);
            for (int i = 0; i < 30; i++) {
                feed.put(MemoryFeed.entry("extra-" + i, "zh-CN", "物流/延误", "包裹延误 " + i, List.of("快递慢 " + i),
                        "天气", "亲，我们马上为您催促。"));
                index.refresh(); // each refresh writes a small segment
            }
            assertTrue(segments(index) > 1, "scattered over several segments");
            index.mergeIfScattered();
            awaitOneSegment(index);
            assertEquals("extra-7", keys(index, "包裹延误 7").get(0));
        }
    }

    @Test
    void lastSeqIsFoundByBisection() {
        MemoryFeed feed = new MemoryFeed();
        assertEquals(0, FeedPositions.lastSeq(feed));
        for (int i = 1; i <= 37; i++) {
            feed.put(TestCorpus.ENTRIES.get(0));
            assertEquals(i, FeedPositions.lastSeq(feed));
        }
    }

    /** A view of a feed whose listeners are its own, so a reopened index does not share the old one's. */
    private record ReplayingFeed(MemoryFeed delegate) implements com.replybook.kb.entries.EntryFeed {
        @Override
        public void forEachEntry(java.util.function.Consumer<Entry> sink) {
            delegate.forEachEntry(sink);
        }

        @Override
        public List<com.replybook.kb.entries.EntryChange> changesSince(long afterSeq, int limit) {
            return delegate.changesSince(afterSeq, limit);
        }

        @Override
        public java.util.Optional<Entry> find(String id) {
            return delegate.find(id);
        }

        @Override
        public void addListener(java.util.function.Consumer<com.replybook.kb.entries.EntryChange> l) {
        }
    }
}
