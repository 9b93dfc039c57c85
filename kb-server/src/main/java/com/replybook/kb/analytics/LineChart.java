package com.replybook.kb.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a line chart of daily series (the TOP list's trend lines), for the page's SVG template: a
 * {@value #WIDTH}×{@value #HEIGHT} view box that scales to any width, a y axis with round ticks, dates on the x axis
 * (about {@value #X_LABELS} of them, {@code MM-dd}), one polyline per series. Pure and deterministic.
 *
 * @param lines  one per series, in the given order (the page styles them {@code series-0}, {@code series-1}, …)
 * @param yTicks values and heights of the y axis' labels
 * @param xTicks dates and positions of the x axis' labels
 */
public record LineChart(List<Line> lines, List<Tick> yTicks, List<Tick> xTicks, double left, double right, double top,
                 double bottom) {

    static final int WIDTH = 400;
    static final int HEIGHT = 200;
    static final int X_LABELS = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    /** A series drawn: its name, link, total and its points as SVG wants them ({@code "32.0,180.0 92.0,120.0"}). */
    public record Line(String name, String href, long total, String points, int index) {
    }

    /** An axis label: its text and where it goes along the axis. */
    public record Tick(String label, double at) {
    }

    /** A series to draw: name, the page it links to, daily values oldest first. */
    record Series(String name, String href, List<Long> daily) {
    }

    static LineChart of(List<Series> series, List<LocalDate> dates) {
        double left = 34, right = WIDTH - 22, top = 10, bottom = HEIGHT - 22;
        long max = Ticks.niceCeiling(series.stream().flatMap(s -> s.daily().stream()).mapToLong(Long::longValue).max().orElse(0));
        int n = dates.size();
        double step = n > 1 ? (right - left) / (n - 1) : 0;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            StringBuilder points = new StringBuilder();
            for (int d = 0; d < s.daily().size(); d++) {
                double x = n > 1 ? left + d * step : (left + right) / 2;
                double y = bottom - (bottom - top) * s.daily().get(d) / max;
                points.append(d == 0 ? "" : " ").append(Ticks.round(x)).append(',').append(Ticks.round(y));
            }
            lines.add(new Line(s.name(), s.href(), s.daily().stream().mapToLong(Long::longValue).sum(), points.toString(), i));
        }
        List<Tick> yTicks = Ticks.of(max).stream()
                .map(v -> new Tick(Long.toString(v), Ticks.round(bottom - (bottom - top) * v / max))).toList();
        List<Tick> xTicks = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(n / (double) X_LABELS));
        for (int d = (n - 1) % every; d < n; d += every) {
            xTicks.add(new Tick(DAY.format(dates.get(d)), Ticks.round(n > 1 ? left + d * step : (left + right) / 2)));
        }
        return new LineChart(lines, yTicks, xTicks, left, right, top, bottom);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }
}
