package com.replybook.kb.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic word-cloud layout for the page's SVG template: words in the order given (most frequent first),
 * sized by the square root of their count between {@value #MIN_SIZE} and {@value #MAX_SIZE} units, each placed at
 * the first point of an Archimedean spiral from the centre where its box overlaps no word placed before and stays
 * inside the {@value #WIDTH}×{@value #HEIGHT} view box. A word that finds no place is left out of the picture (the
 * table under it lists every word). Widths are estimated: a CJK character is one em, other characters 0.6 em.
 * Same words in, same picture out.
 */
public record WordCloud(List<Placed> words) {

    static final int WIDTH = 400;
    static final int HEIGHT = 240;
    static final double MIN_SIZE = 13;
    static final double MAX_SIZE = 42;
    private static final int MAX_STEPS = 4_000;

    /** A word placed: text, size, the middle of its baseline ({@code x}, {@code y}), and its emotion for the colour. */
    public record Placed(String text, long count, String emotion, double x, double y, double size) {
    }

    /** A word to place. */
    record Word(String text, long count, String emotion) {
    }

    private record Box(double x0, double y0, double x1, double y1) {
        boolean overlaps(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }

        boolean inside() {
            return x0 >= 2 && y0 >= 2 && x1 <= WIDTH - 2 && y1 <= HEIGHT - 2;
        }
    }

    static WordCloud of(List<Word> words) {
        long max = words.stream().mapToLong(Word::count).max().orElse(1);
        long min = words.stream().mapToLong(Word::count).min().orElse(1);
        List<Box> boxes = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        for (Word w : words) {
            double size = size(w.count(), min, max);
            double width = textWidth(w.text(), size) + 4;
            double height = size * 1.1;
            for (int step = 0; step < MAX_STEPS; step++) {
                double angle = step * 0.25;
                double r = 1.6 * angle;
                double cx = WIDTH / 2.0 + r * Math.cos(angle) * 1.6; // the box is wider than tall: a flatter spiral
                double cy = HEIGHT / 2.0 + r * Math.sin(angle);
                Box box = new Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2);
                if (box.inside() && boxes.stream().noneMatch(box::overlaps)) {
                    boxes.add(box);
                    placed.add(new Placed(w.text(), w.count(), w.emotion(), Ticks.round(cx), Ticks.round(cy + size * 0.35),
                            Ticks.round(size)));
                    break;
                }
            }
        }
        return new WordCloud(placed);
    }

    static double size(long count, long min, long max) {
        if (max == min) return (MIN_SIZE + MAX_SIZE) / 2;
        double t = (Math.sqrt(count) - Math.sqrt(min)) / (Math.sqrt(max) - Math.sqrt(min));
        return MIN_SIZE + t * (MAX_SIZE - MIN_SIZE);
    }

    static double textWidth(String text, double size) {
        return text.codePoints().mapToDouble(c -> Character.isIdeographic(c) || c > 0x2E80 ? size : size * 0.6).sum();
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }
}
