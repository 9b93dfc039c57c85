package com.replybook.kb.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a horizontal bar chart (products by inserts), for the page's SVG template: each row has its
 * label on a line of its own above the bar, so long product names stay readable on a phone; a label longer than
 * {@value #MAX_LABEL} characters is shortened with an ellipsis (the table below the chart has it whole). The
 * longest bar spans the width. Pure and deterministic.
 */
public record BarChart(List<Bar> bars, int height) {

    static final int WIDTH = 400;
    static final int ROW = 36;
    static final int MAX_LABEL = 28;

    /** A bar: its label (maybe shortened), full name, value, link, and where it goes. */
    public record Bar(String label, String name, long value, double y, double length) {
    }

    /** A row to draw. */
    record Item(String name, long value) {
    }

    static BarChart of(List<Item> items) {
        long max = Math.max(1, items.stream().mapToLong(Item::value).max().orElse(1));
        double room = WIDTH - 40; // the value is written after the bar
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            bars.add(new Bar(shorten(it.name()), it.name(), it.value(), i * ROW,
                    Ticks.round(Math.max(2, room * it.value() / max))));
        }
        return new BarChart(bars, Math.max(ROW, items.size() * ROW));
    }

    static String shorten(String s) {
        return s.codePointCount(0, s.length()) <= MAX_LABEL ? s
                : s.substring(0, s.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
    }

    public int width() {
        return WIDTH;
    }
}
