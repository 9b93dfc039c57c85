package com.replybook.kb.cases;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WrittenScriptTest {

    @Test
    void aTextWithoutHanIsLatin() {
        assertEquals(WrittenScript.LATIN, WrittenScript.of("Please call us at 13812345678"));
        assertEquals(WrittenScript.LATIN, WrittenScript.of(""));
    }

    @Test
    void theScriptIsJudgedByTheCharactersOnlyOneScriptWrites() {
        assertEquals(WrittenScript.SIMPLIFIED, WrittenScript.of("请联系我们"));
        assertEquals(WrittenScript.TRADITIONAL, WrittenScript.of("請聯繫我們"));
        // 著 folds to 着, yet this is a simplified sentence; 嗎 alone makes a short one traditional.
        assertEquals(WrittenScript.SIMPLIFIED, WrittenScript.of("显著的问题，请联系我们"));
        assertEquals(WrittenScript.TRADITIONAL, WrittenScript.of("我的包裹到了嗎"));
    }

    @Test
    void aTextWithNoTellingCharacterIsSimplified() {
        assertEquals(WrittenScript.SIMPLIFIED, WrittenScript.of("我的包裹到了"));
    }
}
