package com.replybook.kb.cases;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text as personal-data patterns should see it, with the way back to the original's offsets. Writing a number so
 * that patterns miss it is the oldest trick: full-width digits (１３８００１３８０００), characters nobody sees inside
 * it (zero-width spaces, soft hyphens), groups (4111 1111 1111 1111, 138-0013-8000). So each character is folded
 * to its compatibility form (NFKC: full-width to ASCII, ＠ to @), invisible format characters are dropped, and the
 * separators between digit groups of three or more digits are removed; dates (2023-11-11), times, amounts (199.00)
 * and addresses (192.168.1.1) keep theirs, having shorter groups. Immutable.
 *
 * <pre>{@code
 * NormalizedText n = NormalizedText.of("电话：１３８\u200B0013 8000");
 * n.text();                 // "电话：13800138000"
 * n.originalStart(3);       // 3
 * n.originalEnd(14);        // 18: the whole written number, its zero-width space and blank included
 * }</pre>
 */
final class NormalizedText {

    /** Digit groups of 3+ digits joined by 1–3 separators: blanks, dashes, dots, slashes, middle dots. */
    private static final Pattern GROUPED = Pattern.compile("\\d{3,}(?:[ \\-./·\u2010-\u2015]{1,3}\\d{3,})+");
    private static final Pattern SEPARATOR = Pattern.compile("[ \\-./·\u2010-\u2015]");

    private final String text;
    /** For each character of {@link #text}: where the original character it came from starts and ends. */
    private final int[] starts;
    private final int[] ends;

    private NormalizedText(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    static NormalizedText of(String original) {
        StringBuilder folded = new StringBuilder(original.length());
        IntList starts = new IntList(original.length());
        IntList ends = new IntList(original.length());
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.getType(cp) != Character.FORMAT) {
                String one = original.substring(i, next);
                String nfkc = isPlainAscii(cp) ? one : Normalizer.normalize(one, Normalizer.Form.NFKC);
                for (int k = 0; k < nfkc.length(); k++) {
                    folded.append(nfkc.charAt(k));
                    starts.add(i);
                    ends.add(next);
                }
            }
            i = next;
        }
        return withoutGroupSeparators(folded.toString(), starts.toArray(), ends.toArray());
    }

    private static NormalizedText withoutGroupSeparators(String folded, int[] starts, int[] ends) {
        StringBuilder out = new StringBuilder(folded.length());
        IntList outStarts = new IntList(folded.length());
        IntList outEnds = new IntList(folded.length());
        Matcher grouped = GROUPED.matcher(folded);
        int copied = 0;
        while (grouped.find()) {
            copy(folded, starts, ends, copied, grouped.start(), out, outStarts, outEnds);
            for (int k = grouped.start(); k < grouped.end(); k++) {
                if (!SEPARATOR.matcher(folded.substring(k, k + 1)).matches()) {
                    copy(folded, starts, ends, k, k + 1, out, outStarts, outEnds);
                }
            }
            copied = grouped.end();
        }
        copy(folded, starts, ends, copied, folded.length(), out, outStarts, outEnds);
        return new NormalizedText(out.toString(), outStarts.toArray(), outEnds.toArray());
    }

    private static void copy(String from, int[] starts, int[] ends, int begin, int end, StringBuilder out,
                             IntList outStarts, IntList outEnds) {
        out.append(from, begin, end);
        for (int k = begin; k < end; k++) {
            outStarts.add(starts[k]);
            outEnds.add(ends[k]);
        }
    }

    private static boolean isPlainAscii(int cp) {
        return cp < 0x80;
    }

    String text() {
        return text;
    }

    /** Where the original character behind {@code text().charAt(index)} starts. */
    int originalStart(int index) {
        return starts[index];
    }

    /** Where the original text behind {@code text()[.., end)} ends, i.e. after the character behind {@code end - 1}. */
    int originalEnd(int end) {
        return ends[end - 1];
    }

    /** A growable int array: the offset tables are built one character at a time. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (size == values.length) values = java.util.Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
