package com.replybook.kb.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message the server can send to a client, with a stable code that clients translate. The API answers in
 * English ({@link #english()} with the arguments filled in) and names the code and its arguments beside it, so
 * that the console (or any client) can say the same in the user's language:
 * {@code {"message":"problem is longer than 2000 characters","reason":"input.tooLong","args":{"field":"problem","max":2000}}}.
 *
 * <p>Each feature declares its messages as an enum implementing this interface; the console's bundles hold a
 * translation of every code ({@code error.<code>}, a guard test checks all three languages). Placeholders are
 * named, {@code {max}}, and filled by {@link #fill}; any other brace is literal text.
 */
public interface ErrorCode {

    /**
     * What defines a message.
     *
     * @param code    the stable code, e.g. {@code entry.key.pattern}: never changes once published
     * @param english the English message with named placeholders, e.g. {@code {field} is longer than {max} characters}
     * @param args    the names of the arguments, in the order the factories take them, e.g. {@code [field, max]}
     */
    record Def(String code, String english, List<String> args) {
        public Def(String code, String english, String... args) {
            this(code, english, List.of(args));
        }
    }

    Def def();

    default String code() {
        return def().code();
    }

    default String english() {
        return def().english();
    }

    default List<String> argNames() {
        return def().args();
    }

    /** The arguments by name, in {@link #argNames()} order; missing trailing values are left out. */
    default Map<String, Object> args(Object... values) {
        Map<String, Object> named = new LinkedHashMap<>();
        List<String> names = argNames();
        for (int i = 0; i < Math.min(names.size(), values.length); i++) {
            if (values[i] != null) named.put(names.get(i), values[i]);
        }
        return named;
    }

    /** The English message for these arguments. */
    default String message(Object... values) {
        return fill(english(), args(values));
    }

    /** {@code pattern} with each {@code {name}} of {@code args} replaced by its value; other text as it is. */
    static String fill(String pattern, Map<String, ?> args) {
        Matcher m = Placeholders.NAME.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names a pattern uses, for the guard tests. */
    static List<String> placeholders(String pattern) {
        return Placeholders.NAME.matcher(pattern).results().map(r -> r.group(1)).toList();
    }

    /** Holder of the placeholder syntax (interfaces cannot have private constants). */
    final class Placeholders {
        static final Pattern NAME = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

        private Placeholders() {
        }
    }
}
