package com.replybook.kb.search.analysis;

import java.util.Locale;

/**
 * Folds a whole text the way every analysis chain folds its tokens ({@link SearchAnalyzers}): full-width forms to
 * half-width ({@code ＡＢＣ１２３？} → {@code abc123?}, as {@code CJKWidthFilter} does), lower case, traditional to
 * simplified Chinese ({@link SimplifiedChineseCharFilter}), and every run of white space (the ideographic space
 * too) to one space, trimmed. Two texts the lexical half of search cannot tell apart fold to the same string, so a
 * query's embedding can be computed from, and cached under, its folded form: {@code 發錯貨了 } and {@code 发错货了}
 * are one text to embed.
 */
public final class TextFolding {

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_TO_HALF = 0xFEE0;

    private TextFolding() {
    }

    /** {@code text} folded; {@code fold(fold(t)).equals(fold(t))}. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) c = (char) (c - FULL_TO_HALF);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = !out.isEmpty();
                continue;
            }
            if (space) out.append(' ');
            space = false;
            out.append(c);
        }
        return SimplifiedChineseCharFilter.fold(out.toString().toLowerCase(Locale.ROOT));
    }
}
