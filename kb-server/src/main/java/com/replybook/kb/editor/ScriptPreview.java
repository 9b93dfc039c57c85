package com.replybook.kb.editor;

import com.replybook.kb.web.FieldError;

import java.util.List;
import java.util.Map;

/**
 * What the editor's live preview needs from the rendering feature: render an unsaved script in a tone,
 * channel and locale with a sample context, and validate it with line and column. {@link RendererPreview}
 * adapts the sandboxed {@code ScriptRenderer}; the console never renders scripts itself.
 */
public interface ScriptPreview {

    /** One rendering: plain text, safe HTML and warnings such as {@code missing:order.id}. */
    record Result(String text, String html, List<String> warnings) {
    }

    /** Renders for {@code caller} (a username), within their share of the render workers. */
    Result render(String script, String locale, String tone, String channel, Map<String, Object> context, String caller);

    /** Problems with {@code script}, each with {@code field = "script"} and line/column; empty when fine. */
    List<FieldError> validate(String script);

}
