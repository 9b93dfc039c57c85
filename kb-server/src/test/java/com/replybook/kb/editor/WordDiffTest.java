package com.replybook.kb.editor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordDiffTest {

    /** The marked (changed) text of each side of the rows, joined, as "left | right". */
    private static String marks(List<WordDiff.Row> rows) {
        StringBuilder l = new StringBuilder();
        StringBuilder r = new StringBuilder();
        for (WordDiff.Row row : rows) {
            row.left().stream().filter(WordDiff.Segment::changed).forEach(s -> l.append('[').append(s.text()).append(']'));
            row.right().stream().filter(WordDiff.Segment::changed).forEach(s -> r.append('[').append(s.text()).append(']'));
        }
        return l + " | " + r;
    }

    @Test
    void chineseTextIsComparedCharacterByCharacter() {
        List<WordDiff.Row> rows = WordDiff.diff("包裹明天送到，请您放心。", "包裹后天送到，请您放心。");
        assertEquals(1, rows.size());
        assertEquals("changed", rows.getFirst().kind());
        assertEquals("[明] | [后]", marks(rows));
    }

    @Test
    void latinTextIsComparedWordByWordAndVariablesStayWhole() {
        assertEquals("[tomorrow] | [today]", marks(WordDiff.diff("It arrives tomorrow.", "It arrives today.")));
        assertEquals("[${order.id}] | [${tracking.no}]",
                marks(WordDiff.diff("订单 ${order.id} 已发出", "订单 ${tracking.no} 已发出")));
    }

    @Test
    void unchangedLinesStayUnmarkedAndExtraLinesAreWholeAdditionsOrRemovals() {
        List<WordDiff.Row> rows = WordDiff.diff("第一行\n第二行", "第一行\n第二行\n第三行");
        assertEquals(List.of("same", "same", "added"), rows.stream().map(WordDiff.Row::kind).toList());
        assertEquals(" | [第三行]", marks(rows));
        assertEquals(List.of("removed"), WordDiff.diff("只有一行", "").stream().map(WordDiff.Row::kind).toList());
    }

    @Test
    void tokensJoinBackIntoTheLine() {
        String line = "Hi ${customer.name}, 您的订单 E1024 已加急 (SF123)!";
        assertEquals(line, String.join("", WordDiff.tokens(line)));
        assertEquals(List.of("Hi", " ", "${customer.name}", ",", " ", "您", "的", "订", "单", " ", "E1024", " ", "已", "加",
                "急", " ", "(", "SF123", ")", "!"), WordDiff.tokens(line));
    }
}
