package com.replybook.kb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SmsEncodingTest {

    private static final ScriptRenderer RENDERER = new ScriptRenderer();

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    @Test
    void gsmTextIsOneMessageUpTo160SeptetsThen153PerPart() {
        assertEquals(0, SmsEncoding.segments(""));
        assertEquals(1, SmsEncoding.segments("a".repeat(160)));
        assertEquals(2, SmsEncoding.segments("a".repeat(161)));
        assertEquals(2, SmsEncoding.segments("a".repeat(306)));
        assertEquals(3, SmsEncoding.segments("a".repeat(307)));
    }

    @Test
    void extensionCharactersTakeTwoSeptetsAndAreNotSplitFromTheirEscape() {
        assertEquals(1, SmsEncoding.segments("€".repeat(80)));
        assertEquals(2, SmsEncoding.segments("€".repeat(81)));
        // 152 septets, then a two-septet character that does not fit into the first part's last septet.
        assertEquals(2, SmsEncoding.segments("a".repeat(152) + "[" + "a".repeat(10)));
        assertEquals(3, SmsEncoding.segments("a".repeat(152) + "[" + "a".repeat(151) + "]"));
    }

    @Test
    void anyCharacterOutsideTheGsmAlphabetSendsTheWholeTextAsUcs2() {
        assertEquals(1, SmsEncoding.segments("好".repeat(70)));
        assertEquals(2, SmsEncoding.segments("好".repeat(71)));
        assertEquals(2, SmsEncoding.segments("好".repeat(134)));
        assertEquals(3, SmsEncoding.segments("好".repeat(135)));
        assertEquals(3, SmsEncoding.segments("a".repeat(139) + "，"), "one full-width comma: 140 UCS-2 units");
        assertEquals(2, SmsEncoding.segments("a".repeat(100) + "→"));
    }

    @Test
    void anEmojiIsTwoUcs2UnitsAndIsNotSplitBetweenParts() {
        assertEquals(1, SmsEncoding.segments("😀".repeat(35)));
        assertEquals(2, SmsEncoding.segments("😀".repeat(36)));
        // 66 units, then an emoji that would straddle the first part's end: 134 units, yet three parts.
        assertEquals(3, SmsEncoding.segments("好".repeat(66) + "😀" + "好".repeat(66)));
        assertEquals(2, SmsEncoding.segments("好".repeat(67) + "😀" + "好".repeat(65)));
    }

    @Test
    void typographicPunctuationIsWrittenInGsmWhenThatKeepsTheTextGsm() {
        assertEquals("We're sorry - it's on its way... \"soon\"",
                SmsEncoding.gsmWherePossible("We\u2019re sorry \u2013 it\u2019s on its way\u2026 \u201Csoon\u201D"));
        assertEquals("Café für 5€", SmsEncoding.gsmWherePossible("Café für 5€"), "GSM letters stay");
    }

    @Test
    void textThatNeedsUcs2AnywayKeepsItsOwnPunctuation() {
        assertEquals("包裹已到 \u2013 请查收", SmsEncoding.gsmWherePossible("包裹已到 \u2013 请查收"));
        assertEquals("On its way \u2013 \uD83D\uDE00", SmsEncoding.gsmWherePossible("On its way \u2013 \uD83D\uDE00"));
    }

    @Test
    void anEnglishSmsWithADashIsSentAsGsmNotUcs2() {
        String script = "Your parcel left our warehouse today \u2013 it usually arrives within 3\u20135 working days. "
                + "We\u2019ll keep an eye on it for you.";
        RenderResult sms = RENDERER.render(new RenderRequest(script, "en", null, "sms", null, Map.of()));

        assertFalse(sms.text().contains("\u2013") || sms.text().contains("\u2019"), sms.text());
        assertTrue(sms.text().contains("3-5 working days") && sms.text().contains("We'll"), sms.text());
        assertTrue(SmsEncoding.isGsm(sms.text()), sms.text());
        assertEquals(1, sms.segments(), sms.text() + " is " + sms.characters() + " characters");
    }

    @Test
    void theDashesStayInOtherChannels() {
        RenderResult chat = RENDERER.render(new RenderRequest("Arrives in 3\u20135 days.", "en", null, "chat", null, Map.of()));
        assertTrue(chat.text().contains("3\u20135"), chat.text());
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
