package com.replybook.kb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known FreeMarker attacks: each is rejected when saved and refused or contained when rendered. */
class ScriptAttackTest {

    private static final ScriptRenderer RENDERER =
            new ScriptRenderer(RenderSettings.defaults().withTimeLimit(Duration.ofMillis(1500)));

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
        "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
        "${\"freemarker.template.utility.ObjectConstructor\"?new()(\"java.io.File\", \"/etc/passwd\")}",
        "${\"freemarker.template.utility.JythonRuntime\"?new()}",
        "${customer?api.getClass()}",
        "${customer.name?api}",
        "${\"${\\\"x\\\"?new()}\"}",
        "${\"1+1\"?eval}",
        "${\"<#assign x = 1>\"?interpret}",
        "<@\"${'x'}\"?interpret />",
        "${\"{}\"?eval_json}",
        "<#include \"/etc/passwd\">",
        "<#include \"tone/warm.zh-CN.ftl\">",
        "<#import \"channel/chat.en.ftl\" as c>",
        "${.get_optional_template(\"x\").exists?c}",
        "${.vars?size}",
        "${.data_model?size}",
        "${statics[\"java.lang.System\"].exit(1)}",
        "<#macro r><@r/></#macro><@r/>",
        "<#function f n><#return f(n)></#function>${f(1)}",
        "<#list 1..999999999 as i>x</#list>",
        "${(1..999999999)?join(\"\")}",
        "<#assign s = \"x\"><#list 1..40 as i><#assign s = s + s></#list>${s}",
        "${\"x\"?left_pad(999999999)}",
        "${\"x\"?replace(\"x\", \"xxxxxxxxxx\")?replace(\"x\", \"xxxxxxxxxx\")}",
        "<#setting locale=\"en\">",
        "<#attempt>${x}<#recover>y</#attempt>",
        "<#visit x>",
        "<#global g = 1>",
        "<#ftl output_format=\"HTML\">x",
        "${",
        // ?number reads amounts only: an exponent would print (or round) a billion digits.
        "${\"1e999999999\"?number}",
        "${\"1e999999999\"?number?round}",
        "<#if (\"9e999999999\"?number gt 1)>x</#if>",
        "${(\"1E99999999\"?number + 1)}",
        "${\"0x7fffffff\"?number}",
        "${\"Infinity\"?number}",
        "${\"NaN\"?number}",
        "${order.amount?number?new()}",
        "<#assign n = order.amount?number>${n}"
    })
    void aDangerousOrInvalidScriptIsRejectedAtSaveTimeAndRefusedAtRenderTime(String script) {
        List<ScriptProblem> problems = RENDERER.validate(script);

        assertFalse(problems.isEmpty(), "validate accepted " + script);
        problems.forEach(p -> assertTrue(p.line() >= 1 && p.column() >= 1, p.toString()));
        assertThrows(ScriptRejectedException.class,
                () -> RENDERER.render(RenderRequest.of(script, "en", Replies.FULL_CONTEXT_EN)));
    }

    @Test
    void aProblemNamesTheLineAndColumnOfTheOffendingConstruct() {
        List<ScriptProblem> problems = RENDERER.validate("Line one.\nSee ${order.id?new()} here.");

        assertEquals(List.of(ScriptProblem.of(2, 5, ScriptError.BUILT_IN_NOT_ALLOWED, "new")), problems);
        assertEquals("?new is not allowed in scripts", problems.getFirst().message());
    }

    @Test
    void aTypoInAVariableIsReportedWithItsPlace() {
        List<ScriptProblem> problems = RENDERER.validate("Hi.\n  ${ordr.id} and ${order.idd}");

        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("ordr"), problems.toString());
    }

    @Test
    void anUnknownFieldOfAKnownVariableIsReportedAtSaveTime() {
        List<ScriptProblem> problems = RENDERER.validate("Order ${order.status} ok");

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(1, problems.get(0).line());
        assertEquals(7, problems.get(0).column());
        assertTrue(problems.get(0).message().contains("order.status"), problems.toString());
    }

    @Test
    void squareBracketSyntaxIsPlainText() {
        RenderResult reply = RENDERER.render(RenderRequest.of("[#include \"x\"] [=1]", "en", Map.of()));

        assertTrue(reply.text().contains("[#include \"x\"] [=1]"), reply.text());
    }

    @Test
    void aRunawayLoopOverContextListsIsStoppedByTheTimeLimit() {
        List<String> items = Collections.nCopies(100, "x");
        String script = "<#list order.items as a><#list order.items as b><#list order.items as c>"
                + "<#list order.items as d><#list order.items as e></#list></#list></#list></#list></#list>";
        long start = System.nanoTime();

        ScriptRejectedException e = assertThrows(ScriptRejectedException.class, () -> RENDERER.render(
                RenderRequest.of(script, "en", Map.of("order", Map.of("items", items)))));

        assertTrue(e.problems().get(0).message().contains("took longer"), e.problems().toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000);
        // The interrupted worker is free again: a normal render still succeeds promptly.
        assertEquals("en", RENDERER.render(RenderRequest.of("ok", "en", Map.of())).locale());
    }

    @Test
    void hugeOutputIsCutOffByTheSizeCap() {
        List<String> items = Collections.nCopies(100, "0123456789");
        String script = "<#list order.items as a><#list order.items as b>${a}${b}</#list></#list>";

        ScriptRejectedException e = assertThrows(ScriptRejectedException.class, () -> RENDERER.render(
                RenderRequest.of(script, "en", Map.of("order", Map.of("items", items)))));

        assertTrue(e.problems().get(0).message().contains("more than"), e.problems().toString());
    }

    @Test
    void aDeeplyNestedScriptIsRejectedNotCrashingTheServer() {
        String script = "${" + "(".repeat(9_000) + "1" + ")".repeat(9_000) + "}";

        assertFalse(RENDERER.validate(script).isEmpty());
    }

    @Test
    void anOverlongScriptIsRejected() {
        assertFalse(RENDERER.validate("x".repeat(ScriptCompiler.MAX_SCRIPT_CHARS + 1)).isEmpty());
    }
}
