package com.replybook.kb.render;

import java.util.List;

/**
 * The script is invalid, dangerous, or exceeded the render time or size limit; the API answers 422 with
 * {@link #problems()} (never empty).
 */
public final class ScriptRejectedException extends RuntimeException {

    private final List<ScriptProblem> problems;

    ScriptRejectedException(List<ScriptProblem> problems) {
        super("Script rejected: " + problems);
        this.problems = List.copyOf(problems);
    }

    ScriptRejectedException(ScriptProblem problem) {
        this(List.of(problem));
    }

    /** The problems found, each with its line and column. */
    public List<ScriptProblem> problems() {
        return problems;
    }
}
