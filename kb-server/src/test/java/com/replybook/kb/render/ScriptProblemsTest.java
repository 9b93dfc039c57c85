package com.replybook.kb.render;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** FreeMarker's parser and runtime errors become a few plain problems, each where the editor has to look. */
class ScriptProblemsTest {

    private static final ScriptRenderer RENDERER = new ScriptRenderer();

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    /** The only problem of {@code script}: its code, line, column and arguments. */
    static ScriptProblem only(String script) {
        List<ScriptProblem> problems = RENDERER.validate(script);
        assertEquals(1, problems.size(), problems.toString());
        ScriptProblem p = problems.getFirst();
        for (String raw : List.of("Encountered", "was expecting", "FreeMarker", "<DOT_DOT_LESS>", "wrapper")) {
            assertFalse(p.message().contains(raw), "plain words, not FreeMarker's: " + p.message());
        }
        return p;
    }

    static void assertProblem(String script, ScriptError error, int line, int column, Map<String, Object> args) {
        ScriptProblem p = only(script);
        assertEquals(List.of(error.code(), line, column, args), List.of(p.reason(), p.line(), p.column(), p.args()), p.message());
    }

    @Test
    void anUnclosedDirectiveIsReportedWhereItOpens() {
        assertProblem("您好。\n<#if order.amount?number gt 100>大额订单\n谢谢。", ScriptError.UNCLOSED, 2, 1,
                Map.of("what", "<#if>", "end", "</#if>"));
        assertProblem("订单 ${order.id", ScriptError.UNCLOSED, 1, 4, Map.of("what", "${", "end", "}"));
    }

    @Test
    void anEndTagWithoutItsDirectiveAndAnElseOutsideAnIfAreNamed() {
        assertProblem("已发出。</#if>", ScriptError.STRAY_END, 1, 5, Map.of("tag", "</#if>"));
        assertProblem("<#else>已发出。", ScriptError.MISPLACED, 1, 1, Map.of("tag", "<#else>"));
    }

    @Test
    void anIncompleteOrUnknownTagIsNamed() {
        assertProblem("<#if>大额</#if>", ScriptError.MALFORMED_TAG, 1, 2, Map.of("directive", "#if"));
        assertProblem("<#iff order??>x</#iff>", ScriptError.UNKNOWN_DIRECTIVE, 1, 2, Map.of("directive", "#iff"));
    }

    @Test
    void anUnexpectedWordAndAnUnclosedQuoteAreNamed() {
        assertProblem("您好，${customer.name 先生}", ScriptError.UNEXPECTED, 1, 20, Map.of("token", "先生"));
        assertEquals(ScriptError.UNCLOSED_STRING.code(), only("${\"abc}").reason());
    }

    @Test
    void aValueThatIsNotANumberIsShownWithWhatItIs() {
        ScriptProblem p = RENDERER.validate("${order.id?number}").getFirst();
        assertEquals(List.of(ScriptError.NOT_A_NUMBER.code(), 1, 3), List.of(p.reason(), p.line(), p.column()));
        assertEquals(Map.of("expression", "order.id?number", "value", "E1024"), p.args());
    }
}
