package com.replybook.kb.search.ranking;

import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.MemoryFeed;
import com.replybook.kb.search.index.SearchFields;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.EntryVectors;
import com.replybook.kb.search.semantic.WithinEntryWhitening;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.replybook.kb.search.semantic.HandMadeVectors.WHITENED_EN;
import static com.replybook.kb.search.semantic.HandMadeVectors.fixed;
import static com.replybook.kb.search.semantic.HandMadeVectors.putFillers;
import static com.replybook.kb.search.semantic.HandMadeVectors.putTheTwoEntries;
import static com.replybook.kb.search.semantic.HandMadeVectors.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rescoring of candidates over an index of hand-made English vectors (no model involved). */
public class NearestExamplesTest {

    @TempDir
    Path dir;

    /**
     * Twelve filler entries whose phrasings differ along axis 0 (the "wording" direction), an entry about axis 1
     * and one whose phrasings lean on axis 0 and 2. A query that is mostly axis 0 is nearer the latter by cosine;
     * once axis 0, which only tells phrasings apart, is damped, the entry about axis 1 ranks first.
     */
    @Test
    void englishQueriesAreRankedInTheWhitenedSpaceAndJudgedOnPlainCosines() throws Exception {
        Map<String, List<float[]>> vectors = new HashMap<>();
        MemoryFeed feed = new MemoryFeed();
        putFillers(feed, vectors, 0, 12);
        putTheTwoEntries(feed, vectors);
        EntryVectors fixed = fixed(vectors);
        try (EntryIndex index = EntryIndex.open(dir, feed, fixed, WHITENED_EN)) {
            assertTrue(index.awaitReady(Duration.ofMinutes(1)));
            assertTrue(index.whitening().awaitFits(Duration.ofMinutes(1)));
            IndexSearcher s = index.searchers().acquire();
            try {
                float[] query = unit(0.6f, 0.5f, 0.25f, 0, 0, 0, 0, 0);
                TopDocs all = s.search(new MatchAllDocsQuery(), 100);
                TopDocs none = new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
                TopDocs ranking = new NearestExamples(index.whitening()).rescore(s, Embedders.Space.EN, query, none, all);
                assertEquals(14, ranking.scoreDocs.length);
                assertEquals("axis-1", key(s, ranking.scoreDocs[0].doc));
                int byCosine = -1;
                float best = Float.NEGATIVE_INFINITY;
                for (ScoreDoc d : all.scoreDocs) {
                    float cosine = NearestExamples.cosine(s, Embedders.Space.EN, query, d.doc);
                    if (cosine > best) {
                        best = cosine;
                        byCosine = d.doc;
                    }
                }
                assertEquals("axis-0-2", key(s, byCosine), "by plain cosine the other entry is nearer");
                // both examples and the centroid score the same, up to int8 precision
                assertEquals(dot(query, unit(0, 1, 0, 0.05f, 0, 0, 0, 0)),
                        NearestExamples.cosine(s, Embedders.Space.EN, query, ranking.scoreDocs[0].doc), 0.01f,
                        "the confidence's signal is the plain cosine");
                assertTrue(Float.isNaN(NearestExamples.cosine(s, Embedders.Space.ZH, query, ranking.scoreDocs[0].doc)),
                        "no vector in the other space: no dense evidence");
            } finally {
                index.searchers().release(s);
            }
        }
    }

    @Test
    void theWhiteningIsFittedOnceThereAreEnoughEntriesAndRefittedWhenTheirNumberMoves() throws Exception {
        Map<String, List<float[]>> vectors = new HashMap<>();
        MemoryFeed feed = new MemoryFeed();
        putTheTwoEntries(feed, vectors);
        putFillers(feed, vectors, 0, WithinEntryWhitening.MIN_ENTRIES - 3);
        float[] query = unit(0.6f, 0.5f, 0.25f, 0, 0, 0, 0, 0);
        try (EntryIndex index = EntryIndex.open(dir, feed, fixed(vectors), WHITENED_EN)) {
            NearestExamples examples = new NearestExamples(index.whitening());
            assertTrue(index.awaitReady(Duration.ofMinutes(1)));
            assertTrue(index.whitening().awaitFits(Duration.ofMinutes(1)));
            assertEquals("axis-0-2", top(index, examples, query), "9 entries: plain cosines");
            putFillers(feed, vectors, WithinEntryWhitening.MIN_ENTRIES - 3, 12);
            index.refresh();
            assertTrue(index.whitening().awaitFits(Duration.ofMinutes(1)));
            assertEquals("axis-1", top(index, examples, query), "14 entries: whitened");
            WithinEntryWhitening first = index.whitening().of(Embedders.Space.EN);
            putFillers(feed, vectors, 12, 18);
            index.refresh();
            assertTrue(index.whitening().awaitFits(Duration.ofMinutes(1)));
            assertNotSame(first, index.whitening().of(Embedders.Space.EN), "20 entries: refitted");
            assertEquals("axis-1", top(index, examples, query), "20 entries: whitened by the new fit");
        }
    }

    public static String top(EntryIndex index, NearestExamples examples, float[] query) throws Exception {
        IndexSearcher s = index.searchers().acquire();
        try {
            TopDocs all = s.search(new MatchAllDocsQuery(), 100);
            TopDocs none = new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
            return key(s, examples.rescore(s, Embedders.Space.EN, query, none, all).scoreDocs[0].doc);
        } finally {
            index.searchers().release(s);
        }
    }

    /** The English space, two models concatenated and whitened, weighs the centroid more than the Chinese space. */
    @Test
    void theNearestExampleWeighsLessInTheEnglishSpace() {
        assertEquals(0.3f, NearestExamples.exampleWeight(Embedders.Space.EN));
        assertEquals(0.5f, NearestExamples.exampleWeight(Embedders.Space.ZH));
    }

    private static String key(IndexSearcher s, int doc) throws java.io.IOException {
        return s.storedFields().document(doc).get(SearchFields.KEY);
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
