package com.replybook.kb.render;

import java.util.regex.Pattern;

/**
 * FreeMarker's error messages in editors' words. FreeMarker writes for template programmers: it names its model
 * classes ({@code f.t.SimpleScalar}, our {@code ScriptModel$Missing}), its version, help links and the list of every
 * built-in, and repeats the place the problem already gives as line and column. What is left is its first sentence,
 * with "hash" and "sequence" said the way editors know them.
 *
 * <pre>{@code
 * plain("Expected a hash, but this has evaluated to a string (wrapper: f.t.SimpleScalar): ==> order.id [in template \"script\" at line 1, column 3]")
 *     // "Expected a group of values (like order), but this is text: order.id"
 * }</pre>
 */
final class ScriptMessages {

    private static final Pattern CUT = Pattern.compile("(?s)(\\n----|\\n\\n|Help \\(latest version\\)|The alphabetical list|"
            + "Tip:|You're using FreeMarker|you're using FreeMarker).*");
    private static final Pattern WRAPPER = Pattern.compile("\\s*\\(wrapper: [^)]*\\)");
    private static final Pattern PLACE = Pattern.compile("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]");
    /** {@code com.example.Type}, {@code f.t.SimpleScalar}, {@code Outer$Inner}: never meant for an editor. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[A-Za-z_]\\w*\\.)+[A-Z]\\w*(?:\\$\\w+)*|\\b\\w+\\$\\w+");

    private ScriptMessages() {
    }

    /** {@code message} as one plain sentence of at most 300 characters, without FreeMarker's internals. */
    static String plain(String message) {
        if (message == null || message.isBlank()) return "Invalid script.";
        String s = CUT.matcher(message).replaceFirst("");
        s = WRAPPER.matcher(s).replaceAll("");
        s = PLACE.matcher(s).replaceAll("");
        s = CLASS_NAME.matcher(s).replaceAll("a value");
        s = s.replace("==> ", "").replace("evaluated to", "is")
                .replace("a hash", "a group of values (like order)")
                .replace("an extended hash", "a group of values (like order)")
                .replace("a sequence", "a list").replace("a string", "text")
                .replaceAll("\\s+", " ").strip();
        if (s.endsWith(":") || s.endsWith(";")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty()) return "Invalid script.";
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
