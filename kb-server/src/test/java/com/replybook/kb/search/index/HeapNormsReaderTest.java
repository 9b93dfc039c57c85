package com.replybook.kb.search.index;

import com.replybook.kb.search.semantic.EntryVectors;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapNormsReaderTest {

    @TempDir
    Path dir;

    private static final String[] WORDS = {"parcel", "refund", "late", "broken", "courier", "size", "colour", "box"};

    /** Documents of random lengths; {@code note} only in every third one (sparse norms). */
    private static void fill(IndexWriter writer, int from, int to) throws Exception {
        Random random = new Random(from);
        for (int i = from; i < to; i++) {
            Document doc = new Document();
            StringBuilder body = new StringBuilder();
            for (int w = 1 + random.nextInt(40); w > 0; w--) body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            doc.add(new TextField("body", body.toString(), Field.Store.NO));
            if (i % 3 == 0) doc.add(new TextField("note", WORDS[i % WORDS.length] + " note " + i, Field.Store.NO));
            writer.addDocument(doc);
        }
    }

    private static Query query() {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : new String[]{"parcel", "late", "box"}) b.add(new TermQuery(new Term("body", w)), Occur.SHOULD);
        b.add(new TermQuery(new Term("note", "refund")), Occur.SHOULD);
        return b.build();
    }

    @Test
    void scoresAreThoseOfTheIndexNorms() throws Exception {
        try (var d = FSDirectory.open(dir); var writer = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            fill(writer, 0, 500);
            writer.commit();
            fill(writer, 500, 900); // a second segment
            writer.commit();
            try (DirectoryReader plain = DirectoryReader.open(d);
                 DirectoryReader heap = new HeapNormsReader(DirectoryReader.open(d))) {
                assertEquals(2, heap.leaves().size());
                TopDocs expected = new IndexSearcher(plain).search(query(), 900);
                TopDocs actual = new IndexSearcher(heap).search(query(), 900);
                assertTrue(expected.scoreDocs.length > 100, "enough hits to compare");
                assertEquals(expected.scoreDocs.length, actual.scoreDocs.length);
                for (int i = 0; i < expected.scoreDocs.length; i++) {
                    ScoreDoc e = expected.scoreDocs[i], a = actual.scoreDocs[i];
                    assertEquals(e.doc, a.doc, "hit " + i);
                    assertEquals(e.score, a.score, 0f, "score of hit " + i);
                }
                LeafReader leaf = heap.leaves().get(0).reader();
                assertInstanceOf(HeapNormsReader.OnHeap.class, leaf.getNormValues("body"), "dense norms on the heap");
                assertFalse(leaf.getNormValues("note") instanceof HeapNormsReader.OnHeap, "sparse norms stay in the index");
            }
        }
    }

    @Test
    void heapNormsGoWithTheirSegment() throws Exception {
        try (var d = FSDirectory.open(dir); var writer = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            fill(writer, 0, 100);
            writer.commit();
            IndexReader.CacheKey core;
            try (DirectoryReader heap = new HeapNormsReader(DirectoryReader.open(d))) {
                LeafReader leaf = heap.leaves().get(0).reader();
                core = leaf.getCoreCacheHelper().getKey();
                leaf.getNormValues("body");
                assertTrue(HeapNormsReader.cached(core));
                // A reopened reader over the same segment shares its core and so its norms.
                fill(writer, 100, 110);
                writer.commit();
                try (DirectoryReader reopened = DirectoryReader.openIfChanged(heap)) {
                    assertInstanceOf(HeapNormsReader.class, reopened);
                    assertEquals(core, reopened.leaves().get(0).reader().getCoreCacheHelper().getKey());
                    assertEquals(110, reopened.numDocs());
                }
                assertTrue(HeapNormsReader.cached(core), "still open in the first reader");
            }
            assertFalse(HeapNormsReader.cached(core), "dropped when the segment closed");
        }
    }

    /** The index's searchers read norms from the heap. */
    @Test
    void entryIndexSearchesWithHeapNorms() throws Exception {
        try (EntryIndex index = EntryIndex.open(dir, TestCorpus.feed(), EntryVectors.NONE)) {
            assertTrue(index.awaitReady(java.time.Duration.ofSeconds(30)));
            IndexSearcher s = index.searchers().acquire();
            try {
                assertInstanceOf(HeapNormsReader.class, s.getIndexReader());
                assertInstanceOf(HeapNormsReader.OnHeap.class,
                        s.getIndexReader().leaves().get(0).reader().getNormValues(SearchFields.QUESTIONS));
            } finally {
                index.searchers().release(s);
            }
        }
    }
}
