package com.replybook.kb.guardrails.wording;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;

/**
 * Characters too common to be a rule on their own: every Latin letter and digit, and the 3,755 Chinese characters of
 * GB 2312's first level (the standard's "常用汉字", frequently used characters; traditional characters are folded to
 * simplified before they get here). A phrase of one such character would flag nearly every reply.
 */
final class CommonCharacters {

    private static final Charset GB2312 = Charset.isSupported("GB2312") ? Charset.forName("GB2312") : null;

    private CommonCharacters() {
    }

    static boolean isCommon(char c) {
        if (c < 0x80) return Character.isLetterOrDigit(c);
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) return false;
        if (GB2312 == null) return true; // without the table, every Chinese character counts as common
        try {
            ByteBuffer bytes = GB2312.newEncoder().encode(CharBuffer.wrap(new char[] {c}));
            int lead = bytes.get(0) & 0xFF;
            return bytes.remaining() == 2 && lead >= 0xB0 && lead <= 0xD7; // level 1: rows 16–55
        } catch (CharacterCodingException e) {
            return false; // not in GB 2312 at all: rare
        }
    }
}
