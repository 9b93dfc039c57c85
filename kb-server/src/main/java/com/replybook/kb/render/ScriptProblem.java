package com.replybook.kb.render;

import com.replybook.kb.web.FieldError;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a script cannot be saved or rendered, and where: 1-based line and column in the script source
 * ({@code 1, 1} when the problem is not tied to a place, such as a time-out).
 *
 * @param message what is wrong and how to fix it, in English, e.g. {@code "?new is not allowed in scripts"}
 * @param reason  the message's code ({@link ScriptError}), for clients that translate it
 * @param args    the message's arguments by name; {@code publicReply: true} when the problem appears only in a
 *                public review reply, where personal values are hidden
 */
public record ScriptProblem(int line, int column, String message, String reason, Map<String, Object> args) {

    public ScriptProblem {
        args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** The problem {@code error} with {@code args} at a line and column. */
    public static ScriptProblem of(int line, int column, ScriptError error, Object... args) {
        return new ScriptProblem(line, column, error.message(args), error.code(), error.args(args));
    }

    /** This problem as it shows in a public review reply. */
    ScriptProblem inPublicReply() {
        Map<String, Object> more = new LinkedHashMap<>(args);
        more.put("publicReply", true);
        return new ScriptProblem(line, column,
                "In a public review reply personal values are hidden, and then: " + message, reason, more);
    }

    /** This problem as an error of {@code field} with its line and column. */
    public FieldError toFieldError(String field) {
        return new FieldError(field, message, line, column, reason, args);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
