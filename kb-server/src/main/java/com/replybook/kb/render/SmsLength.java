package com.replybook.kb.render;

/**
 * SMS segment arithmetic as the help-desk gateways bill it: 70 characters per segment when any CJK
 * character is present (the message goes out as UCS-2), otherwise 160.
 */
final class SmsLength {

    static final int CJK_SEGMENT = 70;
    static final int LATIN_SEGMENT = 160;

    private SmsLength() {}

    /** Number of segments {@code text} takes; 0 for empty text. */
    static int segments(String text) {
        int characters = text.codePointCount(0, text.length());
        int perSegment = hasCjk(text) ? CJK_SEGMENT : LATIN_SEGMENT;
        return (characters + perSegment - 1) / perSegment;
    }

    static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(SmsLength::isCjk);
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
