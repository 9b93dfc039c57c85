package com.replybook.kb.search;

import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.MemoryFeed;
import com.replybook.kb.search.index.SearchFields;
import com.replybook.kb.search.index.TestCorpus;
import com.replybook.kb.search.ranking.RankingWeights;
import com.replybook.kb.search.semantic.EntryVectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known answers over {@link TestCorpus}. */
class EntrySearcherTest {

    @TempDir
    static Path dir;
    static MemoryFeed feed;
    static EntryIndex index;
    static EntrySearcher searcher;

    @BeforeAll
    static void openIndex() throws Exception {
        feed = TestCorpus.feed();
        feed.put(MemoryFeed.withVerification(MemoryFeed.entry("overdue-check", "en", "orders/invoice",
                "Invoice address is wrong", List.of("fix the address on my invoice"), "Typed at checkout", "…"),
                Instant.now().minus(Duration.ofDays(40)), 30));
        feed.put(MemoryFeed.withStatus(MemoryFeed.entry("draft-only", "zh-CN", "售后/草稿", "草稿条目退货地址",
                List.of(), "", "草稿"), EntryStatus.DRAFT));
        index = EntryIndex.open(dir, feed, EntryVectors.NONE);
        assertTrue(index.awaitReady(Duration.ofSeconds(30)));
        searcher = EntrySearcher.over(index);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static SearchResult search(String q) {
        return searcher.search(SearchRequest.of(q, 5));
    }

    private static String top(String q) {
        List<SearchHit> hits = search(q).hits();
        return hits.isEmpty() ? null : hits.get(0).key();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "快递三天没动了, logistics-stuck",
            "包裹没收到, signed-not-received",
            "發錯貨了, wrong-item",
            "收到的东西屏幕有划痕, defect-scratch",
            "退款还没到账, refund-timing",
            "where is my refund, en-refund",
            "Where is my refnud, en-refund",
            "cancel my order, en-cancel",
            "ＣＡＮＣＥＬ ＯＲＤＥＲ, en-cancel",
            "my parcel has not arrived, en-track",
    })
    void findsTheKnownAnswerFirst(String query, String expected) {
        assertEquals(expected, top(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"退款", "refund AND cancel", "(快递", "refund*", "\\", "退款~2", "a:b", "[1 TO 2]",
            "-", "!!!", "+", "&&||", "/regex/", "{}", "^3"})
    void queryStringSyntaxIsPlainText(String q) {
        search(q); // must not throw
    }

    @Test
    void luceneSyntaxAroundWordsStillFindsThem() {
        assertEquals("en-refund", top("\"refund\" AND (money*)~"));
    }

    @Test
    void localeFilterRestrictsHits() {
        var r = searcher.search(new SearchRequest("收到的颜色不对", 10, "zh-TW", null, List.of(), null));
        assertFalse(r.hits().isEmpty());
        assertTrue(r.hits().stream().allMatch(h -> h.locale().equals("zh-TW")));
    }

    @Test
    void categoryFilterMatchesPrefixes() {
        var r = searcher.search(new SearchRequest("快递", 10, null, "物流", List.of(), null));
        assertEquals(Set.of("logistics-stuck", "signed-not-received"),
                Set.copyOf(r.hits().stream().map(SearchHit::key).toList()));
        var none = searcher.search(new SearchRequest("快递", 10, null, "物", List.of(), null));
        assertEquals(0, none.total());
    }

    @Test
    void tagFilterRequiresEveryTag() {
        var r = searcher.search(new SearchRequest("", 10, null, null, List.of("物流", "延误"), null));
        assertEquals(List.of("logistics-stuck"), r.hits().stream().map(SearchHit::key).toList());
    }

    @Test
    void draftsAreHiddenUnlessAsked() {
        assertTrue(search("草稿条目").hits().isEmpty());
        var r = searcher.search(new SearchRequest("草稿条目", 10, null, null, List.of(),
                Set.of(EntryStatus.DRAFT, EntryStatus.PUBLISHED)));
        assertEquals("draft-only", r.hits().get(0).key());
    }

    @Test
    void hitsCarryHighlightsWhenAsked() {
        SearchHit hit = searcher.search(new SearchRequest("签收", 5, null, null, List.of(),
                Set.of(EntryStatus.PUBLISHED), true)).hits().get(0);
        assertTrue(hit.highlights().get("problem").contains("<mark>"), hit.highlights().toString());
        assertEquals("signed-not-received", hit.key());
        assertFalse(hit.stale());
    }

    @Test
    void hitsShowTheEntrysCardAndWhetherItIsOverdueForVerification() {
        SearchHit overdue = search("invoice address").hits().get(0);
        assertEquals(List.of("overdue-check", "en", "orders/invoice", "Invoice address is wrong", "Typed at checkout"),
                List.of(overdue.id(), overdue.locale(), overdue.category(), overdue.problem(), overdue.cause()));
        assertTrue(overdue.stale());
        assertFalse(search("签收").hits().get(0).stale());
    }

    /**
     * Both analyses split and stem an English word alike: it is one clause per text field, its boost the sum of
     * both; a Chinese word keeps its own word-field clause (the two fields' statistics differ).
     */
    @Test
    void englishWordsAreScoredOncePerFieldChineseWordsInBothAnalyses() {
        Map<String, Float> clauses = new HashMap<>();
        Query q = searcher.withSearcher(s -> searcher.queries().build("refund 退款", s.getIndexReader()));
        for (BooleanClause c : ((BooleanQuery) q).clauses()) {
            if (c.query() instanceof BoostQuery b && b.getQuery() instanceof TermQuery t) {
                clauses.merge(t.getTerm().field() + ":" + t.getTerm().text(), b.getBoost(), Float::sum);
            }
        }
        float both = RankingWeights.DEFAULT.field(SearchFields.QUESTIONS) * (1 + RankingWeights.DEFAULT.wordsFactor());
        assertEquals(both, clauses.get("questions:refund"), 1e-6);
        assertFalse(clauses.containsKey("questions.w:refund"), clauses.toString());
        assertTrue(clauses.containsKey("questions.w:退款"), clauses.toString());
        assertTrue(clauses.containsKey("questions:退款"), clauses.toString());
    }

    @Test
    void hitsCarryNoHighlightsUnlessAsked() {
        SearchHit hit = search("签收").hits().get(0);
        assertEquals("signed-not-received", hit.key());
        assertTrue(hit.highlights().isEmpty(), hit.highlights().toString());
    }

    @Test
    void localeAndStatusesFilterTogether() {
        String text = "草稿条目退货 refund"; // the draft's words, and words of published zh-CN and en entries
        Set<EntryStatus> draftsToo = Set.of(EntryStatus.DRAFT, EntryStatus.PUBLISHED);
        var drafts = searcher.search(new SearchRequest(text, 10, "zh-CN", null, List.of(), draftsToo));
        assertEquals("draft-only", drafts.hits().get(0).key(), "the hit the status filter must remove");
        var published = searcher.search(new SearchRequest(text, 10, "zh-CN", null, List.of(), null));
        assertFalse(published.hits().isEmpty(), "published zh-CN entries match too");
        assertTrue(published.hits().stream().noneMatch(h -> h.key().equals("draft-only")),
                published.hits().toString());

        var anyLocale = searcher.search(new SearchRequest(text, 10, null, null, List.of(), draftsToo));
        assertTrue(anyLocale.hits().stream().anyMatch(h -> h.key().equals("draft-only")),
                "the hit the locale filter must remove: " + anyLocale.hits());
        var otherLocale = searcher.search(new SearchRequest(text, 10, "en", null, List.of(), draftsToo));
        assertFalse(otherLocale.hits().isEmpty(), "en entries match too");
        assertTrue(otherLocale.hits().stream().noneMatch(h -> h.key().equals("draft-only")),
                otherLocale.hits().toString());
    }

    @Test
    void blankQueryListsEverythingFiltered() {
        assertEquals(TestCorpus.ENTRIES.size() + 1, search("").total()); // the corpus and overdue-check (published)
    }

    @Test
    void queryOfOnlyStopWordsAndPunctuationFindsNothing() {
        assertEquals(0, search("the , . !").total());
    }

    @Test
    void typeAheadWorksFromOneCharacter() {
        assertTrue(searcher.suggest(SearchRequest.of("退", 5)).stream()
                .anyMatch(s -> s.key().equals("refund-timing")));
        assertTrue(searcher.suggest(SearchRequest.of("r", 5)).stream().anyMatch(s -> s.key().equals("en-refund")));
        assertEquals("en-cancel", searcher.suggest(SearchRequest.of("cancel my or", 5)).get(0).key());
    }

    @Test
    void misspeltEnglishWordsAreReadAsTheLibraryWordsTheyMissed() {
        // Typed: neither "cancle" nor "ordr" is in any entry; corrected, every word of the query is in en-cancel's.
        SearchResult result = search("I want to cancle my ordr");
        assertEquals("en-cancel", result.hits().get(0).key());
        assertTrue(result.confident(), "the corrected words count for the confidence");
        SearchResult ticket = searcher.searchTicket(new Ticket("", List.of(new Ticket.Message("customer",
                "please cancle my ordr")), "en", 5), null);
        assertEquals("en-cancel", ticket.hits().get(0).key());
        assertTrue(ticket.confident());
    }

    @Test
    void confidentOnAClearMatchNotOnNonsense() {
        assertTrue(search("where is my refund").confident());
        assertFalse(search("what is the warranty on the mattress foam").confident());
    }
}
