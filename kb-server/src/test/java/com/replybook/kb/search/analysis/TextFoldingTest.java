package com.replybook.kb.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextFoldingTest {

    private static List<String> tokens(Analyzer a, String text) {
        return List.copyOf(SearchAnalyzers.analyze(a, text).terms());
    }

    @Test
    void variantsOfOneTextFoldToTheSameString() {
        String folded = TextFolding.fold("退款 refund 還沒到");
        assertEquals("退款 refund 还没到", folded);
        assertEquals(folded, TextFolding.fold("  退款\u3000ＲＥＦＵＮＤ\t\t还没到 "));
        assertEquals(folded, TextFolding.fold("退款 Refund 还沒到"));
    }

    @Test
    void fullWidthPunctuationAndDigitsBecomeHalfWidth() {
        assertEquals("订单e1024,还没发货?", TextFolding.fold("订单Ｅ１０２４，还没发货？"));
    }

    @Test
    void foldingTwiceChangesNothing() {
        for (String t : List.of("  Where IS my  Parcel? ", "發錯貨了，怎麼辦", "ＳＦ１２３ 快遞")) {
            assertEquals(TextFolding.fold(t), TextFolding.fold(TextFolding.fold(t)), t);
        }
    }

    @Test
    void theAnalyzersSeeAFoldedTextAsTheOriginal() {
        for (String t : List.of("Where IS my Parcel？", "發錯貨了，怎麼辦", "ＳＦ快遞 三天 沒動", "Refund\u3000not  received")) {
            assertEquals(tokens(SearchAnalyzers.words(), t), tokens(SearchAnalyzers.words(), TextFolding.fold(t)), t);
            assertEquals(tokens(SearchAnalyzers.bigram(), t), tokens(SearchAnalyzers.bigram(), TextFolding.fold(t)), t);
        }
    }
}
