package com.replybook.kb.render;

import com.replybook.kb.vocabulary.ScriptVariables;

import freemarker.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Save-time check of a script: compile it, then render it once with every documented variable filled in
 * and once as a public review reply, so unknown variables and type errors are found before a customer's
 * reply is.
 */
final class ScriptTrial {

    /** A full context with realistic values. */
    static final Map<String, Object> FULL_CONTEXT = Map.of(
            "customer", Map.of("name", "王女士"),
            "order", Map.of("id", "E1024", "amount", "199.00", "date", "2024-05-01"),
            "product", Map.of("name", "保温杯"),
            "tracking", Map.of("no", "SF1234567890", "carrier", "顺丰速运"),
            "agent", Map.of("name", "小美", "id", "A07"),
            "shop", Map.of("name", "Replybook 旗舰店"),
            "ticket", Map.of("id", "T-88"),
            "refund", Map.of("amount", "99.00"),
            "coupon", Map.of("amount", "10"),
            "compensation", Map.of("coupon", "10", "refund", "20", "gift", "30", "shipping", "12"));

    private final ScriptCompiler compiler;
    private final VariableTexts texts;

    ScriptTrial(ScriptCompiler compiler, VariableTexts texts) {
        this.compiler = compiler;
        this.texts = texts;
    }

    /** Problems with line and column; empty when the script may be saved. */
    List<ScriptProblem> problems(String source) {
        Template script = compiler.compile(source);
        TicketContext context = TicketContext.of(FULL_CONTEXT);
        List<ScriptProblem> problems = new ArrayList<>();
        RenderLog log = new RenderLog();
        try {
            compiler.run(script, ScriptModel.root(context, texts, false, Set.of(), log));
        } catch (ScriptRejectedException e) {
            return e.problems();
        }
        for (Map.Entry<String, int[]> unknown : log.missingVariables().entrySet()) {
            problems.add(new ScriptProblem(unknown.getValue()[0], unknown.getValue()[1], "Unknown variable '"
                    + unknown.getKey() + "'; scripts can use " + String.join(", ", ScriptVariables.ALL) + "."));
        }
        try {
            compiler.run(script, ScriptModel.root(context, texts, true, Set.of(), new RenderLog()));
        } catch (ScriptRejectedException e) {
            e.problems().forEach(p -> problems.add(new ScriptProblem(p.line(), p.column(),
                    "In a public review reply personal values are hidden, and then: " + p.message())));
        }
        return dedupe(problems);
    }

    private static List<ScriptProblem> dedupe(List<ScriptProblem> problems) {
        Map<String, ScriptProblem> unique = new LinkedHashMap<>();
        problems.forEach(p -> unique.putIfAbsent(p.toString(), p));
        return new ArrayList<>(unique.values());
    }
}
