package com.replybook.kb.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known tokens for the index analyzers. */
class SearchAnalyzersTest {

    private static List<String> tokens(Analyzer a, String text) {
        return List.copyOf(SearchAnalyzers.analyze(a, text).terms());
    }

    @Test
    void wordFieldSegmentsNotReceivedCorrectly() {
        List<String> t = tokens(SearchAnalyzers.words(), "包裹没收到");
        assertEquals(List.of("包裹", "没", "收到"), t);
        assertFalse(t.contains("没收"), "没收 (confiscate) must not appear");
    }

    @Test
    void wordFieldFoldsTraditionalBeforeSegmenting() {
        assertEquals(tokens(SearchAnalyzers.words(), "发错货了"), tokens(SearchAnalyzers.words(), "發錯貨了"));
    }

    @Test
    void bigramFieldEmitsUnigramsAndBigrams() {
        assertEquals(List.of("发", "发错", "错", "错货", "货"), tokens(SearchAnalyzers.bigram(), "發錯貨"));
    }

    @Test
    void longFieldsGetBigramsOnlyButKeepIsolatedCharactersAndWords() {
        assertEquals(List.of("发错", "错货"), tokens(SearchAnalyzers.longText(), "發錯貨"));
        assertEquals(List.of("退", "refund"), tokens(SearchAnalyzers.longText(), "退 refunds"));
    }

    @Test
    void englishIsStemmedAndFullWidthFolded() {
        assertEquals(List.of("refund"), tokens(SearchAnalyzers.bigram(), "ＲＥＦＵＮＤＳ"));
        assertEquals(List.of("cancel", "order"), tokens(SearchAnalyzers.words(), "Cancelling my orders"));
        assertEquals(List.of("custom", "packag"), tokens(SearchAnalyzers.words(), "customer's packages"));
    }

    @Test
    void mixedChineseAndEnglish() {
        List<String> t = tokens(SearchAnalyzers.bigram(), "iPhone屏幕碎了");
        assertTrue(t.containsAll(List.of("iphon", "屏幕", "碎")), t.toString());
    }

    @Test
    void suggestIndexHasEdgeNgramsOfWords() {
        List<String> t = tokens(SearchAnalyzers.suggestIndex(), "Refund 包裹");
        assertTrue(t.containsAll(List.of("r", "re", "refund", "包", "包裹")), t.toString());
    }
}
