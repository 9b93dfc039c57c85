package com.replybook.kb.console;

import com.replybook.kb.web.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the editor's live preview needs from the rendering feature: render an unsaved script in a tone,
 * channel and locale with a sample context, and validate it with line and column. The composition root
 * adapts the sandboxed {@code ScriptRenderer} to this; the console never renders scripts itself.
 */
public interface ScriptPreview {

    /** One rendering: plain text, safe HTML and warnings such as {@code missing:order.id}. */
    record Result(String text, String html, List<String> warnings) {
    }

    Result render(String script, String locale, String tone, String channel, Map<String, Object> context);

    /** Problems with {@code script}, each with {@code field = "script"} and line/column; empty when fine. */
    List<FieldError> validate(String script);

    /** The tones and channels the preview grid shows (those of the renderer's layouts). */
    List<String> TONES = List.of("standard", "warm", "lively", "formal");
    List<String> CHANNELS = List.of("chat", "email", "sms", "review");

    /**
     * A stand-in used only until a renderer is wired: substitutes {@code ${a.b}} from the context as text and
     * validates nothing. It never evaluates the script.
     */
    static ScriptPreview substitutionOnly() {
        Pattern var = Pattern.compile("\\$\\{\\s*([a-zA-Z_][\\w.]*)[^}]*}");
        return new ScriptPreview() {
            @Override
            public Result render(String script, String locale, String tone, String channel, Map<String, Object> ctx) {
                List<String> warnings = new ArrayList<>();
                Matcher m = var.matcher(script == null ? "" : script);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    Object v = lookup(ctx, m.group(1));
                    if (v == null) warnings.add("missing:" + m.group(1));
                    m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "[" + m.group(1) + "]" : v.toString()));
                }
                m.appendTail(sb);
                return new Result(sb.toString(), null, warnings);
            }

            @Override
            public List<FieldError> validate(String script) {
                return List.of();
            }
        };
    }

    private static Object lookup(Map<String, Object> ctx, String path) {
        Object cur = ctx;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) return null;
            cur = m.get(part);
        }
        return cur instanceof Map ? null : cur;
    }
}
