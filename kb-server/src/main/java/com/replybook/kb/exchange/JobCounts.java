package com.replybook.kb.exchange;

import java.util.Map;

/**
 * What a job's rows would do (the dry run's plan, by action) and what the import did (by outcome), e.g.
 * {@code planned = {create=3, pending=2, unchanged=61}}, {@code selected = 4} (one row left out),
 * {@code outcomes = {created=3, pending=1}}.
 */
public record JobCounts(Map<String, Integer> planned, int selected, Map<String, Integer> outcomes) {

    public int planned(String action) {
        return planned.getOrDefault(action, 0);
    }

    public int outcome(String outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /** Rows that would write something and were left out by the user. */
    public int leftOut() {
        return planned("create") + planned("update") + planned("pending") - selected;
    }
}
