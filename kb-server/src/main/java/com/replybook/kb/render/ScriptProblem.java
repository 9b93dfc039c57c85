package com.replybook.kb.render;

/**
 * Why a script cannot be saved or rendered, and where: 1-based line and column in the script source
 * ({@code 1, 1} when the problem is not tied to a place, such as a time-out).
 *
 * @param message what is wrong and how to fix it, e.g. {@code "?new is not allowed in scripts"}
 */
public record ScriptProblem(int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
