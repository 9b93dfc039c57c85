package com.replybook.kb.editor;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A side-by-side diff of two texts that marks what changed word by word: lines are paired first, and within a
 * changed pair each token is compared, where a token is a script variable such as {@code ${order.id}}, a word or
 * number of a script that separates words with spaces, or one character of Chinese (or Japanese, Korean) text. So
 * "明天送到" → "后天送到" marks only 明 and 后, and "arrives tomorrow" → "arrives today" only the last word.
 * Both algorithms are java-diff-utils' (Myers). Texts are capped at {@value #MAX_LINES} lines each. Stateless.
 */
public final class WordDiff { // public only so that FreeMarker may read its rows

    static final int MAX_LINES = 2_000;
    private static final Pattern TOKEN = Pattern.compile(
            "\\$\\{[^}\\s]{1,100}}|[\\p{L}\\p{N}_&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]]+|\\s+|.",
            Pattern.DOTALL);

    /** A run of text, {@code changed} when it differs from the other side. */
    public record Segment(String text, boolean changed) {
    }

    /**
     * A left and a right line: {@code kind} is {@code same}, {@code changed} (both sides, with their changed
     * segments marked), {@code removed} (left only) or {@code added} (right only).
     */
    public record Row(String kind, List<Segment> left, List<Segment> right) {
    }

    private WordDiff() {
    }

    static List<Row> diff(String a, String b) {
        List<String> x = lines(a);
        List<String> y = lines(b);
        List<Row> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(x, y).getDeltas()) {
            int from = d.getSource().getPosition();
            for (; i < from; i++) out.add(same(x.get(i)));
            pair(out, d.getSource().getLines(), d.getTarget().getLines());
            i = from + d.getSource().size();
        }
        for (; i < x.size(); i++) out.add(same(x.get(i)));
        return out;
    }

    /** The tokens of {@code line}, in order; joined they give the line back. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** Pairs removed and added lines as changes (marked word by word), the rest as pure removals or additions. */
    private static void pair(List<Row> out, List<String> removed, List<String> added) {
        int n = Math.max(removed.size(), added.size());
        for (int k = 0; k < n; k++) {
            String l = k < removed.size() ? removed.get(k) : null;
            String r = k < added.size() ? added.get(k) : null;
            if (l != null && r != null) out.add(changed(l, r));
            else if (l != null) out.add(new Row("removed", List.of(new Segment(l, true)), List.of()));
            else out.add(new Row("added", List.of(), List.of(new Segment(r, true))));
        }
    }

    private static Row changed(String l, String r) {
        List<String> x = tokens(l);
        List<String> y = tokens(r);
        List<Segment> left = new ArrayList<>();
        List<Segment> right = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(x, y).getDeltas()) {
            for (; i < d.getSource().getPosition(); i++) add(left, x.get(i), false);
            for (; j < d.getTarget().getPosition(); j++) add(right, y.get(j), false);
            for (String t : d.getSource().getLines()) add(left, t, true);
            for (String t : d.getTarget().getLines()) add(right, t, true);
            i += d.getSource().size();
            j += d.getTarget().size();
        }
        for (; i < x.size(); i++) add(left, x.get(i), false);
        for (; j < y.size(); j++) add(right, y.get(j), false);
        return new Row("changed", left, right);
    }

    /** Appends {@code text}, joining it to the last segment when that has the same mark. */
    private static void add(List<Segment> segments, String text, boolean changed) {
        if (!segments.isEmpty() && segments.getLast().changed() == changed) {
            segments.set(segments.size() - 1, new Segment(segments.getLast().text() + text, changed));
        } else {
            segments.add(new Segment(text, changed));
        }
    }

    private static Row same(String line) {
        List<Segment> s = List.of(new Segment(line, false));
        return new Row("same", s, s);
    }

    private static List<String> lines(String s) {
        if (s == null || s.isEmpty()) return List.of();
        List<String> all = List.of(s.replace("\r\n", "\n").split("\n", -1));
        return all.size() > MAX_LINES ? all.subList(0, MAX_LINES) : all;
    }
}
