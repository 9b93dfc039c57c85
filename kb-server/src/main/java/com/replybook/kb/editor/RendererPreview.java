package com.replybook.kb.editor;

import com.replybook.kb.render.RenderRequest;
import com.replybook.kb.render.RenderResult;
import com.replybook.kb.render.ScriptProblem;
import com.replybook.kb.render.ScriptRejectedException;
import com.replybook.kb.render.ScriptRenderer;
import com.replybook.kb.web.FieldError;

import java.util.List;
import java.util.Map;

/** The live preview backed by the server's sandboxed {@link ScriptRenderer}. Thread-safe. */
public final class RendererPreview implements ScriptPreview {

    private final ScriptRenderer renderer;

    public RendererPreview(ScriptRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Result render(String script, String locale, String tone, String channel, Map<String, Object> context,
                         String caller) {
        try {
            RenderResult r = renderer.render(new RenderRequest(script, locale, tone, channel, null, context), caller);
            return new Result(r.text(), r.html(), r.warnings());
        } catch (ScriptRejectedException e) {
            throw new IllegalArgumentException(e.problems().stream().map(ScriptProblem::toString).toList().toString(), e);
        }
    }

    @Override
    public List<FieldError> validate(String script) {
        return problems(renderer, script);
    }

    /** {@code renderer}'s problems with {@code script} as field errors of {@code script} with line and column. */
    public static List<FieldError> problems(ScriptRenderer renderer, String script) {
        return renderer.validate(script).stream()
                .map(p -> new FieldError("script", p.message(), p.line(), p.column())).toList();
    }
}
