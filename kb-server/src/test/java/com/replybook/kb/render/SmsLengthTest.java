package com.replybook.kb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SmsLengthTest {

    private static final ScriptRenderer RENDERER = new ScriptRenderer();

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    @Test
    void anyCjkCharacterMakesSegmentsSeventyCharactersLong() {
        assertEquals(1, SmsLength.segments("好".repeat(70)));
        assertEquals(2, SmsLength.segments("好".repeat(71)));
        assertEquals(2, SmsLength.segments("a".repeat(100) + "好"));
        assertEquals(2, SmsLength.segments("a".repeat(139) + "，"));
    }

    @Test
    void latinTextHasSegmentsOfOneHundredSixtyCharacters() {
        assertEquals(0, SmsLength.segments(""));
        assertEquals(1, SmsLength.segments("a".repeat(160)));
        assertEquals(2, SmsLength.segments("a".repeat(161)));
    }

    @Test
    void charactersAreCountedAsCodePointsNotUtf16Units() {
        assertEquals(1, SmsLength.segments("😀".repeat(160)));
    }

    @Test
    void anSmsPastOneSegmentCarriesAWarningWithTheCount() {
        RenderResult sms = RENDERER.render(new RenderRequest(
                "您的包裹已到达驿站。".repeat(10), "zh-CN", null, "sms", null, Map.of()));

        assertTrue(sms.segments() > 1);
        assertEquals("sms-segments:" + sms.segments(), sms.warnings().get(0));
        assertEquals(sms.text().codePointCount(0, sms.text().length()), sms.characters());
    }

    @Test
    void anSmsIsOneLineEvenWhenTheScriptHasParagraphs() {
        RenderResult sms = RENDERER.render(new RenderRequest(
                "Parcel shipped.\n\nArrives Friday.", "en", null, "sms", null, Map.of()));

        assertEquals("Hi there, Parcel shipped. Arrives Friday.", sms.text());
        assertEquals(1, sms.segments());
    }
}
