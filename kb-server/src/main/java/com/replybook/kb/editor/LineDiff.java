package com.replybook.kb.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff (longest common subsequence) of two texts. Each {@link Row} pairs a left and a
 * right line; {@code kind} is {@code same}, {@code changed}, {@code removed} (left only) or {@code added}
 * (right only). Texts are capped at {@value #MAX_LINES} lines each, which keeps the table small enough to
 * read and the quadratic algorithm cheap. Stateless.
 */
public final class LineDiff { // public only so that FreeMarker may read its rows

    static final int MAX_LINES = 2_000;

    public record Row(String kind, String left, String right) {
    }

    static List<Row> diff(String a, String b) {
        List<String> x = lines(a);
        List<String> y = lines(b);
        int[][] lcs = new int[x.size() + 1][y.size() + 1];
        for (int i = x.size() - 1; i >= 0; i--) {
            for (int j = y.size() - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> out = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.size() || j < y.size()) {
            if (i < x.size() && j < y.size() && x.get(i).equals(y.get(j))) {
                flush(out, removed, added);
                out.add(new Row("same", x.get(i++), y.get(j++)));
            } else if (j < y.size() && (i == x.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(y.get(j++));
            } else {
                removed.add(x.get(i++));
            }
        }
        flush(out, removed, added);
        return out;
    }

    /** Pairs up a run of removed and added lines as changes, the rest as pure removals or additions. */
    private static void flush(List<Row> out, List<String> removed, List<String> added) {
        int n = Math.max(removed.size(), added.size());
        for (int k = 0; k < n; k++) {
            String l = k < removed.size() ? removed.get(k) : null;
            String r = k < added.size() ? added.get(k) : null;
            out.add(new Row(l != null && r != null ? "changed" : l != null ? "removed" : "added", l, r));
        }
        removed.clear();
        added.clear();
    }

    private static List<String> lines(String s) {
        if (s == null || s.isEmpty()) return List.of();
        List<String> all = List.of(s.replace("\r\n", "\n").split("\n", -1));
        return all.size() > MAX_LINES ? all.subList(0, MAX_LINES) : all;
    }
}
