package com.replybook.kb.search.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynonymsTest {

    private final Synonyms synonyms = new Synonyms(Map.of(
            "zh-CN", "# 物流\n快递, 物流, 包裹\n快件 => 快递\n卡住, 没动",
            "zh-TW", "螢幕, 屏幕",
            "en", "refund, money back"));

    @Test
    void chineseTermsMatchAsSubstringsWhateverTheSegmentation() {
        assertEquals(List.of("物流", "包裹", "没动"), synonyms.expansions("快递卡住了"));
    }

    @Test
    void traditionalQueriesAndRulesFoldAlike() {
        assertEquals(List.of("屏幕"), synonyms.expansions("螢幕裂了"));
        assertEquals(List.of("萤幕"), synonyms.expansions("屏幕坏了"));
    }

    @Test
    void oneWayRulesOnlyExpandTheirLeftSide() {
        assertEquals(List.of("快递"), synonyms.expansions("快件"));
        assertTrue(synonyms.expansions("快递").stream().noneMatch("快件"::equals));
    }

    @Test
    void oneWayRulesRewriteTheTextForTheEmbeddingModels() {
        Synonyms shorthand = new Synonyms(Map.of("zh-CN", "tk => 退款\n快件 => 快递\n快递, 物流"));
        assertEquals("退款到哪了", shorthand.rewrite("TK到哪了"));
        assertEquals("退款 dao le ma", shorthand.rewrite("tk dao le ma"));
        assertEquals("快递丢了", shorthand.rewrite("快件丢了"));
        assertEquals("stk 快递到哪了", shorthand.rewrite("stk 快递到哪了"), "not inside a word; equivalences stay");
        assertEquals("Where is my refund?", shorthand.rewrite("Where is my refund?"), "as typed when nothing applies");
    }

    @Test
    void englishTermsMatchWholeStemmedWords() {
        assertEquals(List.of("money back"), synonyms.expansions("Where are my REFUNDS?"));
        assertEquals(List.of("refund"), synonyms.expansions("I want my money back"));
        assertEquals(List.of(), synonyms.expansions("refrigerator deposit"));
    }

    @Test
    void replacedRulesTakeEffectImmediately() {
        Synonyms s = Synonyms.none();
        assertEquals(List.of(), s.expansions("货件"));
        s.replace("zh-CN", "货件, 快递");
        assertEquals(List.of("快递"), s.expansions("货件到了吗"));
        assertEquals("货件, 快递", s.rules("zh-CN"));
    }

    @Test
    void invalidRulesNameTheLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> Synonyms.parse("快递, 物流\nthe, a"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Synonyms.parse("a => b => c"));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.parse("lonely"));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.parse("快递, , 物流"));
    }
}
