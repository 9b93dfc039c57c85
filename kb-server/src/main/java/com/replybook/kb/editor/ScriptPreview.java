package com.replybook.kb.editor;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the editor's live preview needs from the rendering feature: render an unsaved script in a tone, channel and
 * locale with a sample context, for an entry of a category. {@link RendererPreview} adapts the sandboxed
 * {@code ScriptRenderer}; the console never renders scripts itself. The script's problems come from the entries
 * feature's save-time check, so the preview shows exactly what a save would refuse.
 */
public interface ScriptPreview {

    /** One rendering: plain text, safe HTML and warnings such as {@code missing:order.id}. */
    record Result(String text, String html, List<String> warnings) {
    }

    /**
     * Renders for {@code caller} (a username), within their share of the render workers.
     *
     * @param category          the entry's category, e.g. {@code 物流/延误}; {@code null} when not yet given
     * @param acceptedFallbacks the variables whose stand-in word the entry accepts for a missing value
     */
    Result render(String script, String locale, String tone, String channel, Map<String, Object> context,
                  String category, Set<String> acceptedFallbacks, String caller);
}
