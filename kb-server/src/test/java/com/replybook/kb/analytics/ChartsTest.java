package com.replybook.kb.analytics;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts' geometry: round axes, points where the values are, a word cloud without overlaps, same input same picture. */
class ChartsTest {

    static final List<LocalDate> WEEK = LocalDate.parse("2026-12-04").datesUntil(LocalDate.parse("2026-12-11")).toList();

    @Test
    void axesUseRoundNumbers() {
        assertEquals(1, Ticks.niceCeiling(0));
        assertEquals(5, Ticks.niceCeiling(3));
        assertEquals(10, Ticks.niceCeiling(7));
        assertEquals(50, Ticks.niceCeiling(23));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), Ticks.of(5));
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L, 50L), Ticks.of(50));
        assertTrue(Ticks.of(2000).size() <= 6, Ticks.of(2000).toString());
    }

    @Test
    void aLineRunsFromTheFirstDayToTheLastWithTheMaximumAtTheTop() {
        LineChart chart = LineChart.of(List.of(new LineChart.Series("质量", "/x", List.of(0L, 2L, 0L, 3L, 0L, 0L, 5L))), WEEK);
        String[] points = chart.lines().getFirst().points().split(" ");
        assertEquals(7, points.length);
        assertEquals(chart.left() + "," + chart.bottom(), points[0], "0 on the first day sits on the x axis at the left");
        assertEquals(chart.right() + "," + chart.top(), points[6], "the maximum on the last day at the top right");
        assertEquals(10, chart.lines().getFirst().total());
        assertEquals("12-10", chart.xTicks().getLast().label(), "the last day is always labelled");
        assertEquals("5", chart.yTicks().getLast().label());
    }

    @Test
    void barsAreProportionalAndLongNamesAreShortened() {
        BarChart chart = BarChart.of(List.of(new BarChart.Item("降噪耳机 X2", 6), new BarChart.Item("x".repeat(40), 3)));
        assertEquals(chart.bars().get(0).length() / 2, chart.bars().get(1).length(), 0.1);
        assertEquals(BarChart.MAX_LABEL, chart.bars().get(1).label().length());
        assertTrue(chart.bars().get(1).label().endsWith("…"));
    }

    @Test
    void theWordCloudPlacesWordsWithoutOverlapInsideTheBoxTheSameWayEveryTime() {
        List<WordCloud.Word> words = new ArrayList<>();
        String[] texts = {"失望", "着急", "太过分", "disappointed", "不满意", "投诉", "差评", "担心", "unacceptable", "气死",
                "敷衍", "后悔", "急用", "到底", "furious", "赶紧"};
        for (int i = 0; i < texts.length; i++) words.add(new WordCloud.Word(texts[i], 40 - 2L * i, "angry"));
        WordCloud cloud = WordCloud.of(words);
        assertEquals(cloud, WordCloud.of(words), "deterministic");
        assertEquals(texts.length, cloud.words().size(), "sixteen words fit");
        assertEquals(WordCloud.MAX_SIZE, cloud.words().getFirst().size(), 0.1, "the most frequent word is the largest");
        List<double[]> boxes = cloud.words().stream().map(w -> {
            double width = WordCloud.textWidth(w.text(), w.size());
            double top = w.y() - w.size() * 0.35 - w.size() * 0.55;
            return new double[]{w.x() - width / 2, top, w.x() + width / 2, top + w.size() * 1.1};
        }).toList();
        for (int i = 0; i < boxes.size(); i++) {
            double[] a = boxes.get(i);
            assertTrue(a[0] >= 0 && a[1] >= 0 && a[2] <= WordCloud.WIDTH && a[3] <= WordCloud.HEIGHT, cloud.words().get(i).text());
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] b = boxes.get(j);
                assertFalse(a[0] < b[2] - 0.2 && b[0] < a[2] - 0.2 && a[1] < b[3] - 0.2 && b[1] < a[3] - 0.2,
                        cloud.words().get(i).text() + " overlaps " + cloud.words().get(j).text());
            }
        }
    }
}
