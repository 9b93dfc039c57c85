package com.replybook.kb.cases;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Masking personal data under arbitrary text (Jazzer): it never throws, its spans lie inside the text in order
 * without overlapping, and masking what is masked already changes nothing (a label is never taken for data). The
 * seed corpus runs in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class MaskingFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void maskingIsTotalOrderedAndStable(byte[] utf8) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        List<PersonalDataMasker.Span> spans = PersonalDataMasker.spans(text);
        int previousEnd = 0;
        for (PersonalDataMasker.Span s : spans) {
            assertTrue(s.start() >= previousEnd && s.start() < s.end() && s.end() <= text.length(), spans.toString());
            previousEnd = s.end();
        }
        String masked = PersonalDataMasker.mask(text);
        assertEquals(masked, PersonalDataMasker.mask(masked), "masking twice changes nothing");
    }
}
