package com.replybook.kb.editor;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeySuggestionTest {

    @Test
    void aChineseProblemBecomesPinyinWordsOfItsFirstClause() {
        assertEquals("baoguo-mei-shoudao.zh-cn", KeySuggestion.suggest("包裹没收到，客户很着急", "zh-CN", k -> false));
    }

    @Test
    void traditionalChineseIsRomanisedToo() {
        assertEquals("tuikuan-haimei-dao-zhang.zh-tw", KeySuggestion.suggest("退款還沒到帳", "zh-TW", k -> false));
    }

    @Test
    void anEnglishProblemKeepsItsWordsWithoutFillers() {
        assertEquals("parcel-arrived-damaged.en",
                KeySuggestion.suggest("The parcel arrived damaged, and the customer wants a refund", "en", k -> false));
    }

    @Test
    void aTakenKeyGetsANumber() {
        Set<String> taken = Set.of("baoguo-mei-shoudao.zh-cn", "baoguo-mei-shoudao-2.zh-cn");
        assertEquals("baoguo-mei-shoudao-3.zh-cn", KeySuggestion.suggest("包裹没收到", "zh-CN", taken::contains));
    }

    @Test
    void aProblemWithoutLettersSuggestsNothing() {
        assertEquals("", KeySuggestion.suggest("？！……", "zh-CN", k -> false));
    }
}
