package com.replybook.kb.search.analysis;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.CharFilter;

import java.io.IOException;
import java.io.Reader;

/**
 * Folds traditional Chinese characters to simplified ones before tokenising, so that 發錯貨 and 发错货 analyse
 * alike and the ICU word segmenter sees simplified text (its dictionary segments it better).
 *
 * <p>The mapping is ICU's {@code Traditional-Simplified} transform applied character by character and kept only
 * where it maps one BMP character to one BMP character. That keeps every offset unchanged (highlights stay
 * right) and makes the filter a table look-up; ICU's few context-dependent phrase mappings are lost, and regional
 * vocabulary (螢幕/屏幕) is the synonyms' job anyway. Stateless apart from the wrapped reader.
 */
public final class SimplifiedChineseCharFilter extends CharFilter {

    public SimplifiedChineseCharFilter(Reader in) {
        super(in);
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff; // one char in, one char out
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = input.read(buf, off, len);
        char[] table = Table.MAP;
        for (int i = off; i < off + n; i++) buf[i] = table[buf[i]];
        return n;
    }

    /** Folds a whole string, e.g. before embedding it: {@code fold("發錯貨了") == "发错货了"}. */
    public static String fold(String text) {
        char[] table = Table.MAP;
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = table[chars[i]];
        return new String(chars);
    }

    /** Built on first use (a few hundred milliseconds), then shared read-only. */
    private static final class Table {
        static final char[] MAP = build();

        private static char[] build() {
            char[] map = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c < map.length; c++) map[c] = (char) c;
            Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
            mapRange(map, t2s, 0x3400, 0x4DBF);  // CJK extension A
            mapRange(map, t2s, 0x4E00, 0x9FFF);  // CJK unified ideographs
            mapRange(map, t2s, 0xF900, 0xFAFF);  // CJK compatibility ideographs
            return map;
        }

        private static void mapRange(char[] map, Transliterator t2s, int from, int to) {
            for (int c = from; c <= to; c++) {
                String out = t2s.transliterate(String.valueOf((char) c));
                if (out.length() == 1 && !Character.isSurrogate(out.charAt(0))) map[c] = out.charAt(0);
            }
        }
    }
}
