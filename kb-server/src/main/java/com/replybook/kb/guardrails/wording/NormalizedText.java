package com.replybook.kb.guardrails.wording;

import com.replybook.kb.search.SimplifiedChinese;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text folded for matching, with the way back to the original's offsets: traditional Chinese → simplified (ICU's
 * character mapping, as search uses it), full width → half width (NFKC), lower case, and without spaces,
 * punctuation or apostrophes, so that {@code 您別生氣！}, {@code 您 别 生气} and {@code 您别生气} fold alike, as do
 * {@code Don’t} and {@code dont}. Immutable.
 *
 * <p>Masked ranges (e.g. FreeMarker's {@code ${order.id}} in a script) fold to one {@link #PLACEHOLDER}, which no
 * phrase contains: a phrase never matches across a value that is only known when the reply is rendered.
 */
final class NormalizedText {

    /** Stands for a masked range; a phrase can never contain it. */
    static final char PLACEHOLDER = '\uFFFC';

    private final String original;
    private final String folded;
    private final int[] from;
    private final int[] to;

    private NormalizedText(String original, String folded, int[] from, int[] to) {
        this.original = original;
        this.folded = folded;
        this.from = from;
        this.to = to;
    }

    /** {@code text} folded, nothing masked. */
    static NormalizedText of(String text) {
        return of(text, List.of());
    }

    /** {@code text} folded; each {@code [start, end)} of {@code masked} (sorted, disjoint) becomes one placeholder. */
    static NormalizedText of(String text, List<int[]> masked) {
        StringBuilder out = new StringBuilder(text.length());
        int[] from = new int[text.length() + 1];
        int[] to = new int[text.length() + 1];
        int m = 0;
        for (int i = 0; i < text.length(); ) {
            if (m < masked.size() && masked.get(m)[0] == i) {
                from[out.length()] = i;
                to[out.length()] = masked.get(m)[1];
                out.append(PLACEHOLDER);
                i = masked.get(m++)[1];
                continue;
            }
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            for (char c : fold(cp).toCharArray()) {
                if (ignorable(c)) continue;
                from[out.length()] = i;
                to[out.length()] = next;
                out.append(c);
            }
            i = next;
        }
        return new NormalizedText(text, out.toString(), Arrays.copyOf(from, out.length()), Arrays.copyOf(to, out.length()));
    }

    /** A phrase part folded like text: {@code fold("Don’t 生氣")} is {@code dont生气}. */
    static String foldPhrase(String phrase) {
        return of(phrase).folded;
    }

    private static String fold(int cp) {
        String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SimplifiedChinese.fold(s);
    }

    /** Spaces, punctuation and apostrophes carry no meaning for a phrase. */
    private static boolean ignorable(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == PLACEHOLDER) return true;
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.FORMAT, Character.CONTROL -> true;
            default -> c == '`' || c == '´' || c == 'ʼ';
        };
    }

    String folded() {
        return folded;
    }

    String original() {
        return original;
    }

    /** Where folded character {@code i} starts in the original. */
    int start(int i) {
        return from[i];
    }

    /** Where folded character {@code i} ends in the original (exclusive). */
    int end(int i) {
        return to[i];
    }
}
