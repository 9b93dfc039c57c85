package com.replybook.kb.vocabulary;

import com.replybook.kb.web.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermTest {

    @Test
    void termsParseTheirIdsIgnoringCaseAndSpacesAndDefaultWhenBlank() {
        assertEquals(Tone.WARM, Tone.parse(" Warm "));
        assertEquals(Tone.STANDARD, Tone.parse(null));
        assertEquals(Channel.CHAT, Channel.parse(""));
        assertEquals(Emotion.NEUTRAL, Emotion.parse(" "));
        assertEquals(Channel.REVIEW, Channel.parse("REVIEW"));
    }

    @Test
    void anUnknownTermNamesItsFieldAndTheWordsItAccepts() {
        UnknownTermException e = assertThrows(UnknownTermException.class, () -> Tone.parse("sarcastic"));
        assertEquals("tone", e.field());
        assertTrue(e.getMessage().contains("standard, warm, lively, formal"), e.getMessage());
        assertEquals("channel", assertThrows(UnknownTermException.class, () -> Channel.parse("fax")).field());
    }

    @Test
    void termsTravelAsTheirIds() throws Exception {
        assertEquals("[\"warm\",\"sms\",\"anxious\",\"zh-TW\"]",
                Json.MAPPER.writeValueAsString(List.of(Tone.WARM, Channel.SMS, Emotion.ANXIOUS, SupportedLocale.ZH_TW)));
        assertEquals(List.of("standard", "warm", "lively", "formal"), Tone.IDS);
        assertEquals(List.of("chat", "email", "sms", "review"), Channel.IDS);
        assertEquals(List.of("zh-CN", "zh-TW", "en"), SupportedLocale.TAGS);
    }
}
