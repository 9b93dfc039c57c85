package com.replybook.kb.search;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.search.analysis.Synonyms;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.MemoryFeed;
import com.replybook.kb.search.index.TestCorpus;
import com.replybook.kb.search.ranking.HybridFusion;
import com.replybook.kb.search.ranking.QueryCascade;
import com.replybook.kb.search.ranking.RankingWeights;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.EntryVectors;
import com.replybook.kb.search.semantic.QueryWhitening;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hybrid ranking with the real in-process models over {@link TestCorpus}. */
class HybridSearchTest {

    static final QueryWhitening.Settings WHITENING = SearchSettings.DEFAULTS.whitening();

    @TempDir
    static Path dir;
    static EntryIndex index;
    static EntrySearcher searcher;
    static Embedders embedders;

    @BeforeAll
    static void open() throws Exception {
        embedders = new Embedders();
        index = EntryIndex.open(dir, TestCorpus.feed(), embedders::entry, WHITENING);
        assertTrue(index.awaitReady(Duration.ofMinutes(2)));
        assertTrue(index.whitening().awaitFits(Duration.ofMinutes(2)));
        searcher = new EntrySearcher(index, Synonyms.none(), RankingWeights.DEFAULT, embedders,
                HybridFusion.LEXICAL_WEIGHT, SearchSettings.DEFAULTS.cascade());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static String top(String q) {
        return searcher.search(SearchRequest.of(q, 5)).hits().get(0).key();
    }

    @Test
    void paraphrasesWithoutSharedWordsAreFound() {
        assertEquals("en-refund", top("I would like to be reimbursed, the cash has not come back"));
        assertEquals("en-cancel", top("please call off my purchase"));
    }

    @Test
    void theNearestNeighbourSearchKeepsToTheFilters() {
        String paraphrase = "I would like to be reimbursed, the cash has not come back"; // no word of en-refund
        var unfiltered = searcher.search(SearchRequest.of(paraphrase, 5));
        assertTrue(unfiltered.hits().stream().anyMatch(h -> !h.category().startsWith("orders")),
                "hits for the category filter to remove: " + unfiltered.hits());
        var inCategory = searcher.search(new SearchRequest(paraphrase, 5, null, "after-sales", List.of(), null));
        assertEquals("en-refund", inCategory.hits().get(0).key());
        var otherCategory = searcher.search(new SearchRequest(paraphrase, 5, null, "orders", List.of(), null));
        assertFalse(otherCategory.hits().isEmpty(), "the nearest entry of the category is found");
        assertTrue(otherCategory.hits().stream().allMatch(h -> h.category().startsWith("orders")),
                otherCategory.hits().toString());

        String traditional = "寄來的東西跟我買的不一樣"; // wrong-item (zh-CN) first, then its zh-TW twin
        var anyLocale = searcher.search(SearchRequest.of(traditional, 5));
        assertTrue(anyLocale.hits().stream().anyMatch(h -> !h.locale().equals("zh-TW")),
                "hits for the locale filter to remove: " + anyLocale.hits());
        var otherLocale = searcher.search(new SearchRequest(traditional, 5, "zh-TW", null, List.of(), null));
        assertFalse(otherLocale.hits().isEmpty(), "the nearest entry of the locale is found");
        assertTrue(otherLocale.hits().stream().allMatch(h -> h.locale().equals("zh-TW")),
                otherLocale.hits().toString());
    }

    @Test
    void traditionalChineseQueriesFindSimplifiedEntries() {
        assertEquals("wrong-item", top("寄來的東西跟我買的不一樣"));
    }

    @Test
    void outOfScopeQueriesAreNotConfident() {
        assertFalse(searcher.search(SearchRequest.of("what is the capital of France", 5)).confident());
        assertTrue(searcher.search(SearchRequest.of("where is my refund", 5)).confident());
    }

    @Test
    void anEntryIsFoundByAQueryCloseToOneOfItsQuestionsButFarFromItsCentroid() throws Exception {
        Entry warranty = MemoryFeed.entry("en-warranty", "en", "after-sales/warranty", "What does the mattress warranty cover",
                List.of("how long is the warranty", "is the cover included in the warranty",
                        "warranty period for the mattress", "can I claim warranty for a sagging mattress",
                        "what is not covered by the warranty", "how do I register my warranty",
                        "does the warranty transfer to a new owner", "where is the warranty claim form",
                        "the springs squeak when I turn over at night"), "", "");
        Entry frame = MemoryFeed.entry("en-frame", "en", "products/frame", "How to assemble the bed frame",
                List.of("assembly instructions for the bed frame", "which screws hold the bed frame together",
                        "the bed frame wobbles", "I lost the bed frame manual"), "", "");
        String query = "my bed squeaks when I turn over at night";
        float[] q = embedders.query(query);
        assertTrue(dot(q, embedders.entry(frame).centroid()) > dot(q, embedders.entry(warranty).centroid()),
                "precondition: the other entry's centroid is nearer, so only the nearest example finds it");

        MemoryFeed feed = TestCorpus.feed();
        feed.put(warranty);
        feed.put(frame);
        try (EntryIndex own = EntryIndex.open(dir.resolve("examples"), feed, embedders::entry, WHITENING)) {
            assertTrue(own.awaitReady(Duration.ofMinutes(2)));
            assertTrue(own.whitening().awaitFits(Duration.ofMinutes(2)));
            EntrySearcher hybrid = new EntrySearcher(own, Synonyms.none(), RankingWeights.DEFAULT, embedders,
                    HybridFusion.LEXICAL_WEIGHT, SearchSettings.DEFAULTS.cascade());
            assertEquals("en-warranty", hybrid.search(SearchRequest.of(query, 5)).hits().get(0).key());
        }
    }

    @Test
    void anEntryNotEmbeddedYetIsJudgedAsLexicalSearchJudgesIt() throws Exception {
        // Just written, or a large library whose vectors are still being computed: no dense score for it yet.
        EntryVectors allButRefund = e -> e.key().equals("en-refund") ? null : embedders.entry(e);
        try (EntryIndex own = EntryIndex.open(dir.resolve("pending"), TestCorpus.feed(), allButRefund,
                WHITENING)) {
            assertTrue(own.awaitReady(Duration.ofMinutes(2)));
            EntrySearcher hybrid = new EntrySearcher(own, Synonyms.none(), RankingWeights.DEFAULT, embedders,
                    HybridFusion.LEXICAL_WEIGHT, SearchSettings.DEFAULTS.cascade());
            SearchResult exact = hybrid.search(SearchRequest.of("how long does a refund take", 5));
            assertEquals("en-refund", exact.hits().get(0).key());
            assertTrue(exact.confident(), "all its words are the entry's: confident, as lexical search would say");
            assertFalse(hybrid.search(SearchRequest.of("refund the mattress foam warranty", 5)).confident(),
                    "and not for a few shared words");
        }
    }

    @Test
    void shorthandIsRewrittenBeforeEmbeddingSoItIsSearchedInTheChineseSpace() {
        EntrySearcher withShorthand = new EntrySearcher(index, new Synonyms(Map.of("zh-CN", "tk => 退款")),
                RankingWeights.DEFAULT, embedders, HybridFusion.LEXICAL_WEIGHT, SearchSettings.DEFAULTS.cascade());
        EntrySearcher.Ranked ranked = withShorthand.searchRanked(SearchRequest.of("tk dao zhang le mei", 5));
        assertEquals("refund-timing", ranked.result().hits().get(0).key());
        assertTrue(ranked.similarity() > 0.5, "dense score from the Chinese model: " + ranked.similarity());
    }

    @Test
    void englishVectorsConcatenateMiniLmAndBgeSmallEn() {
        float[] q = embedders.query("where is my refund");
        assertEquals(768, q.length, "MiniLM's 384 dimensions, then bge-small-en's 384");
        float[] first = java.util.Arrays.copyOfRange(q, 0, 384);
        float[] second = java.util.Arrays.copyOfRange(q, 384, 768);
        assertEquals(0.5f, dot(first, first), 1e-4f, "each model's half normalised, then the whole");
        assertEquals(0.5f, dot(second, second), 1e-4f);
        assertEquals(512, embedders.query("退款什么时候到账").length, "Chinese keeps bge-small-zh alone");
    }

    @Test
    void anEnglishQueryStopsAtMiniLmWhenBothRankingsAgreeAndIsCompletedWhenTheyDoNot() {
        Embedders fresh = new Embedders();
        EntrySearcher cascading = new EntrySearcher(index, Synonyms.none(), RankingWeights.DEFAULT, fresh,
                HybridFusion.LEXICAL_WEIGHT, QueryCascade.ON);

        EntrySearcher.Ranked agreed = cascading.searchRanked(SearchRequest.of("where is my refund", 5));
        assertEquals("en-refund", agreed.result().hits().get(0).key());
        assertEquals(0, agreed.firstStage().shortfall(), 1e-9,
                "one of en-refund's own questions: MiniLM's best is the lexical first hit");
        assertFalse(agreed.completed());
        assertEquals(0, fresh.completedQueries(), "bge-small-en never ran");
        assertTrue(agreed.result().confident(), "judged on MiniLM's own cosine and thresholds");
        EntrySearcher.Ranked repeated = cascading.searchRanked(SearchRequest.of("Where IS my  refund", 5));
        assertEquals(keys(agreed), keys(repeated), "the first stage that stood, cached and standing again");
        assertFalse(repeated.completed());
        assertEquals(1, fresh.embeddedQueries());

        String paraphrase = "my order never arrived so refund it"; // "order" is en-cancel's word
        EntrySearcher.Ranked disputed = cascading.searchRanked(SearchRequest.of(paraphrase, 5));
        assertTrue(disputed.firstStage().shortfall() > 0,
                "MiniLM scores another entry above the lexical first hit: " + disputed.firstStage());
        assertTrue(disputed.completed());
        assertEquals(1, fresh.completedQueries());
        assertEquals("en-refund", disputed.result().hits().get(0).key());
        EntrySearcher.Ranked bothModels = new EntrySearcher(index, Synonyms.none(), RankingWeights.DEFAULT,
                new Embedders(), HybridFusion.LEXICAL_WEIGHT, QueryCascade.OFF).searchRanked(SearchRequest.of(paraphrase, 5));
        assertEquals(keys(bothModels), keys(disputed), "completed, it ranks as with both models from the start");
        assertEquals(bothModels.result().confident(), disputed.result().confident());

        EntrySearcher.Ranked again = cascading.searchRanked(SearchRequest.of(paraphrase, 5));
        assertNull(again.firstStage(), "the completed vector was cached");
        assertEquals(keys(disputed), keys(again));
        assertEquals(1, fresh.completedQueries());
        assertEquals(2, fresh.embeddedQueries());

        EntrySearcher.Ranked chinese = cascading.searchRanked(SearchRequest.of("退款什么时候到账", 5));
        assertNull(chinese.firstStage(), "one model in the Chinese space: nothing to stop before");
        assertFalse(chinese.completed());
    }

    private static List<String> keys(EntrySearcher.Ranked ranked) {
        return ranked.result().hits().stream().map(SearchHit::key).toList();
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
