package com.replybook.kb.editor;

import com.replybook.kb.render.RenderRequest;
import com.replybook.kb.render.RenderResult;
import com.replybook.kb.render.ScriptRejectedException;
import com.replybook.kb.render.ScriptRenderer;

import java.util.Map;
import java.util.Set;

/** The live preview backed by the server's sandboxed {@link ScriptRenderer}. Thread-safe. */
public final class RendererPreview implements ScriptPreview {

    private final ScriptRenderer renderer;

    public RendererPreview(ScriptRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Result render(String script, String locale, String tone, String channel, Map<String, Object> context,
                         String category, Set<String> acceptedFallbacks, String caller) {
        try {
            RenderResult r = renderer.render(new RenderRequest(script, locale, tone, channel, null, context, category,
                    acceptedFallbacks), caller);
            return new Result(r.text(), r.html(), r.warnings());
        } catch (ScriptRejectedException e) {
            throw new Rejected(e.problems().stream().map(p -> p.toFieldError("script")).toList(), e);
        }
    }

    @Override
    public Map<String, String> sampleValues(String locale) {
        return renderer.sampleValues(locale);
    }
}
