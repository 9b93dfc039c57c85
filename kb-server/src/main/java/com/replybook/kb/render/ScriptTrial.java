package com.replybook.kb.render;

import freemarker.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Save-time check of a script: compile it, then render it once with every documented variable filled in (the
 * sample values of {@code templates/variables/zh-CN.properties}) and once as a public review reply, so unknown
 * variables and type errors are found before a customer's reply is.
 */
final class ScriptTrial {

    private final ScriptCompiler compiler;
    private final VariableTexts texts;
    /** Every documented variable with its sample value. */
    private final TicketContext fullContext;

    ScriptTrial(ScriptCompiler compiler, VariableTexts texts) {
        this.compiler = compiler;
        this.texts = texts;
        this.fullContext = TicketContext.of(nested(texts.samples()));
    }

    /** {@code {"order.id": "E1024"}} → {@code {"order": {"id": "E1024"}}}. */
    static Map<String, Object> nested(Map<String, String> byPath) {
        Map<String, Object> root = new LinkedHashMap<>();
        byPath.forEach((path, value) -> {
            Map<String, Object> node = root;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
                node = child;
            }
            node.put(parts[parts.length - 1], value);
        });
        return root;
    }

    /** Problems with line and column; empty when the script may be saved. */
    List<ScriptProblem> problems(String source) {
        Template script = compiler.compile(source);
        TicketContext context = fullContext;
        List<ScriptProblem> problems = new ArrayList<>();
        RenderLog log = new RenderLog();
        try {
            compiler.run(script, ScriptModel.root(context, texts, false, Set.of(), log), log);
        } catch (ScriptRejectedException e) {
            return e.problems();
        }
        for (Map.Entry<String, int[]> unknown : log.missingVariables().entrySet()) {
            problems.add(ScriptProblems.unknownVariable(unknown.getValue()[0], unknown.getValue()[1], unknown.getKey()));
        }
        try {
            RenderLog publicLog = new RenderLog();
            compiler.run(script, ScriptModel.root(context, texts, true, Set.of(), publicLog), publicLog);
        } catch (ScriptRejectedException e) {
            e.problems().forEach(p -> problems.add(p.inPublicReply()));
        }
        return dedupe(problems);
    }

    private static List<ScriptProblem> dedupe(List<ScriptProblem> problems) {
        Map<String, ScriptProblem> unique = new LinkedHashMap<>();
        problems.forEach(p -> unique.putIfAbsent(p.toString(), p));
        return new ArrayList<>(unique.values());
    }
}
