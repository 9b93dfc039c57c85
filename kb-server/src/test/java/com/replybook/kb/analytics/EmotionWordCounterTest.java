package com.replybook.kb.analytics;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Emotion words found in customers' messages: segmented, folded, negations understood, nothing else counted. */
class EmotionWordCounterTest {

    private static final EmotionWordCounter COUNTER = new EmotionWordCounter(EmotionLexicon.load());

    private static Map<String, Integer> count(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        COUNTER.count(text).forEach((w, n) -> out.put(w.word() + ":" + w.emotion().id(), n));
        return out;
    }

    @Test
    void chineseWordsAreFoundBySegmentationAcrossWordBoundaries() {
        assertEquals(Map.of("太过分:angry", 1, "气死:angry", 1, "差评:angry", 1),
                count("快递三天没动了！太过分了，气死我了，给你们差评"), "差评 is segmented 差 + 评 and joined back");
    }

    @Test
    void traditionalTextCountsAsTheSameWordsAsSimplified() {
        assertEquals(count("你们太过分了，我很失望，担心收不到"), count("你們太過分了，我很失望，擔心收不到"));
        assertEquals(Map.of("太过分:angry", 1, "失望:disappointed", 1, "担心:anxious", 1), count("你們太過分了，我很失望，擔心收不到"));
    }

    @Test
    void aNegatorBeforeAPositiveWordMakesItsNegatedEntryAndStopWordsInBetweenDoNotMatter() {
        assertEquals(Map.of("不满意:disappointed", 1), count("不太满意"));
        assertEquals(Map.of("不满意:disappointed", 1), count("说实话不是很满意"));
        assertEquals(Map.of("not happy:disappointed", 1), count("I am not very happy with this"));
    }

    @Test
    void aNegatedEmotionWordIsNotCounted() {
        assertEquals(Map.of(), count("我不生气，就是问一下"));
        assertEquals(Map.of("disappointed:disappointed", 1, "worried:anxious", 1),
                count("I'm not angry, just very disappointed and a bit worried."));
    }

    @Test
    void englishIsFoundRegardlessOfCaseAndWidthAndMultiWordEntriesMatch() {
        assertEquals(Map.of("unacceptable:angry", 2, "let down:disappointed", 1), count("UNACCEPTABLE. Ｕｎａｃｃｅｐｔａｂｌｅ! Let down again"));
    }

    @Test
    void namesNumbersAndEverythingOutsideTheLexiconAreNeverCounted() {
        assertEquals(Map.of("失望:disappointed", 1), count("王女士 13812345678 订单 E20231111001 上海市浦东新区 很失望"));
    }

    @Test
    void quotedHistoryIsNotCountedAgain() {
        assertEquals(Map.of("着急:anxious", 1), count("还是没到，很着急\n> 太过分了，气死了\n> 差评"));
    }
}
