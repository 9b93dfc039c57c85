package com.replybook.kb.render;

import com.replybook.kb.vocabulary.ScriptVariables;

import freemarker.core.Environment;
import freemarker.core.TemplateElement;
import freemarker.core._CoreAPI;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a script sees: the ticket context as read-only hashes in which a missing known variable is never
 * {@code null}. It is its natural fallback (no warning) when the entry's editor accepted that fallback
 * ({@code acceptedFallbacks}), otherwise a visible agent-must-fill marker (a {@code missing:} warning, logged only
 * when the marker is actually printed): a missing carrier is asked for, not silently "快递公司". In a public reply every
 * non-{@link TicketContext#PUBLIC public} value is replaced by its fallback or by {@link #REDACTED}, which
 * {@link TextTidy} removes together with the currency sign or unit around it.
 *
 * <p>Consequence for editors: {@code ${order.id!"-"}} and {@code order.id??} do not see a missing value;
 * scripts need no defaults.
 */
final class ScriptModel {

    /** Stands in for redacted personal data until the tidy pass removes it; never in ticket values. */
    static final String REDACTED = "\uE000";

    private final VariableTexts texts;
    private final boolean publicOnly;
    private final Set<String> acceptedFallbacks;
    private final RenderLog log;

    private ScriptModel(VariableTexts texts, boolean publicOnly, Set<String> acceptedFallbacks, RenderLog log) {
        this.texts = texts;
        this.publicOnly = publicOnly;
        this.acceptedFallbacks = acceptedFallbacks;
        this.log = log;
    }

    /**
     * The root hash for a script; {@code publicOnly} redacts personal data (review replies); a missing variable in
     * {@code acceptedFallbacks} reads as its fallback, any other as the agent-must-fill marker.
     */
    static TemplateHashModel root(TicketContext context, VariableTexts texts, boolean publicOnly,
                                  Set<String> acceptedFallbacks, RenderLog log) {
        return new ScriptModel(texts, publicOnly, acceptedFallbacks, log).new Node("", context.values());
    }

    private TemplateModel wrap(String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            return new Node(path, map);
        }
        if (publicOnly && !ScriptVariables.PUBLIC.contains(path)) {
            return new SimpleScalar(fallbackOr(path, REDACTED));
        }
        if (value instanceof List<?> list) {
            return new Items(path, list);
        }
        return new SimpleScalar((String) value);
    }

    private TemplateModel absent(String path) {
        String fallback = texts.fallback(path);
        if (fallback != null && acceptedFallbacks.contains(path)) {
            return new SimpleScalar(fallback);
        }
        if (publicOnly && !ScriptVariables.PUBLIC.contains(path)) {
            return new SimpleScalar(fallbackOr(path, REDACTED)); // personal data: never asked for in public
        }
        return new Missing(path);
    }

    private String fallbackOr(String path, String otherwise) {
        String fallback = texts.fallback(path);
        return fallback != null ? fallback : otherwise;
    }

    /** A hash level; unknown top-level names stay undefined so FreeMarker reports them as errors. */
    private final class Node implements TemplateHashModel {
        private final String path;
        private final Map<?, ?> values;

        Node(String path, Map<?, ?> values) {
            this.path = path;
            this.values = values;
        }

        @Override
        public TemplateModel get(String key) {
            String child = path.isEmpty() ? key : path + "." + key;
            Object value = values.get(key);
            if (value != null) {
                return wrap(child, value);
            }
            if (path.isEmpty()) {
                return ScriptVariables.ROOTS.contains(key) ? new Node(key, Map.of()) : null;
            }
            return absent(child);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    private final class Items implements TemplateSequenceModel {
        private final String path;
        private final List<?> items;

        Items(String path, List<?> items) {
            this.path = path;
            this.items = items;
        }

        @Override
        public TemplateModel get(int index) {
            return index >= 0 && index < items.size() ? wrap(path, items.get(index)) : null;
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /** A missing value without a fallback: prints the marker and logs the gap when (and only when) printed. */
    private final class Missing implements TemplateScalarModel {
        private final String path;

        Missing(String path) {
            this.path = path;
        }

        @Override
        public String getAsString() {
            String marker = texts.marker(path);
            log.missing(path, marker, whereUsed());
            return marker;
        }
    }

    /** Line and column of the instruction being executed, for save-time messages; {@code 1:1} if unknown. */
    @SuppressWarnings("deprecation")
    private static int[] whereUsed() {
        Environment env = Environment.getCurrentEnvironment();
        TemplateElement[] stack = env == null ? null : _CoreAPI.getInstructionStackSnapshot(env);
        if (stack == null || stack.length == 0) {
            return new int[] {1, 1};
        }
        return new int[] {stack[0].getBeginLine(), stack[0].getBeginColumn()};
    }
}
