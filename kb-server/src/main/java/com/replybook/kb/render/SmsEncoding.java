package com.replybook.kb.render;

import java.util.Map;

/**
 * How an SMS goes over the air (3GPP TS 23.038 and 23.040), so that the segment count shown to the agent is what
 * the gateway will bill. A text made only of the GSM 7-bit alphabet is sent in septets: 160 in one message, 153
 * per part once it is split (each part carries a concatenation header), the extension characters such as
 * {@code €} or {@code [} taking two. Any other character, a Chinese one or a typographic dash alike, sends the
 * whole text as UCS-2: 70 UTF-16 units in one message, 67 per part (an emoji is two units).
 *
 * <p>Because a single {@code –} or {@code ’} would cost an English reply more than twice as many messages,
 * {@link #gsmWherePossible} first writes such punctuation with its GSM look-alike, as gateways' "smart encoding"
 * does; text that needs UCS-2 anyway (any CJK) is left exactly as written.
 */
final class SmsEncoding {

    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;

    /** The GSM 03.38 default alphabet: one septet each. */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: an escape septet plus one, so two each. */
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    /** Typographic characters and their GSM look-alikes (the common part of gateways' smart-encoding tables). */
    private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201A', "'"), Map.entry('\u201B', "'"),
            Map.entry('\u2032', "'"), Map.entry('\u00B4', "'"), Map.entry('\u02BC', "'"),
            Map.entry('\u201C', "\""), Map.entry('\u201D', "\""), Map.entry('\u201E', "\""), Map.entry('\u201F', "\""),
            Map.entry('\u2033', "\""), Map.entry('\u00AB', "\""), Map.entry('\u00BB', "\""),
            Map.entry('\u2010', "-"), Map.entry('\u2011', "-"), Map.entry('\u2012', "-"), Map.entry('\u2013', "-"),
            Map.entry('\u2014', "-"), Map.entry('\u2015', "-"), Map.entry('\u2212', "-"),
            Map.entry('\u2026', "..."), Map.entry('\u2022', "-"), Map.entry('\u00B7', "-"),
            Map.entry('\u00A0', " "), Map.entry('\u2002', " "), Map.entry('\u2003', " "), Map.entry('\u2009', " "),
            Map.entry('\u202F', " "), Map.entry('\u200B', ""), Map.entry('\uFEFF', ""), Map.entry('\t', " "));

    private SmsEncoding() {}

    /**
     * {@code text} with typographic punctuation written in the GSM alphabet, when that makes the whole text GSM;
     * otherwise (a CJK character, an emoji, a letter outside the alphabet) {@code text} unchanged, since it goes
     * out as UCS-2 either way and keeps its own punctuation.
     */
    static String gsmWherePossible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String alike = LOOK_ALIKES.get(c);
            if (alike != null) out.append(alike);
            else if (isGsm(c)) out.append(c);
            else return text;
        }
        return out.toString();
    }

    /** True when every character of {@code text} is in the GSM 7-bit alphabet or its extension table. */
    static boolean isGsm(String text) {
        return text.chars().allMatch(c -> isGsm((char) c));
    }

    /** Number of messages {@code text} is sent as; 0 for empty text. */
    static int segments(String text) {
        if (text.isEmpty()) return 0;
        return isGsm(text) ? gsmSegments(text) : ucs2Segments(text);
    }

    private static int gsmSegments(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) septets += septets(text.charAt(i));
        if (septets <= GSM_SINGLE) return 1;
        // An escape and the character it escapes are never split between two parts.
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = septets(text.charAt(i));
            if (used + size > GSM_PART) {
                parts++;
                used = 0;
            }
            used += size;
        }
        return parts;
    }

    private static int ucs2Segments(String text) {
        if (text.length() <= UCS2_SINGLE) return 1;
        // The two halves of a surrogate pair (an emoji) are never split between two parts.
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int size = Character.charCount(text.codePointAt(i));
            if (used + size > UCS2_PART) {
                parts++;
                used = 0;
            }
            used += size;
            i += size;
        }
        return parts;
    }

    private static int septets(char c) {
        return GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1;
    }

    private static boolean isGsm(char c) {
        return GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENDED.indexOf(c) >= 0;
    }
}
