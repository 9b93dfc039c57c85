package com.replybook.kb.editor;

import com.replybook.kb.web.FieldError;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the editor's live preview needs from the rendering feature: render an unsaved script in a tone, channel and
 * locale with a sample context, for an entry of a category, and realistic sample values. {@link RendererPreview}
 * adapts the sandboxed {@code ScriptRenderer}; the console never renders scripts itself. The script's problems come
 * from the entries feature's save-time check, so the preview shows exactly what a save would refuse.
 */
public interface ScriptPreview {

    /** One rendering: plain text, safe HTML and warnings such as {@code missing:order.id}. */
    record Result(String text, String html, List<String> warnings) {
    }

    /** The script could not be rendered: its problems, each with a line and column (field {@code script}). */
    final class Rejected extends RuntimeException {
        private final transient List<FieldError> problems;

        public Rejected(List<FieldError> problems, Throwable cause) {
            super(String.valueOf(problems), cause);
            this.problems = List.copyOf(problems);
        }

        public List<FieldError> problems() {
            return problems;
        }
    }

    /**
     * Renders for {@code caller} (a username), within their share of the render workers; {@link Rejected} when it
     * fails on this context.
     *
     * @param category          the entry's category, e.g. {@code 物流/延误}; {@code null} when not yet given
     * @param acceptedFallbacks the variables whose stand-in word the entry accepts for a missing value
     */
    Result render(String script, String locale, String tone, String channel, Map<String, Object> context,
                  String category, Set<String> acceptedFallbacks, String caller);

    /** A sample value of every documented variable in {@code locale}'s words, e.g. {@code order.amount → 199.00}. */
    Map<String, String> sampleValues(String locale);
}
